import { expireIfLapsed } from "./api";
import { applyFinal, applyMethod, applyPaid, isPayable } from "./lifecycle";
import { notificationsFor, notificationUrl, sendNotification } from "./notify";
import { METHOD_IDS, METHOD_LABELS, statusCodeOf } from "./shapes";
import { findByToken, findTransaction, listTransactions, type MethodId, type NotificationRecord, type PlaygroundTransaction } from "./store";

/** What the simulated Snap page and the payment simulator show of a transaction. */
export interface PaymentView {
  orderId: string;
  token?: string;
  amount: number;
  merchant: string;
  customerName?: string;
  items: { name: string; price: number; quantity: number }[];
  methods: { id: MethodId; label: string }[];
  method?: { id: MethodId; label: string };
  status?: string;
  payable: boolean;
  va?: { bank: string; number: string };
  bill?: { key: string; billerCode: string };
  /** Text a QR code would carry (GoPay, ShopeePay, QRIS). */
  qr?: string;
  expiresAt: number;
  finishUrl?: string;
  notifications: NotificationRecord[];
}

export function paymentView(t: PlaygroundTransaction): PaymentView {
  expireIfLapsed(t);
  const va = t.va_numbers?.[0] ?? (t.permata_va_number ? { bank: "permata", va_number: t.permata_va_number } : undefined);
  return {
    orderId: t.order_id,
    ...(t.token ? { token: t.token } : {}),
    amount: t.gross_amount,
    merchant: "Jiot Gadget Solution",
    ...(t.customerName ? { customerName: t.customerName } : {}),
    items: t.items,
    methods: t.enabledPayments.map((id) => ({ id, label: METHOD_LABELS[id] })),
    ...(t.method ? { method: { id: t.method, label: METHOD_LABELS[t.method] } } : {}),
    ...(t.transaction_status ? { status: t.transaction_status } : {}),
    payable: isPayable(t),
    ...(va ? { va: { bank: va.bank, number: va.va_number } } : {}),
    ...(t.bill_key ? { bill: { key: t.bill_key, billerCode: t.biller_code ?? "" } } : {}),
    ...(t.method && ["gopay", "shopeepay", "other_qris"].includes(t.method) ? { qr: `00020101021226650013ID.CO.QRIS.WWW${t.transaction_id}5204549953033605802ID` } : {}),
    expiresAt: t.expiresAt,
    ...(t.finishUrl ? { finishUrl: finishRedirect(t) } : {}),
    notifications: notificationsFor(t.order_id),
  };
}

/** Snap sends the customer back to callbacks.finish with the order and its status in the query, as Midtrans does. */
function finishRedirect(t: PlaygroundTransaction): string {
  const url = new URL(t.finishUrl!);
  url.searchParams.set("order_id", t.order_id);
  if (t.transaction_status) {
    url.searchParams.set("status_code", statusCodeOf(t.transaction_status));
    url.searchParams.set("transaction_status", t.transaction_status);
  }
  return url.toString();
}

export const PAY_ACTIONS = ["pay", "deny", "expire", "duplicate"] as const;
export type PayAction = (typeof PAY_ACTIONS)[number];

export class PaymentRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentRefused";
  }
}

/** The customer picks a method in Snap: a VA number (or bill key, QR) is issued and Midtrans says "pending". */
export async function chooseMethod(t: PlaygroundTransaction, method: string): Promise<PaymentView> {
  expireIfLapsed(t);
  if (!isPayable(t)) throw new PaymentRefused("Transaksi ini sudah tidak dapat dibayar.");
  if (!METHOD_IDS.includes(method as MethodId) || !t.enabledPayments.includes(method as MethodId)) {
    throw new PaymentRefused("Metode pembayaran ini tidak tersedia untuk transaksi ini.");
  }
  if (t.method === method && t.transaction_status === "pending") return paymentView(t);
  applyMethod(t, method as MethodId);
  if (t.transaction_status === "pending") await sendNotification(t);
  return paymentView(t);
}

/**
 * What the person chooses to happen, like Midtrans' sandbox simulator: the
 * payment arrives (settlement; capture for a card), is denied, expires, or the
 * last notification is sent again as a duplicate. Each sends a signed
 * notification to the app and waits for its answer, which the page shows.
 */
export async function simulate(t: PlaygroundTransaction, action: PayAction): Promise<PaymentView> {
  if (!PAY_ACTIONS.includes(action)) throw new PaymentRefused(`Aksi tidak dikenal: ${String(action)}`);
  expireIfLapsed(t);
  if (action === "duplicate") {
    if (!t.transaction_status) throw new PaymentRefused("Belum ada notifikasi untuk dikirim ulang.");
    await sendNotification(t, { duplicate: true });
    return paymentView(t);
  }
  if (!isPayable(t)) throw new PaymentRefused("Transaksi ini sudah tidak dapat diubah.");
  if (!t.method) throw new PaymentRefused("Pilih metode pembayaran dulu.");
  if (action === "pay") applyPaid(t);
  else if (action === "expire" && t.method === "credit_card") throw new PaymentRefused("Kartu tidak kedaluwarsa; pilih Ditolak.");
  else applyFinal(t, action);
  await sendNotification(t);
  return paymentView(t);
}

export function transactionByToken(token: string): PlaygroundTransaction | undefined {
  return findByToken(token);
}

export function transactionByOrderId(orderId: string): PlaygroundTransaction | undefined {
  return findTransaction(orderId);
}

/** The simulator's list: every transaction, newest first, with where to send its notifications. */
export function simulatorOverview(): { notificationUrl: string; transactions: PaymentView[] } {
  return { notificationUrl: notificationUrl() ?? "", transactions: listTransactions().map(paymentView) };
}

/** The simulator's "pay by VA number / bill key", like simulator.sandbox.midtrans.com. */
export function transactionByPaymentCode(code: string): PlaygroundTransaction | undefined {
  const wanted = code.replace(/\s+/g, "");
  return listTransactions().find(
    (t) => t.va_numbers?.some((v) => v.va_number === wanted) || t.permata_va_number === wanted || t.bill_key === wanted,
  );
}
