import type { Metadata } from "next";
import Link from "next/link";
import { isOwner } from "@/lib/admin/roles";
import { requireAdminPage } from "@/lib/admin/session";
import { logOut } from "../login/actions";
import { ADMIN_NAV_LINKS } from "../nav-links";
import styles from "../admin.module.css";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin Jiot" }, robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdminPage();
  return (
    <div className={styles.shell}>
      <header className={styles.bar}>
        <div className={styles.barInner}>
          <Link href="/admin" className={styles.brand}>
            Jiot Admin
          </Link>
          <nav aria-label="Menu admin" className={styles.nav}>
            {ADMIN_NAV_LINKS.filter((link) => (!link.ownerOnly || isOwner(admin)) && (!link.technicianOnly || admin.technician)).map((link) => (
              <Link key={link.href} href={link.href}>
                {link.label}
              </Link>
            ))}
          </nav>
          <form action={logOut} className={styles.who}>
            <span>{admin.username}</span>
            <button type="submit">Keluar</button>
          </form>
        </div>
      </header>
      <div className={styles.content}>{children}</div>
    </div>
  );
}
