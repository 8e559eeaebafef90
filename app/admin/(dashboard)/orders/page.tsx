import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { listAdminOrders } from "@/db/queries/admin-orders";
import { visibleBranchIds } from "@/lib/admin/branch-scope";
import { listAdmins } from "@/db/queries/admins";
import { PAYMENT_STATUSES, REPAIR_STATUSES } from "@/db/schema";
import { orderQueryString, parseOrderQuery } from "@/lib/admin/order-filters";
import { formatDateDmy, formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { PAYMENT_STATUS_LABEL, REPAIR_STATUS_LABEL } from "@/lib/payments/texts";
import { CodeCell, ServiceCell, StatusCells } from "../../order-cells";
import { CustomerName } from "../../customer-name";
import styles from "../../admin.module.css";
import { requireAdminPage } from "@/lib/admin/session";

export const metadata: Metadata = { title: "Pesanan" };

const SORT_LABEL = {
  created_desc: "Terbaru dibuat",
  created_asc: "Terlama dibuat",
  service_asc: "Jadwal terdekat",
  service_desc: "Jadwal terjauh",
} as const;

/** A filter on one status: "Semua" or one of `statuses`. */
function StatusFilter<S extends string>({ label, name, value, statuses, labelOf }: { label: string; name: string; value?: S; statuses: readonly S[]; labelOf: (status: S) => string }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">Semua</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {labelOf(s)}
          </option>
        ))}
      </select>
    </label>
  );
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage("/admin/orders");
  const query = parseOrderQuery(await searchParams);
  const { filters, sort } = query;
  const db = await getDb();
  const branchIds = await visibleBranchIds(db, admin);
  const [page, people] = await Promise.all([listAdminOrders(db, { ...query, filters: { ...filters, branchIds } }), listAdmins(db)]);
  const technicianOf = new Map(people.map((person) => [person.id, person.username]));
  return (
    <>
      <h1>Pesanan</h1>
      <p>
        <Link className={styles.button} href="/admin/orders/new">
          + Pesanan baru
        </Link>
      </p>
      <form method="get" className={styles.filters} role="search">
        <label>
          Cari
          <input name="q" type="search" defaultValue={filters.q} placeholder="Kode booking, nama, @username, no. HP" />
        </label>
        <label>
          Jadwal dari
          <input name="from" type="date" defaultValue={filters.from} />
        </label>
        <label>
          sampai
          <input name="to" type="date" defaultValue={filters.to} />
        </label>
        <StatusFilter label="Pembayaran" name="payment" value={filters.payment} statuses={PAYMENT_STATUSES} labelOf={(s) => `${PAYMENT_STATUS_LABEL[s]} (${s})`} />
        <StatusFilter label="Perbaikan" name="repair" value={filters.repair} statuses={REPAIR_STATUSES} labelOf={(s) => REPAIR_STATUS_LABEL[s]} />
        <label>
          Urutkan
          <select name="sort" defaultValue={sort}>
            {Object.entries(SORT_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label style={{ flexDirection: "row", alignItems: "center", gap: 6 }}>
          <input name="refund" type="checkbox" value="1" defaultChecked={filters.refund} /> Perlu refund
        </label>
        <label style={{ flexDirection: "row", alignItems: "center", gap: 6 }}>
          <input name="warranty" type="checkbox" value="1" defaultChecked={filters.warranty} /> Klaim garansi
        </label>
        <button type="submit">Terapkan</button>
        <Link className={`${styles.button} ${styles.buttonSecondary}`} href="/admin/orders">
          Reset
        </Link>
        <a className={`${styles.button} ${styles.buttonSecondary}`} href={`/admin/orders/export${orderQueryString({ filters, sort })}`}>
          Ekspor CSV
        </a>
      </form>
      {page.rows.length === 0 ? (
        <p>Tidak ada pesanan yang cocok.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.cardList}`}>
            <thead>
              <tr>
                <th>Kode</th>
                <th>Jadwal</th>
                <th>Pelanggan</th>
                <th>Servis</th>
                <th className={styles.num}>Total</th>
                <th>Pembayaran</th>
                <th>Perbaikan</th>
                <th>Dibuat</th>
              </tr>
            </thead>
            {/* Plain links: 50 <Link>s were 50 client components to serialise, hydrate and prefetch on every page. */}
            <tbody>
              {page.rows.map((order) => (
                <tr key={order.id}>
                  <CodeCell order={order} />
                  <td data-label="Jadwal">
                    {formatDateDmy(order.serviceDate)}
                    <div className={styles.muted}>{order.slotLabel}</div>
                    {order.technicianId !== null && <div className={styles.muted}>Teknisi: {technicianOf.get(order.technicianId)}</div>}
                  </td>
                  <td data-label="Pelanggan">
                    <CustomerName order={order} />
                  </td>
                  <ServiceCell order={order} />
                  <td data-label="Total" className={styles.num}>{formatRupiah(order.amountIdr)}</td>
                  <StatusCells order={order} />
                  <td data-label="Dibuat" className={styles.muted}>{formatWibDateTime(order.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className={styles.pager} aria-label="Halaman">
        {query.cursor && <a href={`/admin/orders${orderQueryString({ filters, sort })}`}>« Halaman pertama</a>}
        {page.next && <a href={`/admin/orders${orderQueryString({ filters, sort, cursor: page.next })}`}>Berikutnya »</a>}
        <span className={styles.muted}>{page.rows.length} pesanan di halaman ini</span>
      </nav>
    </>
  );
}
