import type { RepairStatus } from "@/db/schema";
import { repairCautionText, repairMoveCaution } from "@/lib/admin/repair-flow";

const TODAY = "2026-12-10";

describe("which repair moves ask staff to confirm first", () => {
  it.each<[RepairStatus, string, RepairStatus, { skipped: RepairStatus[]; early: boolean } | undefined]>([
    // the next step, on the day: one tap
    ["booked", TODAY, "received", undefined],
    ["received", TODAY, "in_progress", undefined],
    ["in_progress", "2026-12-01", "ready", undefined],
    ["ready", TODAY, "completed", undefined],
    // steps jumped over
    ["booked", TODAY, "ready", { skipped: ["received", "in_progress"], early: false }],
    ["received", TODAY, "completed", { skipped: ["in_progress", "ready"], early: false }],
    // before the service date, even the next step
    ["booked", "2026-12-12", "received", { skipped: [], early: true }],
    ["in_progress", "2026-12-12", "ready", { skipped: [], early: true }],
    ["booked", "2026-12-12", "ready", { skipped: ["received", "in_progress"], early: true }],
    // not moves of the flow: nothing to confirm here (refused elsewhere, or the cancel form's own confirmation)
    ["ready", TODAY, "received", undefined],
    ["booked", TODAY, "cancelled", undefined],
  ])("%s on %s → %s", (repairStatus, serviceDate, target, expected) => {
    expect(repairMoveCaution({ repairStatus, serviceDate }, target, TODAY)).toEqual(expected);
  });

  it("says what is skipped, the date, and that the customer is told at once", () => {
    expect(repairCautionText({ skipped: ["received", "in_progress"], early: true }, "ready", "2026-12-12")).toBe(
      'Ubah ke "Siap diambil"? Langkah "Perangkat diterima" dan "Sedang dikerjakan" terlewati. Jadwal servisnya baru 12/12/2026. Pelanggan langsung diberi tahu lewat Telegram.',
    );
    expect(repairCautionText({ skipped: [], early: true }, "received", "2026-12-12")).toBe(
      'Ubah ke "Perangkat diterima"? Jadwal servisnya baru 12/12/2026. Pelanggan langsung diberi tahu lewat Telegram.',
    );
  });
});
