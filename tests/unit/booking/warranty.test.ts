import { warrantyEnd, warrantyLabel, warrantyStateOf } from "@/lib/booking/warranty";

/** The warranty runs from the completion day in WIB, whatever the server's zone (this project runs in UTC). */
const completed = (iso: string, warrantyDays = 30) => ({ repairStatus: "completed" as const, completedAt: new Date(iso), warrantyDays });

describe("warranty end", () => {
  it("a repair completed at 23:59 WIB counts from that day; at 00:30 WIB (17:30 UTC the day before) from the next", () => {
    expect(warrantyEnd(completed("2026-03-01T16:59:00Z"))).toBe("2026-03-31");
    expect(warrantyEnd(completed("2026-03-01T17:30:00Z"))).toBe("2026-04-01");
  });

  it("is none for a part without warranty, or a repair not completed", () => {
    expect(warrantyEnd(completed("2026-03-01T05:00:00Z", 0))).toBeUndefined();
    expect(warrantyEnd({ repairStatus: "ready", completedAt: null, warrantyDays: 30 })).toBeUndefined();
    expect(warrantyStateOf({ repairStatus: "ready", completedAt: null, warrantyDays: 30 }, new Date())).toEqual({ kind: "none" });
  });

  it("holds through the last day (WIB) and ends at midnight WIB", () => {
    const order = completed("2026-03-01T05:00:00Z");
    expect(warrantyStateOf(order, new Date("2026-03-31T16:59:59Z"))).toEqual({ kind: "active", until: "2026-03-31" });
    expect(warrantyStateOf(order, new Date("2026-03-31T17:00:00Z"))).toEqual({ kind: "expired", until: "2026-03-31" });
  });

  it("reads 'Bergaransi s.d.' / 'Garansi habis' in dd/mm/yyyy, and in English for an English order", () => {
    expect(warrantyLabel({ kind: "active", until: "2026-03-31" }, "id")).toBe("Bergaransi s.d. 31/03/2026");
    expect(warrantyLabel({ kind: "expired", until: "2026-03-31" }, "id")).toBe("Garansi habis 31/03/2026");
    expect(warrantyLabel({ kind: "active", until: "2026-03-31" }, "en")).toBe("Under warranty until 31/03/2026");
    expect(warrantyLabel({ kind: "none" }, "id")).toBeUndefined();
  });
});
