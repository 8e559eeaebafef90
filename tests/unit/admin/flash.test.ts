import { decodeFlash, encodeFlash, flashLocation } from "@/lib/admin/flash";

describe("admin flash messages", () => {
  it("carries a form's outcome through the redirect's query string", () => {
    const result = { status: "invalid" as const, errors: { capacity: "Kapasitas 1 lebih kecil dari pesanan yang sudah ada." } };
    const location = flashLocation("/admin/schedule", result);
    expect(location).toMatch(/^\/admin\/schedule\?flash=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeFlash(new URL(location, "http://x").searchParams.get("flash"))).toEqual(result);
  });

  it("keeps the query the page needs (the device shown) beside the flash", () => {
    const location = flashLocation("/admin/catalog", { status: "ok", message: "Harga disimpan." }, { device: "10", other: undefined });
    expect(new URL(location, "http://x").searchParams.get("device")).toBe("10");
  });

  it("shows nothing for a flash whose words the app did not sign", () => {
    const forged = Buffer.from(JSON.stringify({ status: "ok", message: "Transfer ke rekening 123" })).toString("base64url");
    expect(decodeFlash(`${forged}.AAAA`)).toBeUndefined();
    expect(decodeFlash(forged)).toBeUndefined();
    const genuine = encodeFlash({ status: "ok", message: "Harga disimpan." });
    expect(decodeFlash(`${forged}.${genuine.split(".")[1]}`)).toBeUndefined();
    expect(decodeFlash(undefined)).toBeUndefined();
  });
});
