// GET /admin/schedule – a branch's service slots and closed dates (?cabang=), and the shop's booking settings
import type { Metadata } from "next";
import { getDb } from "@/db";
import { listTechnicians } from "@/db/queries/technicians";
import { loadScheduleAdminView } from "@/lib/admin/catalog-view";
import { requireAdminPage } from "@/lib/admin/session";
import { pickBranch } from "@/lib/admin/branch-scope";
import { isOwner } from "@/lib/admin/roles";
import { OwnerOnly } from "../../owner-only";
import styles from "../catalog-editor.module.css";
import { ResultArea } from "../action-form";
import { BranchPicker, NoBranch } from "../branch-picker";
import * as scheduleActions from "./actions";
import { bookedDateRefusal } from "@/lib/admin/catalog-schedule";
import { listOrdersToClose } from "@/lib/admin/closing-date";
import { ClosedDates } from "./closed-dates";
import { ClosingPanel } from "./closing-panel";
import { SettingsForm } from "./settings-form";
import { SlotList } from "./slot-list";
import { WeekdayGrid } from "./weekday-grid";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Jadwal", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SchedulePage({ searchParams }: Props) {
  const admin = await requireAdminPage("/admin/schedule");
  if (!isOwner(admin)) return <OwnerOnly title="Jadwal & pengaturan" />;
  const query = await searchParams;
  const db = await getDb();
  const pick = await pickBranch(db, admin, query.cabang);
  if (!pick.branch) return <NoBranch />;
  const branchId = pick.branch.id;
  const [view, technicians] = await Promise.all([loadScheduleAdminView(db, { branchId }), listTechnicians(db, { branchId })]);
  const wanted = typeof query.closing === "string" && /^\d{4}-\d{2}-\d{2}$/.test(query.closing) && query.closing >= view.today ? query.closing : undefined;
  // Once the date is closed (from the panel) the panel has done its work.
  const closing = wanted && !view.closedDates.some((c) => c.date === wanted) ? wanted : undefined;
  const stranded = closing ? await listOrdersToClose(db, { date: closing, branchId }) : [];
  return (
    <div className={styles.page}>
      <h1>Jadwal &amp; pengaturan</h1>
      <BranchPicker pick={pick} path="/admin/schedule" />
      <ResultArea actions={{ ...scheduleActions }} noticeFor={closing} notice={closing && stranded.length > 0 ? bookedDateRefusal(stranded.length, closing) : undefined}>
        {closing && (
          <ClosingPanel
            branchId={branchId}
            date={closing}
            reason={typeof query.reason === "string" ? query.reason : ""}
            orders={stranded}
            slots={view.slots.filter((s) => s.active)}
            today={view.today}
          />
        )}
        <section className={styles.section} aria-labelledby="slot">
          <h2 id="slot">Jam servis (WIB)</h2>
          <p className={styles.note}>
            Kapasitas tidak bisa diturunkan di bawah jumlah pesanan yang sudah ada pada hari mendatang. Jam yang pernah dipesan hanya dinonaktifkan.
          </p>
          <SlotList slots={view.slots} branchId={branchId} />
        </section>
        <section className={styles.section} aria-labelledby="mingguan">
          <h2 id="mingguan">Jadwal per hari</h2>
          <p className={styles.note}>
            Kapasitas tiap jam servis per hari. Kosong = kapasitas jam itu (angka abu-abu); 0 = jam itu tidak dibuka pada hari tersebut. Hari yang dicoret
            tutup setiap minggu (atur di pengaturan booking).
          </p>
          {technicians.length > 0 && (
            <p className={styles.note} role="note">
              {pick.several ? pick.branch.name : "Toko ini"} punya {technicians.length} teknisi: jumlah tempat tiap jam servis = jumlah teknisi yang masuk hari itu (atur di halaman Staf). Di sini
              hanya 0 (jam tidak dibuka) yang berlaku.
            </p>
          )}
          <WeekdayGrid slots={view.slots} capacities={view.weekdayCapacities} closedWeekdays={view.settings.closedWeekdays} />
        </section>
        <section className={styles.section} aria-labelledby="libur">
          <h2 id="libur">Tanggal tutup</h2>
          <ClosedDates closedDates={view.closedDates} today={view.today} branchId={branchId} />
        </section>
        <section className={styles.section} aria-labelledby="pengaturan">
          <h2 id="pengaturan">Toko &amp; pengaturan booking</h2>
          <SettingsForm settings={view.settings} />
        </section>
      </ResultArea>
    </div>
  );
}
