import type { ShopSettings } from "@/db/queries/settings";
import type { Order } from "@/db/schema";
import { formatDateDmy, formatWibDateTime } from "@/lib/booking/calendar";
import { formatRupiah } from "@/lib/booking/money";
import { formatIndonesianPhone } from "@/lib/booking/phone";
import { PAYMENT_METHOD_LABEL, PAYMENT_STATUS_LABEL } from "@/lib/payments/texts";
import { shopContactOf, type ShopContact } from "@/lib/site/shop-contact";

export type PrintedDocument = "job-sheet" | "receipt";

export interface PrintedOrder {
  title: string;
  shop: ShopContact;
  /** Label/value rows, in the order the counter reads them. */
  rows: [string, string][];
  /** Why this document cannot be printed yet (a receipt before payment). */
  unavailable?: string;
  /** Lines to sign at the bottom of a job sheet. */
  signatures: string[];
}

const PAID = new Set(["paid", "partially_refunded", "refunded"]);

/** Money came in for this order, so a receipt can be printed. */
export function hasReceipt(order: Pick<Order, "paymentStatus">): boolean {
  return PAID.has(order.paymentStatus);
}

/** What the printed job sheet (handed over with the phone) or receipt (once paid) says: facts only, never internal notes. */
export function printedOrder(order: Order, settings: ShopSettings, document: PrintedDocument, printedAt = new Date()): PrintedOrder {
  const customer = [order.customerName, order.telegramUsername && `@${order.telegramUsername}`].filter(Boolean).join(" ") || `chat ${order.chatId ?? "—"}`;
  const rows: [string, string][] = [
    ["Kode booking", order.bookingCode],
    ["Pelanggan", customer],
    ...(order.customerPhone ? [["Telepon", formatIndonesianPhone(order.customerPhone)] as [string, string]] : []),
    ["Perangkat", order.deviceName],
    ...(order.faultDescription ? [["Keluhan", order.faultDescription] as [string, string]] : []),
    ["Servis", order.partName],
    ...(order.faultDescription ? ([["Keluhan", order.faultDescription]] as [string, string][]) : []),
    ["Jadwal", `${formatDateDmy(order.serviceDate)}, ${order.slotLabel}`],
    ["Harga", formatRupiah(order.amountIdr)],
    ["Pembayaran", `${PAYMENT_STATUS_LABEL[order.paymentStatus]} · ${PAYMENT_METHOD_LABEL[order.paymentMethod] ?? order.paymentMethod}`],
  ];
  if (order.paidAt) rows.push(["Dibayar", formatWibDateTime(order.paidAt)]);
  rows.push(["Dicetak", formatWibDateTime(printedAt)]);
  const receipt = document === "receipt";
  return {
    title: receipt ? "Kwitansi" : "Tanda terima servis",
    shop: shopContactOf(settings),
    rows,
    unavailable: receipt && !hasReceipt(order) ? "Kwitansi tersedia setelah pesanan lunas." : undefined,
    signatures: receipt ? [] : ["Pelanggan", "Petugas toko"],
  };
}
