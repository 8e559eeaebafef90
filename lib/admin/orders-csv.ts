import type { Database } from "@/db";
import { eachFilteredOrder, type OrderFilters, type OrderSort } from "@/db/queries/admin-orders";
import type { Order } from "@/db/schema";
import { formatWibDateTime } from "@/lib/booking/calendar";

const COLUMNS: [string, (order: Order) => string | number][] = [
  ["booking_code", (o) => o.bookingCode],
  ["created_wib", (o) => formatWibDateTime(o.createdAt)],
  ["service_date", (o) => o.serviceDate],
  ["slot", (o) => o.slotLabel],
  ["customer_name", (o) => o.customerName],
  ["telegram_username", (o) => o.telegramUsername ?? ""],
  ["customer_phone", (o) => o.customerPhone ?? ""],
  ["source", (o) => o.source],
  ["device", (o) => o.deviceName],
  ["part", (o) => o.partName],
  ["amount_idr", (o) => o.amountIdr],
  ["payment_method", (o) => o.paymentMethod],
  ["payment_status", (o) => o.paymentStatus],
  ["repair_status", (o) => o.repairStatus],
  ["needs_refund", (o) => (o.needsRefund ? "yes" : "no")],
  ["paid_wib", (o) => (o.paidAt ? formatWibDateTime(o.paidAt) : "")],
];

/**
 * One CSV field (RFC 4180 quoting). Text a spreadsheet would run as a formula
 * (= + - @ and tab/CR at the start; customer names come from Telegram) gets a leading apostrophe.
 */
export function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (fields: (string | number)[]) => `${fields.map(csvField).join(",")}\r\n`;

/** The filtered order list as CSV, streamed a batch at a time so 100 000 orders do not sit in memory. */
export function ordersCsvStream(db: Database, { filters, sort }: { filters: OrderFilters; sort: OrderSort }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = eachFilteredOrder(db, { filters, sort });
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(COLUMNS.map(([name]) => name))}`));
        return;
      }
      let chunk = "";
      for (let i = 0; i < 500; i++) {
        const next = await rows.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(COLUMNS.map(([, value]) => value(next.value)));
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
