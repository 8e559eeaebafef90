// GET /admin/stock – a branch's shelf (?cabang=): on hand, reserved, left; receive, count, alert level and back-order
import type { Metadata } from "next";
import { getDb } from "@/db";
import { pickBranch } from "@/lib/admin/branch-scope";
import { isOwner } from "@/lib/admin/roles";
import { requireAdminPage } from "@/lib/admin/session";
import { loadStockView } from "@/lib/admin/stock";
import styles from "../catalog-editor.module.css";
import { ResultArea } from "../action-form";
import { BranchPicker, NoBranch } from "../branch-picker";
import * as stockActions from "./actions";
import { ReceiveNew, StockList } from "./stock-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stok spare part", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StockPage({ searchParams }: Props) {
  // Staff of some branches see their branches' shelves only: the choice is theirs, and each action checks the posted branch.
  const admin = await requireAdminPage("/admin/stock");
  const db = await getDb();
  const pick = await pickBranch(db, admin, (await searchParams).cabang);
  if (!pick.branch) return <NoBranch />;
  const branchId = pick.branch.id;
  const view = await loadStockView(db, { now: new Date(), branchId });
  const owner = isOwner(admin);
  return (
    <div className={styles.page}>
      <h1>Stok spare part</h1>
      <BranchPicker pick={pick} path="/admin/stock" />
      <ResultArea actions={{ ...stockActions }}>
        <section className={styles.section} aria-labelledby="stok">
          <h2 id="stok">Di rak</h2>
          <p className={styles.note}>
            Dipesan = booking yang masih berjalan dengan part itu. Unit keluar dari rak saat perbaikan ditandai selesai; booking yang batal atau kedaluwarsa
            mengembalikannya. Part tanpa catatan stok selalu ditawarkan.
          </p>
          <StockList rows={view.rows} owner={owner} />
        </section>
        <section className={styles.section} aria-labelledby="terima">
          <h2 id="terima">Terima barang (part baru dicatat)</h2>
          <ReceiveNew items={view.untracked} branchId={branchId} />
        </section>
      </ResultArea>
    </div>
  );
}
