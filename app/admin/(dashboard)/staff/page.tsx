// GET /admin/staff – who can sign in to the admin: add staff, disable, reset a password (owner only)
import type { Metadata } from "next";
import { getDb } from "@/db";
import { listAdmins } from "@/db/queries/admins";
import { listAllBranches } from "@/db/queries/branches";
import { listStaffChatBranches, listStaffChats } from "@/db/queries/staff-chats";
import { formatWibDateTime } from "@/lib/booking/calendar";
import { isOwner } from "@/lib/admin/roles";
import { requireAdminPage } from "@/lib/admin/session";
import { OwnerOnly } from "../../owner-only";
import { AddStaffForm, RemoveStaffChatForm, StaffCodeForm, StaffRowActions, TechnicianBox } from "./staff-forms";
import styles from "../../admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staf" };

export default async function StaffPage() {
  const admin = await requireAdminPage("/admin/staff");
  if (!isOwner(admin)) return <OwnerOnly title="Staf" />;
  const db = await getDb();
  const [people, staffChats, chatBranches, branches] = await Promise.all([listAdmins(db), listStaffChats(db), listStaffChatBranches(db), listAllBranches(db)]);
  const active = branches.filter((branch) => branch.active);
  const branchName = (chatId: number) => branches.find((branch) => branch.id === chatBranches.get(chatId))?.name;
  return (
    <>
      <h1>Staf</h1>
      <p className={styles.muted}>
        Staf menjalankan pesanan dan pembayaran. Katalog, harga, jadwal, pengaturan, webhook dan daftar staf hanya bisa diubah pemilik.
      </p>
      <section className={styles.panel} aria-labelledby="tambah">
        <h2 id="tambah">Tambah staf</h2>
        <AddStaffForm />
      </section>
      <section className={styles.panel} aria-labelledby="daftar">
        <h2 id="daftar">Akun</h2>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>Nama pengguna</th>
                <th>Peran</th>
                <th>Status</th>
                <th>Dibuat</th>
                <th>Tindakan</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td>{person.username}</td>
                  <td>{[person.role === "owner" ? "Pemilik" : "Staf", person.technician ? "Teknisi" : null].filter(Boolean).join(" · ")}</td>
                  <td>{person.disabled ? "Nonaktif" : "Aktif"}</td>
                  <td className={styles.muted}>{formatWibDateTime(person.createdAt)}</td>
                  <td>{person.role === "owner" ? <span className={styles.muted}>—</span> : <StaffRowActions id={person.id} username={person.username} disabled={person.disabled} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className={styles.panel} aria-labelledby="teknisi">
        <h2 id="teknisi">Teknisi</h2>
        <p className={styles.muted}>
          Begitu ada teknisi, jumlah tempat tiap slot = jumlah teknisi yang masuk hari itu (bukan lagi kapasitas tetap). Pesanan baru dibagikan otomatis ke teknisi
          yang sedang masuk, dan bisa diganti di halaman pesanan.
        </p>
        {people
          .filter((person) => !person.disabled)
          .map((person) => (
            <TechnicianBox key={person.id} id={person.id} username={person.username} technician={person.technician} workingWeekdays={person.workingWeekdays} />
          ))}
      </section>
      <section className={styles.panel} aria-labelledby="telegram">
        <h2 id="telegram">Pemberitahuan Telegram</h2>
        <p className={styles.muted}>
          Grup atau chat staf menerima pesan untuk setiap booking baru, pembayaran, pembatalan, jadwal dipindah, batas bayar habis dan refund, dengan tautan ke
          pesanan. Buat kode, lalu kirim <code>/staff KODE</code> ke bot dari grup tersebut (tambahkan bot ke grup dulu).
        </p>
        <StaffCodeForm branches={active} />
        {staffChats.length === 0 ? (
          <p className={styles.muted}>Belum ada chat staf.</p>
        ) : (
          <ul>
            {staffChats.map((chatId) => (
              <li key={chatId}>
                Chat {chatId}
                {active.length > 1 && ` · ${branchName(chatId) ?? "semua cabang"}`} <RemoveStaffChatForm chatId={chatId} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
