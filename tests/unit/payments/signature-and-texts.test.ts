import { createHash } from "node:crypto";
import { parseGrossAmount } from "@/lib/payments/apply-notification";
import { formatMidtransTime, parseMidtransTime } from "@/lib/payments/midtrans-time";
import { notificationSignature, signatureIsValid } from "@/lib/payments/verify-signature";
import { virtualAccountText } from "@/lib/payments/texts";

const SERVER_KEY = "SB-Mid-server-TEST_key_123";

describe("notification signature", () => {
  const fields = { order_id: "62473383-1", status_code: "200", gross_amount: "70000.00" };
  const expected = createHash("sha512").update(`62473383-120070000.00${SERVER_KEY}`).digest("hex");

  it("is sha512 of order_id + status_code + gross_amount + server key, as received", () => {
    expect(notificationSignature(fields, SERVER_KEY)).toBe(expected);
    expect(signatureIsValid({ ...fields, signature_key: expected }, SERVER_KEY)).toBe(true);
    expect(signatureIsValid({ ...fields, signature_key: expected.toUpperCase() }, SERVER_KEY)).toBe(true);
  });

  it("fails for a changed amount written differently, another key, or an empty key", () => {
    expect(signatureIsValid({ ...fields, gross_amount: "70000", signature_key: expected }, SERVER_KEY)).toBe(false);
    expect(signatureIsValid({ ...fields, status_code: "201", signature_key: expected }, SERVER_KEY)).toBe(false);
    expect(signatureIsValid({ ...fields, signature_key: expected }, "SB-Mid-server-other")).toBe(false);
    expect(signatureIsValid({ ...fields, signature_key: expected }, "")).toBe(false);
    expect(signatureIsValid({ ...fields, signature_key: "" }, SERVER_KEY)).toBe(false);
  });
});

describe("amounts and times in Midtrans' formats", () => {
  it.each([
    ["70000.00", 70_000],
    ["70000", 70_000],
    ["70000.0", 70_000],
    ["70000.50", Number.NaN],
    ["-70000.00", Number.NaN],
    ["7e4", Number.NaN],
    ["", Number.NaN],
  ])("gross_amount %j is %d rupiah", (text, amount) => {
    expect(parseGrossAmount(text)).toBe(amount);
  });

  it("reads and writes WIB times whatever the server's zone", () => {
    expect(parseMidtransTime("2023-08-19 10:16:48")?.toISOString()).toBe("2023-08-19T03:16:48.000Z");
    expect(parseMidtransTime("yesterday")).toBeUndefined();
    expect(formatMidtransTime(new Date("2026-11-28T03:00:00Z"))).toBe("2026-11-28 10:00:00 +0700");
  });
});

describe("virtualAccountText", () => {
  const order = { amountIdr: 70_000, bookingCode: "62473383" };
  const expiresAt = new Date("2026-11-28T14:05:00Z");

  it("gives the bank, the VA number, the amount and the deadline in WIB", () => {
    const text = virtualAccountText(order, { vaBank: "bca", vaNumber: "12345100000001", billKey: null, billerCode: null, expiresAt });
    expect(text).toContain("BCA");
    expect(text).toContain("Nomor VA: 12345100000001");
    expect(text).toContain("Jumlah: Rp70.000");
    expect(text).toContain("Bayar sebelum: 28/11/2026 21:05 WIB");
  });

  it("gives the biller code and bill key for a Mandiri bill, in English when asked", () => {
    const text = virtualAccountText(order, { vaBank: "mandiri", vaNumber: null, billKey: "700000000001", billerCode: "70012", expiresAt }, "en");
    expect(text).toContain("Company code (biller code): 70012");
    expect(text).toContain("Payment code (bill key): 700000000001");
    expect(text).toContain("Amount: Rp70.000");
  });
});
