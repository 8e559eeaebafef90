// GET /admin/catalog – devices, parts and prices: add, edit, deactivate; a branch's own prices (?cabang=)
import type { Metadata } from "next";
import { getDb } from "@/db";
import { pickBranch } from "@/lib/admin/branch-scope";
import { loadCatalogAdminView } from "@/lib/admin/catalog-view";
import { requireAdminPage } from "@/lib/admin/session";
import { isOwner } from "@/lib/admin/roles";
import { OwnerOnly } from "../../owner-only";
import styles from "../catalog-editor.module.css";
import { ResultArea } from "../action-form";
import { BranchPicker } from "../branch-picker";
import * as catalogActions from "./actions";
import { BranchPriceList } from "./branch-price-list";
import { ItemList } from "./item-list";
import { PriceList } from "./price-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Katalog", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CatalogPage({ searchParams }: Props) {
  const admin = await requireAdminPage("/admin/catalog");
  if (!isOwner(admin)) return <OwnerOnly title="Katalog & harga" />;
  const query = await searchParams;
  const db = await getDb();
  const pick = await pickBranch(db, admin, query.cabang);
  // A branch's own prices are shown once the shop has several branches.
  const branch = pick.several ? pick.branch : undefined;
  const view = await loadCatalogAdminView(db, { deviceId: Number(query.device) || undefined, branchId: branch?.id });
  return (
    <div className={styles.page}>
      <h1>Katalog &amp; harga</h1>
      <ResultArea actions={{ ...catalogActions }}>
        <section className={styles.section} aria-labelledby="harga">
          <h2 id="harga">Harga {view.device?.name}</h2>
          <p className={styles.note}>
            Harga baru berlaku untuk booking berikutnya; pesanan yang sudah ada tetap dengan harganya. Hapus pada harga yang pernah dipesan hanya menonaktifkannya.
          </p>
          <PriceList view={view} branchId={branch?.id} />
        </section>
        {branch && view.device && (
          <section className={styles.section} aria-labelledby="harga-cabang">
            <h2 id="harga-cabang">
              Harga {view.device.name} di {branch.name}
            </h2>
            <p className={styles.note}>
              Harga sendiri cabang ini menggantikan harga umum di bot dan di kasir cabang itu. Kosongkan dengan &quot;Pakai harga umum&quot;. Pesanan yang
              sudah ada tetap dengan harganya.
            </p>
            <BranchPicker pick={pick} path="/admin/catalog" keep={{ device: String(view.device.id) }} inSection />
            <BranchPriceList view={view} branch={branch} />
          </section>
        )}
        <section className={styles.section} aria-labelledby="perangkat">
          <h2 id="perangkat">Perangkat</h2>
          <p className={styles.note}>Perangkat yang pernah dipesan tidak dihapus, hanya dinonaktifkan (tidak tampil untuk pelanggan).</p>
          <ItemList kind="device" items={view.devices} />
        </section>
        <section className={styles.section} aria-labelledby="layanan">
          <h2 id="layanan">Layanan (spare part)</h2>
          <ItemList kind="part" items={view.parts} />
        </section>
      </ResultArea>
    </div>
  );
}
