export default function OrderNotFound() {
  return (
    <main style={{ maxWidth: 480, margin: "0 auto", padding: 16 }}>
      <h1>Pesanan tidak ditemukan</h1>
      <p>Tautan ini tidak mengarah ke pesanan mana pun. Periksa kembali tautan dari bot Telegram, atau ketik /status di bot.</p>
    </main>
  );
}
