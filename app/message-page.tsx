import Link from "next/link";
import styles from "./message-page.module.css";

/**
 * A page that only has something to say (not found, something went wrong), in
 * the shop's colours, with the way back home. No hooks, so the error boundaries
 * (client components) can use it too.
 */
export function MessagePage({ title, children, actions }: { title: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <main className={styles.page}>
      <p className={styles.brand}>Jiot Gadget Solution</p>
      <section className={styles.card}>
        <h1 className={styles.title}>{title}</h1>
        {children}
        <div className={styles.actions}>
          {actions}
          <Link className={styles.home} href="/">
            Kembali ke halaman depan
          </Link>
        </div>
      </section>
    </main>
  );
}
