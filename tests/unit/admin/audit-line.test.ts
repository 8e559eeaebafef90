import { describeAuditEntry, redactAuditValue } from "@/lib/admin/audit-line";

// 10 December 2026, 09:02 in Jakarta.
const AT = new Date("2026-12-10T02:02:00Z");
const entry = (actor: string, action: string, before: unknown, after: unknown) => ({ at: AT, actor, action, before, after });

/** A Midtrans HTTP notification for a paid BCA VA, as it arrives (signature included). */
const NOTIFICATION = {
  order_id: "62473383-1",
  status_code: "200",
  gross_amount: "70000.00",
  signature_key: "f00dfeed".repeat(16),
  payment_type: "bank_transfer",
  transaction_status: "settlement",
  fraud_status: "accept",
  va_numbers: [{ bank: "bca", va_number: "12345100000099" }],
};

describe("an order's history as lines staff can read", () => {
  it("Midtrans' payment: '10/12 09:02 — Pembayaran diterima (BCA VA)', with no one named", () => {
    const line = describeAuditEntry(
      entry("midtrans", "payment.status_changed", { paymentStatus: "pending" }, { verdict: "applied", paymentStatus: "paid", source: "notification", notification: NOTIFICATION }),
    );
    expect(line).toMatchObject({ at: "10/12 09:02", atFull: "10/12/2026 09:02 WIB", who: undefined, text: "Pembayaran diterima (BCA VA)" });
  });

  it("a status move by staff: 'sari: status → Siap diambil'", () => {
    const line = describeAuditEntry(entry("sari", "order.repair_status", { repairStatus: "in_progress" }, { repairStatus: "ready" }));
    expect([line.who, line.text]).toEqual(["sari", "status → Siap diambil"]);
  });

  it.each([
    [entry("telegram:42", "order.created", null, { serviceDate: "2026-12-12", slot: "09.00 - 11.00 WIB", device: "iPhone X", part: "Battery", paymentMethod: "bca_va" }), "Pelanggan (Telegram)", "Booking dibuat: Battery – iPhone X, 12/12/2026 09.00 - 11.00 WIB, BCA Virtual Account"],
    [entry("sari", "order.rescheduled", { serviceDate: "2026-12-12" }, { serviceDate: "2026-12-14", slotId: 2, slotLabel: "12.00 - 14.00 WIB" }), "sari", "jadwal dipindah ke 14/12/2026, 12.00 - 14.00 WIB"],
    [entry("sari", "order.cancelled", { repairStatus: "booked" }, { repairStatus: "cancelled", needsRefund: true, reason: "pelanggan minta batal" }), "sari", "pesanan dibatalkan (pelanggan minta batal); perlu refund"],
    [entry("sari", "payment.cash_recorded", { paymentStatus: "pending" }, { paymentStatus: "paid", amountIdr: 70_000, attempt: 2 }), "sari", "bayar tunai dicatat Rp70.000"],
    [entry("midtrans", "payment.status_changed", {}, { verdict: "applied", paymentStatus: "pending", midtrans: { payment_type: "gopay" } }), undefined, "Menunggu pembayaran (GoPay)"],
    [entry("midtrans", "payment.status_changed", {}, { verdict: "applied", paymentStatus: "expired" }), undefined, "Kedaluwarsa"],
    [entry("midtrans", "payment.notification_ignored", {}, { verdict: "duplicate", notification: NOTIFICATION }), undefined, "Notifikasi Midtrans diabaikan (sudah tercatat)"],
    [entry("midtrans", "payment.needs_refund", {}, { reason: "double_payment" }), undefined, "Perlu refund: pembayaran ganda"],
    [entry("rina", "order.something_new", null, { x: 1 }), "rina", "order.something_new"],
  ])("entry %# (created, rescheduled, cancelled, cash, pending, expired, ignored, refund, unknown) reads as a sentence", (e, who, text) => {
    const line = describeAuditEntry(e);
    expect(line.who).toBe(who);
    expect(line.text).toBe(text);
  });

  it("the folded detail is the stored before/after, without the signature even when an old row kept it", () => {
    const line = describeAuditEntry(entry("midtrans", "payment.status_changed", null, { paymentStatus: "paid", notification: NOTIFICATION, midtrans: { nested: [NOTIFICATION] } }));
    expect(line.detail).toContain('"va_number": "12345100000099"');
    expect(line.detail).not.toContain("signature_key");
    expect(line.detail).not.toContain("f00dfeed");
    expect(JSON.parse(line.detail!)).toMatchObject({ sebelum: null, sesudah: { paymentStatus: "paid" } });
  });

  it("an entry with nothing stored has no detail", () => {
    expect(describeAuditEntry(entry("sari", "order.repair_status", null, null)).detail).toBeUndefined();
  });

  it("redaction leaves other values alone", () => {
    expect(redactAuditValue({ a: [1, { signature_key: "x", b: "y" }], c: null })).toEqual({ a: [1, { b: "y" }], c: null });
  });
});
