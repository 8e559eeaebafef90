import { MessagePage } from "../../message-page";

export default function OrderNotFound() {
  return (
    <MessagePage title="Pesanan tidak ditemukan">
      <p>Tautan ini tidak mengarah ke pesanan mana pun. Periksa kembali tautan dari bot Telegram, atau ketik /status di bot.</p>
    </MessagePage>
  );
}
