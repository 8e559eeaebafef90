import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeAdminPath } from "@/lib/admin/paths";
import { currentAdmin } from "@/lib/admin/session";
import { LoginForm } from "./login-form";
import styles from "../admin.module.css";

export const metadata: Metadata = { title: "Masuk admin", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AdminLoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeAdminPath((await searchParams).next);
  if (await currentAdmin()) redirect(next);
  return (
    <main className={styles.loginPage}>
      <h1>Admin Jiot Gadget Solution</h1>
      <p>Masuk untuk mengelola jadwal, pesanan dan pembayaran.</p>
      <LoginForm next={next} />
    </main>
  );
}
