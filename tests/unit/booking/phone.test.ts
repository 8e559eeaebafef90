import { normalizeIndonesianPhone } from "@/lib/booking/phone";

describe("normalizeIndonesianPhone", () => {
  it.each([
    ["0812 3456 7890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["081234567890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["+62-812-3456-789", "+628123456789"],
    ["(0813) 1234.5678", "+6281312345678"],
    ["  0857 1234 56  ", "+62857123456"],
    ["0812345678901", "+62812345678901"],
  ])("reads %p as %p", (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["hello", "no digits"],
    ["021 1234 5678", "a Jakarta landline"],
    ["0812 345", "too short"],
    ["08123456789012", "too long"],
    ["+1 415 555 0100", "another country"],
    ["62 0812 3456 7890", "a 0 after the country code"],
    ["0800 1234 5678", "08 then 0: no operator"],
    ["0812 3456 7890 ext 1", "trailing words"],
    ["+62812345678９", "a full-width digit"],
  ])("refuses %p (%s)", (input) => {
    expect(normalizeIndonesianPhone(input)).toBeNull();
  });
});
