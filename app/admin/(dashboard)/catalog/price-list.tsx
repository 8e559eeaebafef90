import type { CatalogAdminView } from "@/lib/admin/catalog-view";
import styles from "../catalog-editor.module.css";
import { ActionButton } from "../action-form";
import { EditRow } from "../edit-row";

/** The chosen device's price for each part: set, change, switch off, or remove. */
export function PriceList({ view, branchId }: { view: CatalogAdminView; branchId?: number }) {
  const { device, devices, parts, prices } = view;
  if (!device) return <p className={styles.note}>Tambahkan perangkat dulu.</p>;
  return (
    <>
      <form method="get" action="/admin/catalog" className={styles.row}>
        {branchId !== undefined && <input type="hidden" name="cabang" value={branchId} />}
        <label className={styles.name}>
          Perangkat
          <select name="device" defaultValue={device.id}>
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
                {d.active ? "" : " (nonaktif)"}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={styles.save}>
          Tampilkan
        </button>
      </form>
      <ul className={styles.rows} aria-label={`Harga ${device.name}`}>
        {parts.map((part) => {
          const price = prices.get(part.id);
          return (
            <EditRow key={part.id} action="saveDevicePrice" alt="removeDevicePrice">
              <input type="hidden" name="deviceId" value={device.id} />
              <input type="hidden" name="partId" value={part.id} />
              <label className={styles.name}>
                {part.name}
                {part.active ? "" : " (layanan nonaktif)"}
                <input
                  type="text"
                  inputMode="numeric"
                  name="priceIdr"
                  defaultValue={price?.priceIdr}
                  placeholder="belum ada harga"
                  aria-label={`Harga ${part.name} (Rp)`}
                />
              </label>
              <label className={styles.check}>
                <input type="checkbox" name="active" defaultChecked={price?.active ?? true} aria-label={`Harga ${part.name} aktif`} />
                Aktif
              </label>
              <ActionButton label={`Simpan harga ${part.name}`}>Simpan</ActionButton>
              {price && (
                <ActionButton alt label={`Hapus harga ${part.name}`} kind="remove" confirm={{ question: `Hapus harga ${part.name}?`, yes: "Ya, hapus" }}>
                  Hapus
                </ActionButton>
              )}
            </EditRow>
          );
        })}
      </ul>
    </>
  );
}
