import {
  addDays,
  formatDateDmy,
  formatDateLong,
  formatWibDateTime,
  parseServiceDate,
  todayInJakarta,
  wibInstant,
  type DateRules,
} from "@/lib/booking/calendar";

const rules = (overrides: Partial<DateRules> = {}): DateRules => ({
  today: "2026-11-28",
  horizonDays: 30,
  closedDates: new Map([["2026-12-25", "Natal"]]),
  closedWeekdays: [],
  ...overrides,
});

describe("the shop's calendar (WIB) whatever the server's zone", () => {
  it(`runs with TZ=${process.env.TZ}`, () => {
    expect(["UTC", "Asia/Jakarta"]).toContain(process.env.TZ);
  });

  it("midnight WIB is 17:00 UTC the day before", () => {
    expect(todayInJakarta(new Date("2026-11-28T16:59:59Z"))).toBe("2026-11-28");
    expect(todayInJakarta(new Date("2026-11-28T17:00:00Z"))).toBe("2026-11-29");
    expect(wibInstant("2026-11-29", "00:00").toISOString()).toBe("2026-11-28T17:00:00.000Z");
  });

  it("a slot's start in WIB is the right instant", () => {
    expect(wibInstant("2026-12-01", "09:00").toISOString()).toBe("2026-12-01T02:00:00.000Z");
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("formats dates the way customers read them", () => {
    expect(formatDateDmy("2026-12-01")).toBe("01/12/2026");
    expect(formatDateLong("2026-12-01")).toBe("Selasa, 1 Desember 2026");
    expect(formatDateLong("2026-12-01", "en")).toBe("Tuesday, 1 December 2026");
    expect(formatWibDateTime(new Date("2026-11-28T14:05:00Z"))).toBe("28/11/2026 21:05 WIB");
  });
});

describe("parseServiceDate", () => {
  it.each([
    ["01/12/2026", "2026-12-01"],
    ["1/12/2026", "2026-12-01"],
    [" 28-11-2026 ", "2026-11-28"],
    ["28.12.2026", "2026-12-28"],
  ])("accepts %s", (input, expected) => {
    expect(parseServiceDate(input, rules())).toEqual({ ok: true, date: expected });
  });

  it.each([
    ["besok", "format"],
    ["2026-12-01", "format"],
    ["12/2026", "format"],
    ["31/02/2027", "invalid"],
    ["00/12/2026", "invalid"],
    ["12/13/2026", "invalid"],
    ["27/11/2026", "past"],
    ["01/10/2022", "past"],
    ["29/12/2026", "beyond_horizon"],
    ["25/12/2026", "closed"],
  ])("refuses %s because %s", (input, reason) => {
    expect(parseServiceDate(input, rules())).toMatchObject({ ok: false, reason });
  });

  it("today is still bookable and the horizon's last day too", () => {
    expect(parseServiceDate("28/11/2026", rules()).ok).toBe(true);
    expect(parseServiceDate("28/12/2026", rules()).ok).toBe(true);
  });

  it("gives the closed day's reason and honours weekly closing days", () => {
    expect(parseServiceDate("25/12/2026", rules())).toEqual({ ok: false, reason: "closed", closedReason: "Natal" });
    // 29/11/2026 is a Sunday.
    expect(parseServiceDate("29/11/2026", rules({ closedWeekdays: [0] }))).toEqual({ ok: false, reason: "closed" });
  });
});
