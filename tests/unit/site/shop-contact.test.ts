import { groupWeek, weeklyHours, type WeeklySlot } from "@/lib/booking/weekly-hours";
import { openingHoursLine, safeHttpUrl, shopContactOf } from "@/lib/site/shop-contact";

describe("the shop's phone number", () => {
  it("is shown grouped, and its WhatsApp link has no plus sign", () => {
    const contact = shopContactOf({ shopName: "Jiot", address: "", phone: "0812-3456-7890", mapsUrl: "" });
    expect(contact.phoneDisplay).toBe("+62 812-3456-7890");
    expect(contact.whatsappUrl).toBe("https://wa.me/6281234567890");
  });

  it("a number that is not Indonesian is left out", () => {
    expect(shopContactOf({ shopName: "Jiot", address: "", phone: "+1 415 555 0100", mapsUrl: "" }).phone).toBeUndefined();
  });
});

describe("the shop's map link", () => {
  it("keeps http(s) links", () => {
    expect(safeHttpUrl(" https://maps.app.goo.gl/abc ")).toBe("https://maps.app.goo.gl/abc");
    expect(safeHttpUrl("http://maps.google.com/?q=Jiot")).toBe("http://maps.google.com/?q=Jiot");
  });

  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>", "//evil.example", "maps.google.com", "https://"])("refuses %s", (input) => {
    expect(safeHttpUrl(input)).toBeUndefined();
  });

  it("a stored value that is not http(s) is never rendered as a link", () => {
    expect(shopContactOf({ shopName: "Jiot", address: " ", phone: "", mapsUrl: "javascript:alert(1)" })).toEqual({ name: "Jiot" });
  });
});

describe("the opening hours line", () => {
  let nextId = 1;
  const slot = (startTime: string, endTime: string, active = true) => ({ id: nextId++, label: `${startTime} - ${endTime} WIB`, startTime, endTime, capacity: 2, active });
  const line = (slots: WeeklySlot[], closedWeekdays: number[], capacities: [string, number][] = []) =>
    openingHoursLine(weeklyHours(slots, new Map(capacities), closedWeekdays));

  it("spans the active slots and names the weekly closed days", () => {
    expect(line([slot("12:00", "14:00"), slot("09:00", "11:00"), slot("18:00", "20:00"), slot("20:00", "22:00", false)], [])).toBe("Buka setiap hari, 09.00–20.00 WIB");
    expect(line([slot("09:00", "11:00")], [0, 5])).toBe("Buka setiap hari kecuali Minggu, Jumat, 09.00–11.00 WIB");
  });

  it("says nothing while no slot is active", () => {
    expect(line([slot("09:00", "11:00", false)], [])).toBeUndefined();
  });

  it("follows the capacity per weekday: a short Saturday, and a Sunday where no slot runs is shut", () => {
    const morning = slot("09:00", "11:00");
    const evening = slot("18:00", "20:00");
    const capacities: [string, number][] = [
      [`${evening.id}:6`, 0],
      [`${morning.id}:0`, 0],
      [`${evening.id}:0`, 0],
      [`${morning.id}:3`, 5],
    ];
    expect(line([morning, evening], [], capacities)).toBe("Senin–Jumat 09.00–20.00, Sabtu 09.00–11.00 WIB; tutup Minggu");
    const week = weeklyHours([morning, evening], new Map(capacities), []);
    expect(week.find((d) => d.weekday === 3)!.slots.map((s) => s.capacity)).toEqual([5, 2]);
    expect(groupWeek(week).map((g) => [g.days, g.labels])).toEqual([
      ["Senin–Jumat", ["09:00 - 11:00 WIB", "18:00 - 20:00 WIB"]],
      ["Sabtu", ["09:00 - 11:00 WIB"]],
      ["Minggu", []],
    ]);
  });
});
