import { formatIndonesianPhone, indonesianPhonePrefix, isIndonesianMobile, normalizeIndonesianPhone, whatsappLink } from "@/lib/booking/phone";

describe("normalizeIndonesianPhone", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["62 812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["+62 (812) 3456-7890", "+6281234567890"],
    ["+62.812.3456.7890", "+6281234567890"],
    ["021-7890123", "+62217890123"],
  ])("%s is stored as %s", (input, stored) => {
    expect(normalizeIndonesianPhone(input)).toBe(stored);
  });

  it.each(["812345", "81234567890", "+1 415 555 0100", "0800", "08123456789012345", "+620812345678", "0812-abc-7890", "+62", "", "   "])(
    "%j is not an Indonesian number",
    (input) => {
      expect(normalizeIndonesianPhone(input)).toBeNull();
    },
  );
});

describe("indonesianPhonePrefix (the order list's search)", () => {
  it.each([
    ["0812", "+62812"],
    ["62812", "+62812"],
    ["+62 812", "+62812"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["08", "+628"],
  ])("%s looks for numbers starting %s", (input, prefix) => {
    expect(indonesianPhonePrefix(input)).toBe(prefix);
  });

  it.each(["812", "0", "62", "+62", "0812a", "budi", "0812 3456 7890 1234 5"])("%j is not the start of a number", (input) => {
    expect(indonesianPhonePrefix(input)).toBeNull();
  });
});

describe("phone display and WhatsApp", () => {
  it("is grouped the Indonesian way", () => {
    expect(formatIndonesianPhone("+6281234567890")).toBe("+62 812-3456-7890");
  });

  it("a WhatsApp link has no plus sign and carries the message, encoded", () => {
    expect(whatsappLink("+6281234567890")).toBe("https://wa.me/6281234567890");
    expect(whatsappLink("+6281234567890", "Bayar di https://x.id/orders/a?b=1 & c")).toBe(
      "https://wa.me/6281234567890?text=Bayar%20di%20https%3A%2F%2Fx.id%2Forders%2Fa%3Fb%3D1%20%26%20c",
    );
  });
});

describe("isIndonesianMobile (the bot's phone question)", () => {
  it.each(["0812 3456 7890", "+62-812-3456-789", "(0813) 1234.5678", "0857 1234 56", "0812345678901"])("%j is a mobile number", (input) => {
    expect(isIndonesianMobile(normalizeIndonesianPhone(input)!)).toBe(true);
  });

  it.each(["021 1234 5678", "0800 1234 5678", "0812 345", "081234567890123"])("%j is not one", (input) => {
    const phone = normalizeIndonesianPhone(input);
    expect(phone !== null && isIndonesianMobile(phone)).toBe(false);
  });
});
