import type { ShopInfo } from "@/lib/site/shop-info";
import styles from "./shop-contact.module.css";

/** Where the shop is, its number and hours: the home page's footer and the status page's "Lokasi toko". */
export function ShopContactCard({ info, heading }: { info: ShopInfo; heading?: string }) {
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
              Buka di Google Maps
            </a>
          )}
          {contact.phone && <a href={`tel:${contact.phone}`}>Telepon {contact.phoneDisplay}</a>}
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
