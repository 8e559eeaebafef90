import type { Language } from "@/lib/booking/status-labels";
import type { ShopInfo } from "@/lib/site/shop-info";
import styles from "./shop-contact.module.css";

/** Where the shop is, its number and hours: the home page's footer and the status page's "Lokasi toko". */
const WORDS = {
  id: { maps: "Buka di Google Maps", phone: "Telepon" },
  en: { maps: "Open in Google Maps", phone: "Call" },
};

export function ShopContactCard({ info, heading, language = "id" }: { info: ShopInfo; heading?: string; language?: Language }) {
  const words = WORDS[language];
  const { contact, hours } = info;
  return (
    <address className={styles.contact} data-testid="shop-contact">
      {heading && <strong className={styles.heading}>{heading}</strong>}
      <span className={styles.name}>{contact.name}</span>
      {contact.address && <span>{contact.address}</span>}
      {hours && <span>{hours}</span>}
      {(contact.mapsUrl || contact.phone) && (
        <span className={styles.links}>
          {contact.mapsUrl && (
            <a href={contact.mapsUrl} target="_blank" rel="noopener noreferrer">
              {words.maps}
            </a>
          )}
          {contact.phone && <a href={`tel:${contact.phone}`}>{words.phone} {contact.phoneDisplay}</a>}
          {contact.whatsappUrl && (
            <a href={contact.whatsappUrl} target="_blank" rel="noopener noreferrer">
              WhatsApp
            </a>
          )}
        </span>
      )}
    </address>
  );
}
