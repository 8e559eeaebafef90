// GET /admin/my-jobs – "Pekerjaan saya": the signed-in technician's jobs today (WIB), made for a phone
import type { Metadata } from "next";
import { getDb } from "@/db";
import { loadMyJobs } from "@/lib/admin/my-jobs";
import { requireAdminPage } from "@/lib/admin/session";
import { formatDateLong } from "@/lib/booking/calendar";
import { PaymentBadge, RepairBadge } from "../../status-badges";
import styles from "../../admin.module.css";
import jobs from "./my-jobs.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pekerjaan saya" };

export default async function MyJobsPage() {
  const admin = await requireAdminPage("/admin/my-jobs");
  const view = await loadMyJobs(await getDb(), { adminId: admin.id });
  return (
    <>
      <h1>Pekerjaan saya</h1>
      <p className={styles.muted}>
        {`${formatDateLong(view.date)} · ${view.jobs.length} pekerjaan`}
      </p>
      {!admin.technician && <p className={styles.muted}>Akun ini belum ditandai sebagai teknisi (pemilik mengaturnya di halaman Staf).</p>}
      {view.jobs.length === 0 ? (
        <p>Belum ada pekerjaan untuk Anda hari ini.</p>
      ) : (
        <ol className={jobs.list} aria-label="Pekerjaan hari ini">
          {view.jobs.map((job) => (
            <li key={job.id}>
              <a className={jobs.card} href={`/admin/orders/${job.id}`} aria-label={`Pesanan ${job.bookingCode}, ${job.slotLabel}`}>
                <div className={jobs.slot}>{job.slotLabel}</div>
                <div className={jobs.service}>
                  {job.partName} – {job.deviceName}
                </div>
                <div>
                  {job.customerName || "—"} <span className={styles.muted}>· {job.bookingCode}</span>
                </div>
                {job.faultDescription && <p className={jobs.fault}>{job.faultDescription}</p>}
                <div className={jobs.meta}>
                  <RepairBadge status={job.repairStatus} /> <PaymentBadge status={job.paymentStatus} refund={job.needsRefund} />
                </div>
                <span className={jobs.open}>Buka pesanan</span>
              </a>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
