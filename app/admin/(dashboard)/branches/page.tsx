// GET /admin/branches – the shop's branches and who works at each (owner only)
import type { Metadata } from "next";
import { getDb } from "@/db";
import { listAdmins } from "@/db/queries/admins";
import { listAdminBranches, listAllBranches } from "@/db/queries/branches";
import { isOwner } from "@/lib/admin/roles";
import { requireAdminPage } from "@/lib/admin/session";
import { OwnerOnly } from "../../owner-only";
import { AssignmentToggle, BranchForm } from "./branch-forms";
import styles from "../../admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cabang" };

export default async function BranchesPage() {
  const admin = await requireAdminPage("/admin/branches");
  if (!isOwner(admin)) return <OwnerOnly title="Cabang" />;
  const db = await getDb();
  const [branches, people, assignments] = await Promise.all([listAllBranches(db), listAdmins(db), listAdminBranches(db)]);
  const worksAt = new Set(assignments.map((a) => `${a.adminId}:${a.branchId}`));
  const staff = people.filter((person) => person.role !== "owner" && !person.disabled);
  return (
    <>
      <h1>Cabang</h1>
      <p className={styles.muted}>
        Tiap cabang punya slot, hari tutup, harga (bawaan: katalog bersama) dan stok sendiri. Dengan lebih dari satu cabang aktif, bot menanyakan cabang lebih dulu.
        Staf hanya melihat pesanan cabang tempat mereka bekerja.
      </p>
      {branches.map((branch) => (
        <section key={branch.id} className={styles.panel} aria-labelledby={`cabang-${branch.id}`}>
          <h2 id={`cabang-${branch.id}`}>
            {branch.name} {branch.active ? null : <span className={styles.muted}>(nonaktif)</span>}
          </h2>
          <BranchForm branch={branch} />
          <h3>Staf</h3>
          {staff.length === 0 ? (
            <p className={styles.muted}>Belum ada staf.</p>
          ) : (
            <ul>
              {staff.map((person) => (
                <li key={person.id}>
                  {person.username}
                  {person.technician ? " (teknisi)" : ""}{" "}
                  <AssignmentToggle adminId={person.id} username={person.username} branchId={branch.id} branchName={branch.name} assigned={worksAt.has(`${person.id}:${branch.id}`)} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section className={styles.panel} aria-labelledby="cabang-baru">
        <h2 id="cabang-baru">Cabang baru</h2>
        <BranchForm />
      </section>
    </>
  );
}
