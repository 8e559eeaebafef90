import type { Branch } from "@/db/schema";
import type { CatalogAdminView } from "@/lib/admin/catalog-view";
import { formatRupiah } from "@/lib/booking/money";
import styles from "../catalog-editor.module.css";
import { ActionButton } from "../action-form";
import { BranchField } from "../branch-picker";
import { EditRow } from "../edit-row";

/**
 * The chosen device's prices at one branch: for each part the catalog prices, the
 * branch's own price (empty = it charges the shared one) and "Pakai harga umum".
 */
export function BranchPriceList({ view, branch }: { view: CatalogAdminView; branch: Branch }) {
  const { device, parts, prices, branchPrices } = view;
  if (!device) return null;
  const priced = parts.filter((part) => prices.has(part.id));
  if (priced.length === 0) return <p className={styles.note}>{device.name} belum punya harga umum.</p>;
  return (
    <ul className={styles.rows} aria-label={`Harga ${device.name} di ${branch.name}`}>
      {priced.map((part) => {
        const own = branchPrices.get(part.id);
        const what = `${part.name} di ${branch.name}`;
        return (
          <EditRow key={part.id} action="saveBranchPriceAction" alt="clearBranchPriceAction">
            <BranchField branchId={branch.id} />
            <input type="hidden" name="deviceId" value={device.id} />
            <input type="hidden" name="partId" value={part.id} />
            <label className={styles.name}>
              {part.name} (umum {formatRupiah(prices.get(part.id)!.priceIdr)})
              <input type="text" inputMode="numeric" name="priceIdr" defaultValue={own} placeholder="harga umum" aria-label={`Harga ${what} (Rp)`} />
            </label>
            <ActionButton label={`Simpan harga ${what}`}>Simpan</ActionButton>
            {own !== undefined && (
              <ActionButton alt label={`Pakai harga umum untuk ${what}`} kind="remove">
                Pakai harga umum
              </ActionButton>
            )}
          </EditRow>
        );
      })}
    </ul>
  );
}
