// GET /admin/catalog – devices, parts and prices: add, edit, deactivate
import type { Metadata } from "next";
import { getDb } from "@/db";
import { loadCatalogAdminView } from "@/lib/admin/catalog-view";
import { requireAdminPage } from "@/lib/admin/session";
import { isOwner } from "@/lib/admin/roles";
import { OwnerOnly } from "../../owner-only";
import styles from "../catalog-editor.module.css";
import { ResultArea } from "../action-form";
import * as catalogActions from "./actions";
import { ItemList } from "./item-list";
import { PriceList } from "./price-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Katalog", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CatalogPage({ searchParams }: Props) {
  const admin = await requireAdminPage("/admin/catalog");
  if (!isOwner(admin)) return <OwnerOnly title="Katalog & harga" />;
  const query = await searchParams;
  const view = await loadCatalogAdminView(await getDb(), { deviceId: Number(query.device) || undefined });
  return (
    <div className={styles.page}>
      <h1>Katalog &amp; harga</h1>
      <ResultArea actions={{ ...catalogActions }}>
        <section className={styles.section} aria-labelledby="harga">
          <h2 id="harga">Harga {view.device?.name}</h2>
          <p className={styles.note}>
            Harga baru berlaku untuk booking berikutnya; pesanan yang sudah ada tetap dengan harganya. Hapus pada harga yang pernah dipesan hanya menonaktifkannya.
          </p>
          <PriceList view={view} />
        </section>
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
