import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { listAuditEntries } from "@/db/queries/admin-dashboard";
import { AuditTable } from "../../audit-table";
import styles from "../../admin.module.css";
import { requireAdminPage } from "@/lib/admin/session";

export const metadata: Metadata = { title: "Audit" };

const PAGE = 100;
const text = (value: string | string[] | undefined) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 100) : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/audit", { wholeShop: true });
  const params = await searchParams;
  const filters = { entityId: text(params.order), actor: text(params.actor), action: text(params.action), before: Number(text(params.before)) || undefined };
  const entries = await listAuditEntries(await getDb(), { filters, limit: PAGE });
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ order: filters.entityId, actor: filters.actor, action: filters.action })) if (value) next.set(key, value);
  if (entries.length === PAGE) next.set("before", String(entries.at(-1)!.id));
  return (
    <>
      <h1>Audit</h1>
      <form method="get" className={styles.filters} role="search">
        <label>
          ID pesanan
          <input name="order" defaultValue={filters.entityId} placeholder="uuid pesanan" />
        </label>
        <label>
          Oleh
          <input name="actor" defaultValue={filters.actor} placeholder="mis. midtrans, bot, sari" />
        </label>
        <label>
          Aksi
          <input name="action" defaultValue={filters.action} placeholder="mis. order.repair_status" />
        </label>
        <button type="submit">Saring</button>
        <Link className={`${styles.button} ${styles.buttonSecondary}`} href="/admin/audit">
          Reset
        </Link>
      </form>
      <AuditTable entries={entries} />
      {entries.length === PAGE && (
        <nav className={styles.pager} aria-label="Halaman">
          <Link href={`/admin/audit?${next.toString()}`}>Lebih lama »</Link>
        </nav>
      )}
    </>
  );
}
