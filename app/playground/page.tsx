// GET /playground – what the playground offers and where (PLAYGROUND only)
import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/lib/env";
import { getWebhookInfo } from "@/lib/playground/telegram/bot-methods";
import { listCustomers } from "@/lib/playground/telegram/chat-view";
import styles from "./playground.module.css";
import { requirePlaygroundPage } from "@/lib/playground/page-guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Playground", robots: { index: false, follow: false } };

export default function PlaygroundPage() {
  requirePlaygroundPage();
  const env = getEnv();
  const webhook = getWebhookInfo();
  return (
    <main className={styles.page}>
      <h1>Playground</h1>
      <p className={styles.lead}>
        Toko ini berjalan sepenuhnya di komputer Anda: Telegram dan Midtrans di sini adalah tiruan di dalam aplikasi. Tidak ada token bot, akun
        Midtrans, atau jaringan yang dibutuhkan, dan tidak ada uang sungguhan.
      </p>
      <div className={styles.grid}>
        <Link className={styles.card} href="/">
          <strong>Beranda toko</strong>
          <span>Katalog dan tombol &quot;Reservasi&quot;, yang membuka chat di bawah.</span>
        </Link>
        <Link className={styles.card} href="/playground/chat">
          <strong>Chat Telegram</strong>
          <span>Bicara dengan bot sebagai pelanggan: /start, /order, /catalog, /status.</span>
        </Link>
        <Link className={styles.card} href="/playground/midtrans/simulator">
          <strong>Simulator pembayaran</strong>
          <span>Bayar nomor VA dari chat, atau buat pembayaran ditolak / kedaluwarsa.</span>
        </Link>
        <Link className={styles.card} href="/admin">
          <strong>Admin</strong>
          <span>Jadwal, pesanan, pembayaran, status perbaikan. Login dengan akun demo dari konsol.</span>
        </Link>
      </div>
      <h2>Pelanggan simulasi</h2>
      <ul className={styles.list}>
        {listCustomers().map((c) => (
          <li key={c.id}>
            <Link href={`/playground/chat?as=${c.id}`}>{c.name}</Link> <span className={styles.muted}>id {c.id}{c.username ? ` · @${c.username}` : ""}</span>
          </li>
        ))}
      </ul>
      <h2>Sambungan</h2>
      <dl className={styles.facts}>
        <dt>Webhook bot</dt>
        <dd>
          <code>{webhook.url || "(tidak dipasang)"}</code>
          {webhook.last_error_message ? ` — galat terakhir: ${webhook.last_error_message}` : ""}
        </dd>
        <dt>Bot API</dt>
        <dd>
          <code>{env.TELEGRAM_API_ROOT}</code>
        </dd>
        <dt>Notifikasi Midtrans</dt>
        <dd>
          <code>{env.APP_URL}/api/midtrans/notification</code>
        </dd>
        <dt>Snap / Core API</dt>
        <dd>
          <code>{env.MIDTRANS_SNAP_BASE_URL}</code>, <code>{env.MIDTRANS_API_BASE_URL}</code>
        </dd>
      </dl>
    </main>
  );
}
