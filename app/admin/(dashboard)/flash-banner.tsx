import type { EditResult } from "@/lib/admin/edit-result";
import styles from "./catalog-editor.module.css";

const FIELD_NAMES: Record<string, string> = {
  name: "Nama",
  sort: "Urutan",
  priceIdr: "Harga",
  deviceId: "Perangkat",
  partId: "Layanan",
  label: "Label",
  startTime: "Jam mulai",
  endTime: "Jam selesai",
  capacity: "Kapasitas",
  date: "Tanggal",
  reason: "Alasan",
  shopName: "Nama toko",
  tagline: "Slogan",
  bookingHorizonDays: "Batas hari booking",
  leadTimeMinutes: "Jeda minimal",
  holdHours: "Batas bayar",
  maxUnpaidPerChat: "Booking belum dibayar per chat",
  diagnosisFeeIdr: "Biaya cek / diagnosa",
  warrantyClaimFeeIdr: "Biaya klaim garansi",
  amountIdr: "Jumlah",
  via: "Cara refund",
  refundKey: "Formulir",
};

/** Fields whose message already names what it is about (the weekly grid's cells, "cap-<slot>-<weekday>"). */
const SELF_NAMED = /^cap-\d+-\d$/;

/** What the last catalog/schedule form did: a confirmation, or why it was refused, field by field. */
export function FlashBanner({ flash }: { flash?: EditResult }) {
  if (!flash) return null;
  if (flash.status === "ok") {
    return (
      <p role="status" className={styles.ok} data-testid="flash">
        {flash.message}
      </p>
    );
  }
  return (
    <div role="alert" className={styles.bad} data-testid="flash">
      <strong>Perubahan tidak disimpan.</strong>
      <ul>
        {Object.entries(flash.errors).map(([field, message]) => (
          <li key={field}>{field === "_form" || SELF_NAMED.test(field) ? message : `${FIELD_NAMES[field] ?? field}: ${message}`}</li>
        ))}
      </ul>
    </div>
  );
}
