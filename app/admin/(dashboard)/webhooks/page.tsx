import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { getBotWebhookInfo, webhookUrl } from "@/lib/telegram/webhook-admin";
import { WebhookButtons } from "./webhook-buttons";
import styles from "../../admin.module.css";
import { requireAdminPage } from "@/lib/admin/session";
import { isOwner } from "@/lib/admin/roles";
import { OwnerOnly } from "../../owner-only";

export const metadata: Metadata = { title: "Webhook" };

async function readWebhookInfo() {
  try {
    return { info: await getBotWebhookInfo() };
  } catch (error) {
    return { error: (error as Error).message.replace(/bot\d+:[\w-]+/g, "bot<token>") };
  }
}

export default async function WebhooksPage() {
  const admin = await requireAdminPage("/admin/webhooks");
  if (!isOwner(admin)) return <OwnerOnly title="Webhook" />;
  const { info, error } = await readWebhookInfo();
  const expected = webhookUrl();
  return (
    <>
      <h1>Webhook</h1>
      <section className={styles.panel}>
        <h2>Telegram</h2>
        {error ? (
          <p role="alert" className={styles.error}>
            Tidak bisa membaca status webhook dari Telegram: {error}
          </p>
        ) : (
          <dl className={styles.details}>
            <dt>URL terpasang</dt>
            <dd>{info?.url || "— (belum ada: bot tidak menerima pesan)"}</dd>
            <dt>Seharusnya</dt>
            <dd>
              {expected} {info?.url === expected ? <span className={styles.ok}>✓ sesuai</span> : <span className={styles.error}>berbeda</span>}
            </dd>
            <dt>Update tertunda</dt>
            <dd>{info?.pending_update_count ?? 0}</dd>
            <dt>Error terakhir</dt>
            <dd>
              {info?.last_error_message
                ? `${info.last_error_message}${info.last_error_date ? ` (${new Date(info.last_error_date * 1000).toLocaleString("id-ID", { timeZone: "Asia/Jakarta" })} WIB)` : ""}`
                : "—"}
            </dd>
            <dt>Koneksi maksimum</dt>
            <dd>{info?.max_connections ?? "—"}</dd>
          </dl>
        )}
        <WebhookButtons />
      </section>
      <section className={styles.panel}>
        <h2>Midtrans</h2>
        <p>Tempel URL ini di Dashboard Midtrans → Settings → Payment → Notification URL:</p>
        <p>
          <code>{getEnv().APP_URL}/api/midtrans/notification</code>
        </p>
        <p className={styles.muted}>Notifikasi diverifikasi dengan signature SHA-512 dan dicek ulang ke Status API sebelum diterapkan.</p>
      </section>
    </>
  );
}
