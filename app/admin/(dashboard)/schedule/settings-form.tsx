import type { ShopSettings } from "@/db/queries/settings";
import { ActionForm } from "../action-form";
import styles from "../catalog-editor.module.css";

const WEEKDAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/** The shop's name, pitch and whereabouts (shown on the home page, the status page and by the bot) and the booking rules. */
export function SettingsForm({ settings }: { settings: ShopSettings }) {
  return (
    <ActionForm action="saveSettingsAction" className={styles.stack}>
      <label>
        Nama toko
        <input type="text" name="shopName" defaultValue={settings.shopName} required maxLength={80} />
      </label>
      <label>
        Slogan di halaman depan
        <input type="text" name="tagline" defaultValue={settings.tagline} maxLength={200} />
      </label>
      <label>
        Alamat toko
        <textarea name="address" defaultValue={settings.address} maxLength={300} rows={2} placeholder="Jl. …, kota" />
      </label>
      <label>
        Nomor HP / WhatsApp
        <input type="tel" name="phone" defaultValue={settings.phone} maxLength={24} placeholder="0812-3456-7890" inputMode="tel" />
      </label>
      <label>
        Tautan Google Maps
        <input type="url" name="mapsUrl" defaultValue={settings.mapsUrl} maxLength={500} placeholder="https://maps.app.goo.gl/…" />
      </label>
      <p className={styles.note}>Alamat, nomor dan peta tampil di halaman depan, di halaman status pesanan dan di konfirmasi booking dari bot.</p>
      <label>
        Booking dibuka sampai (hari ke depan)
        <input type="number" name="bookingHorizonDays" defaultValue={settings.bookingHorizonDays} min={1} max={365} required />
      </label>
      <label>
        Jeda minimal sebelum jam servis (menit)
        <input type="number" name="leadTimeMinutes" defaultValue={settings.leadTimeMinutes} min={0} max={1440} required />
      </label>
      <label>
        Batas bayar setelah booking (jam)
        <input type="number" name="holdHours" defaultValue={settings.holdHours} min={1} max={72} required />
      </label>
      <label>
        Booking belum dibayar per chat Telegram (maksimal)
        <input type="number" name="maxUnpaidPerChat" defaultValue={settings.maxUnpaidPerChat} min={1} max={20} required />
      </label>
      <label>
        Biaya cek / diagnosa, saat spare part belum diketahui (Rp, 0 = gratis)
        <input type="number" name="diagnosisFeeIdr" defaultValue={settings.diagnosisFeeIdr} min={0} max={10000000} required />
      </label>
      {/* An unchecked box sends nothing: this hidden "off" comes first, so the box's "on" wins when checked. */}
      <input type="hidden" name="payAtShopAllowed" value="off" />
      <label className={styles.check}>
        <input type="checkbox" name="payAtShopAllowed" value="on" defaultChecked={settings.payAtShopAllowed} />
        Pelanggan boleh memilih &quot;Bayar di toko&quot; di bot (jadwal tetap tersimpan tanpa batas bayar)
      </label>
      <p className={styles.note}>Cek gratis (Rp0) selalu dibayar di toko. Pesanan &quot;Bayar di toko&quot; dicatat lunas dengan tombol pembayaran di kasir.</p>
      <fieldset className={styles.weekdays}>
        <legend>Tutup setiap</legend>
        {WEEKDAYS.map((name, day) => (
          <label key={day} className={styles.check}>
            <input type="checkbox" name="closedWeekdays" value={day} defaultChecked={settings.closedWeekdays.includes(day)} />
            {name}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" className={styles.save}>
          Simpan pengaturan
        </button>
      </div>
    </ActionForm>
  );
}
