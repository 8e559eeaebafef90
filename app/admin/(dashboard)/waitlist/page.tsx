import type { Metadata } from "next";
import { getDb } from "@/db";
import { listWaitlistFrom, type WaitRow } from "@/db/queries/waitlist";
import type { WaitlistState } from "@/db/schema";
import { formatDateLong, formatWibDateTime, todayInJakarta } from "@/lib/booking/calendar";
import { requireAdminPage } from "@/lib/admin/session";
import { visibleBranchIds } from "@/lib/admin/branch-scope";
import styles from "../../admin.module.css";

export const metadata: Metadata = { title: "Daftar tunggu" };

const STATE_LABELS: Record<WaitlistState, string> = {
  waiting: "Menunggu",
  offered: "Ditawari tempat",
  booked: "Sudah memesan",
  expired: "Tawaran habis",
  cancelled: "Keluar",
};

function groupByDate(rows: WaitRow[]): [string, WaitRow[]][] {
  const days = new Map<string, WaitRow[]>();
  for (const row of rows) days.set(row.serviceDate, [...(days.get(row.serviceDate) ?? []), row]);
  return [...days];
}

function stateOf(row: WaitRow): string {
  if (row.state !== "offered" || !row.offerExpiresAt) return STATE_LABELS[row.state];
  return `${STATE_LABELS.offered} ${row.offeredSlotLabel ?? ""} s.d. ${formatWibDateTime(row.offerExpiresAt)}`;
}

// GET /admin/waitlist – who waits for a place on which day (staff and owner alike: the counter answers calls about it).
export default async function WaitlistPage() {
  const admin = await requireAdminPage("/admin/waitlist");
  const db = await getDb();
  // Staff see the waits of their branches only; the owner every branch's.
  const rows = await listWaitlistFrom(db, { from: todayInJakarta(), limit: 500, branchIds: await visibleBranchIds(db, admin) });
  const days = groupByDate(rows);
  return (
    <>
      <h1>Daftar tunggu</h1>
      <p>Pelanggan yang menekan &quot;Kabari saya&quot; pada hari yang penuh. Tempat yang kosong ditawarkan otomatis ke yang pertama menunggu.</p>
      {days.length === 0 && <p>Belum ada yang menunggu.</p>}
      {days.map(([date, waits]) => (
        <section key={date}>
          <h2>
            {formatDateLong(date)} ({waits.filter((w) => w.state === "waiting" || w.state === "offered").length} menunggu)
          </h2>
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>#</th>
                  <th>Pelanggan</th>
                  <th>Sejak</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {waits.map((w, index) => (
                  <tr key={w.id}>
                    <td>{index + 1}</td>
                    <td>
                      {w.customerName || "-"}
                      {w.telegramUsername ? ` (@${w.telegramUsername})` : ""}
                    </td>
                    <td>{formatWibDateTime(w.createdAt)}</td>
                    <td>{stateOf(w)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
