import { BOOKING_CODE_PATTERN, STATUS_TOKEN_PATTERN, generateBookingCode, generateDraftId, generateStatusToken } from "@/lib/booking/codes";
import { formatRupiah } from "@/lib/booking/money";

describe("formatRupiah", () => {
  it.each([
    [70_000, "Rp70.000"],
    [0, "Rp0"],
    [999, "Rp999"],
    [1_250_000, "Rp1.250.000"],
  ])("%d → %s", (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it("refuses fractions: money is integer rupiah", () => {
    expect(() => formatRupiah(70_000.5)).toThrow(RangeError);
  });
});

describe("codes", () => {
  it("booking codes are 8 digits, not starting with 0, and spread out", () => {
    const codes = Array.from({ length: 2000 }, generateBookingCode);
    for (const code of codes) expect(code).toMatch(BOOKING_CODE_PATTERN);
    expect(new Set(codes).size).toBeGreaterThan(1990);
  });

  it("status tokens carry 128 random bits in url-safe characters", () => {
    const token = generateStatusToken();
    expect(token).toMatch(STATUS_TOKEN_PATTERN);
    expect(Buffer.from(token, "base64url")).toHaveLength(16);
    expect(generateStatusToken()).not.toBe(token);
  });

  it("draft ids fit a Telegram start payload", () => {
    expect(generateDraftId()).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});
