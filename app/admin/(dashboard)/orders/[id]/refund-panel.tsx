import type { Order, Payment, Refund } from "@/db/schema";
import { formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { moneyReceived, newRefundKey, refundableAttempt } from "@/lib/payments/refund-order";
import { ConfirmButton } from "../../../confirm-step";
import styles from "../../../admin.module.css";
import { ActionForm, ResultArea } from "../../action-form";
import { refund } from "./actions";

const STATUS_LABEL: Record<Refund["status"], string> = { requested: "menunggu jawaban Midtrans", done: "selesai", failed: "ditolak" };

/**
 * The owner's refunds on an order: what went back so far, and the two ways to
 * give money back. Each form carries a refund key made when the page is drawn,
 * so a double click or a resubmitted form is the same refund, never a second one.
 */
export function RefundPanel({ order, attempts, refunds }: { order: Order; attempts: Payment[]; refunds: Refund[] }) {
  const received = moneyReceived(attempts);
  const left = received - refunds.filter((r) => r.status !== "failed").reduce((sum, r) => sum + r.amountIdr, 0);
  const apiAttempt = refundableAttempt(attempts, 1);
  return (
    <ResultArea actions={{ refund: refund.bind(null, order.id) }}>
      {refunds.length > 0 && (
        <ul>
          {refunds.map((r) => (
            <li key={r.id}>
              {formatRupiah(r.amountIdr)} · {r.via === "midtrans" ? "Midtrans" : "manual"} · {STATUS_LABEL[r.status]} · {r.actor}, {formatWibDateTime(r.createdAt)}
              {r.reason && <span className={styles.muted}> — {r.reason}</span>}
              {r.status === "requested" && r.via === "midtrans" && (
                <ActionForm action="refund" className={styles.form}>
                  <input type="hidden" name="via" value="midtrans" />
                  <input type="hidden" name="amountIdr" value={r.amountIdr} />
                  <input type="hidden" name="reason" value={r.reason} />
                  <input type="hidden" name="refundKey" value={r.refundKey} />
                  <button type="submit">Coba kirim lagi ke Midtrans</button>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {left <= 0 ? (
        <p className={styles.muted}>{received > 0 ? "Semua pembayaran sudah dikembalikan." : "Belum ada pembayaran yang masuk."}</p>
      ) : (
        <>
          <p>
            Bisa dikembalikan: <strong>{formatRupiah(left)}</strong>
          </p>
          {apiAttempt && (
            <ActionForm action="refund" className={styles.form} label="Refund lewat Midtrans">
              <input type="hidden" name="via" value="midtrans" />
              <input type="hidden" name="refundKey" value={newRefundKey(order)} />
              <label>
                Jumlah (Rp)
                <input type="text" inputMode="numeric" name="amountIdr" defaultValue={Math.min(left, apiAttempt.grossAmount)} required />
              </label>
              <label>
                Alasan
                <input type="text" name="reason" maxLength={200} placeholder="Pesanan dibatalkan" />
              </label>
              <ConfirmButton
                question={`Kirim refund lewat Midtrans untuk pesanan ${order.bookingCode} sebesar jumlah di atas? Uang yang sudah dikirim tidak bisa ditarik lagi.`}
                yes="Ya, kirim refund"
                className={styles.buttonDanger}
              >
                Refund lewat Midtrans ({apiAttempt.paymentType})
              </ConfirmButton>
            </ActionForm>
          )}
          <ActionForm action="refund" className={styles.form} label="Tandai sudah dikembalikan manual">
            <input type="hidden" name="via" value="manual" />
            <input type="hidden" name="refundKey" value={newRefundKey(order)} />
            <label>
              Jumlah (Rp)
              <input type="text" inputMode="numeric" name="amountIdr" defaultValue={left} required />
            </label>
            <label>
              Catatan
              <input type="text" name="reason" maxLength={200} placeholder="Transfer BCA ke rekening pelanggan" />
            </label>
            <ConfirmButton
              question={`Tandai pesanan ${order.bookingCode} sudah dikembalikan manual sebesar jumlah di atas? Catatan ini masuk riwayat dan pelanggan diberi tahu.`}
              yes="Ya, tandai sudah dikembalikan"
              className={styles.buttonDanger}
            >
              Tandai sudah dikembalikan manual
            </ConfirmButton>
          </ActionForm>
        </>
      )}
    </ResultArea>
  );
}
