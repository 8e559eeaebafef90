import type { CatalogEntry } from "@/db/queries/catalog";
import type { StockRow } from "@/lib/admin/stock";
import adminStyles from "../../admin.module.css";
import styles from "../catalog-editor.module.css";
import { ActionButton, ActionForm } from "../action-form";
import { BranchField } from "../branch-picker";
import local from "./stock.module.css";

const FORM = `${styles.row} ${local.form}`;

/** The shelf a row's forms change: its branch, device and part. */
function Ids({ row }: { row: { branchId: number; deviceId: number; partId: number } }) {
  return (
    <>
      <BranchField branchId={row.branchId} />
      <input type="hidden" name="deviceId" value={row.deviceId} />
      <input type="hidden" name="partId" value={row.partId} />
    </>
  );
}

/** The marker beside a part: empty with a back-order allowed still books, for dates far enough. */
function shelfBadge(row: StockRow): string {
  if (row.left > 0) return "Menipis";
  return row.backorderDays === null ? "Habis" : `Habis · inden ${row.backorderDays} hari`;
}

function Level({ row }: { row: StockRow }) {
  return (
    <p>
      <strong>
        {row.partName} · {row.deviceName}
      </strong>{" "}
      {row.low && <span className={`${adminStyles.badge} ${row.left === 0 ? adminStyles.badgeBad : adminStyles.badgeWarn}`}>{shelfBadge(row)}</span>}
      <br />
      Di rak {row.onHand} · Dipesan {row.reserved} · <strong>Sisa {row.left}</strong>
      {row.backorderDays !== null && <> · inden {row.backorderDays} hari</>}
    </p>
  );
}

/** One card per tracked part: its level, "Terima barang" for anyone, "Koreksi" and the settings for the owner. */
export function StockList({ rows, owner }: { rows: StockRow[]; owner: boolean }) {
  if (rows.length === 0) return <p className={styles.note}>Belum ada stok yang dicatat. Mulai dengan &quot;Terima barang&quot; di bawah.</p>;
  return (
    <ul className={styles.rows} aria-label="Stok per part">
      {rows.map((row) => {
        const name = `${row.partName} ${row.deviceName}`;
        return (
          <li key={`${row.deviceId}:${row.partId}`}>
            <Level row={row} />
            <ActionForm action="receiveStock" className={FORM} label={`Terima ${name}`}>
              <Ids row={row} />
              <label className={styles.short}>
                Terima (+)
                <input type="number" name="quantity" min={1} required aria-label={`Jumlah diterima ${name}`} />
              </label>
              <ActionButton label={`Terima barang ${name}`}>Terima barang</ActionButton>
            </ActionForm>
            {owner && (
              <>
                <ActionForm action="countStock" className={FORM} label={`Koreksi ${name}`}>
                  <Ids row={row} />
                  <label className={styles.short}>
                    Hitungan
                    <input type="number" name="onHand" min={0} defaultValue={row.onHand} required aria-label={`Jumlah di rak ${name}`} />
                  </label>
                  <label className={styles.name}>
                    Alasan
                    <input type="text" name="reason" required placeholder="mis. hitung ulang, rusak" aria-label={`Alasan koreksi ${name}`} />
                  </label>
                  <ActionButton label={`Koreksi ${name}`}>Koreksi</ActionButton>
                </ActionForm>
                <ActionForm action="saveStockSetting" className={FORM} label={`Pengaturan ${name}`}>
                  <Ids row={row} />
                  <label className={styles.short}>
                    Menipis di
                    <input type="number" name="lowAt" min={0} defaultValue={row.lowAt} required aria-label={`Batas menipis ${name}`} />
                  </label>
                  <label className={styles.short}>
                    Inden (hari)
                    <input type="number" name="backorderDays" min={1} max={365} defaultValue={row.backorderDays ?? ""} placeholder="tidak" aria-label={`Inden ${name}`} />
                  </label>
                  <ActionButton label={`Simpan pengaturan ${name}`}>Simpan</ActionButton>
                </ActionForm>
                <ActionForm action="untrackStock" className={FORM} label={`Berhenti lacak ${name}`}>
                  <Ids row={row} />
                  <ActionButton kind="remove" label={`Berhenti lacak ${name}`} confirm={{ question: `Berhenti lacak stok ${name}? Part itu akan selalu ditawarkan.`, yes: "Ya, berhenti lacak" }}>
                    Berhenti lacak
                  </ActionButton>
                </ActionForm>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Receiving a part the shop has not counted yet starts its stock. */
export function ReceiveNew({ items, branchId }: { items: CatalogEntry[]; branchId: number }) {
  if (items.length === 0) return <p className={styles.note}>Semua part di katalog sudah dicatat stoknya.</p>;
  return (
    <ActionForm action="receiveStock" label="Terima barang part baru">
      <BranchField branchId={branchId} />
      <label className={styles.name}>
        Part
        <select name="pair" aria-label="Part yang diterima" required>
          {items.map((item) => (
            <option key={`${item.deviceId}:${item.partId}`} value={`${item.deviceId}:${item.partId}`}>
              {item.deviceName} — {item.partName}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.short}>
        Jumlah
        <input type="number" name="quantity" min={1} required aria-label="Jumlah diterima" />
      </label>
      <ActionButton label="Terima barang part baru">Terima barang</ActionButton>
    </ActionForm>
  );
}
