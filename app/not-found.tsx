import type { Metadata } from "next";
import { connection } from "next/server";
import { MessagePage } from "./message-page";

export const metadata: Metadata = { title: "Halaman tidak ditemukan" };

export default async function NotFound() {
  // Rendered per request, not prerendered at build: proxy.ts gives each response a new script nonce, and a build-time page carries none, so the browser would refuse its scripts.
  await connection();
  return (
    <MessagePage title="Halaman tidak ditemukan">
      <p>Alamat yang Anda buka tidak ada atau sudah dipindah. Periksa kembali tautannya, atau mulai lagi dari halaman depan.</p>
      <p>Untuk melihat pesanan Anda, buka tautan dari bot Telegram kami atau ketik /status di bot.</p>
    </MessagePage>
  );
}
