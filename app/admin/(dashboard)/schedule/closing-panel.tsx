import type { Order, Slot } from "@/db/schema";
import { addDays, formatDateLong } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { PaymentBadge } from "../../status-badges";
import styles from "../catalog-editor.module.css";
import { ActionButton, ActionForm } from "../action-form";
import { BranchField } from "../branch-picker";
import { EditRow } from "../edit-row";

/**
 * A date the owner wants to close while customers are booked on it: each order
 * with "pindahkan" (another date and slot) and "batalkan", or all at once, and
 * the closing itself once none is left. Customers are told in their language.
 */
export function ClosingPanel({
  branchId,
  date,
  reason,
  orders,
  slots,
  today,
}: {
  branchId: number;
  date: string;
  reason: string;
  orders: Order[];
  slots: Slot[];
  today: string;
}) {
  const nextDay = addDays(date, 1) > today ? addDays(date, 1) : today;
  const hidden = (
    <>
      <BranchField branchId={branchId} />
      <input type="hidden" name="date" value={date} />
      <input type="hidden" name="reason" value={reason} />
    </>
  );
  return (
    <section className={styles.section} aria-labelledby="menutup">
      <h2 id="menutup">Menutup {formatDateLong(date)}</h2>
      {orders.length === 0 ? (
        <ul className={styles.rows}>
          <EditRow action="closeDateAction">
            {hidden}
            <span className={styles.name}>Tidak ada pesanan lagi pada tanggal ini.</span>
            <ActionButton>Tutup tanggal ini</ActionButton>
          </EditRow>
        </ul>
      ) : (
        <>
          <p className={styles.note}>
            {orders.length} pesanan terjadwal pada tanggal ini. Pindahkan atau batalkan; pelanggan diberi tahu lewat Telegram dalam bahasanya (pesanan dari kasir tanpa
            Telegram: hubungi sendiri). Pesanan lunas yang dibatalkan ditandai perlu refund.
          </p>
          <ul className={styles.rows}>
            {orders.map((order) => (
              <li key={order.id}>
                <p className={styles.name}>
                  <a href={`/admin/orders/${order.id}`}>
                    <strong>{order.bookingCode}</strong>
                  </a>{" "}
                  {order.customerName || "—"} · {order.slotLabel} · {order.partName} – {order.deviceName} · {formatRupiah(order.amountIdr)}{" "}
                  <PaymentBadge status={order.paymentStatus} refund={order.needsRefund} />{" "}
                  <span className={styles.inactive}>{order.chatId === null ? "tanpa Telegram" : `bahasa ${order.language}`}</span>
                </p>
                <ActionForm action="moveClosingOrder" alt="cancelClosingOrder">
                  {hidden}
                  <input type="hidden" name="orderId" value={order.id} />
                  <label>
                    Tanggal baru
                    <input type="date" name="toDate" min={today} defaultValue={nextDay} required aria-label={`Tanggal baru ${order.bookingCode}`} />
                  </label>
                  <label>
                    Jam
                    <select name="toSlotId" defaultValue={order.slotId} aria-label={`Jam baru ${order.bookingCode}`}>
                      {slots.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <ActionButton label={`Pindahkan ${order.bookingCode}`}>Pindahkan</ActionButton>
                  <ActionButton alt label={`Batalkan ${order.bookingCode}`} kind="remove" confirm={cancelQuestion(order)}>
                    Batalkan
                  </ActionButton>
                </ActionForm>
              </li>
            ))}
            <EditRow action="closeDateMovingAll">
              {hidden}
              <label>
                Semua ke tanggal (jam sama)
                <input type="date" name="toDate" min={today} defaultValue={nextDay} required />
              </label>
              <ActionButton>Pindahkan semua &amp; tutup</ActionButton>
            </EditRow>
            <EditRow action="closeDateCancellingAll">
              {hidden}
              <span className={styles.name}>Atau batalkan {orders.length} pesanan itu dan tutup tanggalnya.</span>
              <ActionButton kind="remove" confirm={cancelAllQuestion(date, orders.length)}>
                Batalkan semua &amp; tutup
              </ActionButton>
            </EditRow>
          </ul>
        </>
      )}
    </section>
  );
}

function cancelQuestion(order: Order) {
  return { question: `Batalkan pesanan ${order.bookingCode}? Pelanggan langsung diberi tahu. Ini tidak bisa dibatalkan.`, yes: `Ya, batalkan ${order.bookingCode}` };
}

function cancelAllQuestion(date: string, count: number) {
  return { question: `Batalkan ${count} pesanan pada ${formatDateLong(date)} dan tutup tanggalnya? Pelanggan langsung diberi tahu. Ini tidak bisa dibatalkan.`, yes: "Ya, batalkan semua & tutup" };
}
