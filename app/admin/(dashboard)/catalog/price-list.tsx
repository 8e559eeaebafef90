import type { CatalogAdminView } from "@/lib/admin/catalog-view";
import styles from "../catalog-editor.module.css";
import { ActionButton } from "../action-form";
import { ChoiceForm } from "../choice-form";
import { EditRow } from "../edit-row";

/** The chosen device's price for each part: set, change, switch off, or remove. */
export function PriceList({ view, branchId }: { view: CatalogAdminView; branchId?: number }) {
  const { device, devices, parts, prices } = view;
  if (!device) return <p className={styles.note}>Tambahkan perangkat dulu.</p>;
  return (
    <>
      <ChoiceForm
        path="/admin/catalog"
        name="device"
        label="Perangkat"
        value={device.id}
        options={devices.map((d) => ({ id: d.id, label: `${d.name}${d.active ? "" : " (nonaktif)"}` }))}
        keep={branchId === undefined ? {} : { cabang: String(branchId) }}
      />
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
