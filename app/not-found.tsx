import type { Metadata } from "next";
import { MessagePage } from "./message-page";

export const metadata: Metadata = { title: "Halaman tidak ditemukan" };

export default function NotFound() {
  return (
    <MessagePage title="Halaman tidak ditemukan">
      <p>Alamat yang Anda buka tidak ada atau sudah dipindah. Periksa kembali tautannya, atau mulai lagi dari halaman depan.</p>
      <p>Untuk melihat pesanan Anda, buka tautan dari bot Telegram kami atau ketik /status di bot.</p>
    </MessagePage>
  );
}
