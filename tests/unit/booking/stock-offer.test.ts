import { nextWizardStep } from "@/lib/bot/wizard";
import { unitOfferLabel, unitOfferOf, unitsLeft } from "@/lib/booking/stock-offer";

const TODAY = "2026-12-07";

describe("unitOfferOf: what a part's shelf allows", () => {
  it.each([
    ["untracked (no stock row)", undefined, undefined, { kind: "in_stock", left: null }],
    ["units left", { onHand: 3, reserved: 1, backorderDays: null }, undefined, { kind: "in_stock", left: 2 }],
    ["the last unit", { onHand: 1, reserved: 0, backorderDays: 5 }, "2026-12-08", { kind: "in_stock", left: 1 }],
    ["none left, no back-order", { onHand: 2, reserved: 2, backorderDays: null }, "2026-12-20", { kind: "out" }],
    ["none left, back-order, no date yet", { onHand: 0, reserved: 0, backorderDays: 3 }, undefined, { kind: "backorder", days: 3, from: "2026-12-10" }],
    ["none left, back-order, a date far enough", { onHand: 0, reserved: 1, backorderDays: 3 }, "2026-12-10", { kind: "backorder", days: 3, from: "2026-12-10" }],
    ["none left, back-order, a date too early", { onHand: 0, reserved: 1, backorderDays: 3 }, "2026-12-09", { kind: "out", backorderFrom: "2026-12-10" }],
  ] as const)("%s", (_name, level, serviceDate, expected) => {
    expect(unitOfferOf(level, { today: TODAY, serviceDate })).toEqual(expected);
  });

  it("more reserved than on hand (a warranty claim took a unit that was not there) leaves 0, not a negative count", () => {
    expect(unitsLeft({ onHand: 1, reserved: 3, backorderDays: null })).toBe(0);
  });

  it("labels a back-order 'inden, X hari' and nothing else", () => {
    expect(unitOfferLabel({ kind: "backorder", days: 7, from: "2026-12-14" })).toBe("inden, 7 hari");
    expect(unitOfferLabel({ kind: "in_stock", left: 1 })).toBeUndefined();
  });
});

describe("the wizard when the last unit went to someone else", () => {
  const choices = { serviceDate: "2026-12-09", deviceId: 10, slotId: 1, partId: 1, phone: "+6281234567890", faultDone: true, paymentMethod: "gopay" as const };

  it("at Book Now: back to the part step with the other choices kept, and the customer is told", () => {
    const result = nextWizardStep({ step: "summary", choices }, { type: "booking_refused", reason: "part_out_of_stock" });
    expect(result).toMatchObject({ ok: true, state: { step: "part", choices: { serviceDate: "2026-12-09", slotId: 1, paymentMethod: "gopay" } } });
    if (!result.ok) throw new Error("unreachable");
    expect(result.state.choices.partId).toBeUndefined();
    expect(result.effects).toContainEqual({ type: "notice", notice: { kind: "part_out_of_stock" } });
  });

  it("at the part step: stays there with the notice", () => {
    const result = nextWizardStep({ step: "part", choices: { ...choices, partId: undefined } }, { type: "option_unavailable", partOut: true });
    expect(result).toMatchObject({ ok: true, state: { step: "part" }, effects: [{ type: "notice", notice: { kind: "part_out_of_stock" } }, { type: "show_step" }] });
  });
});
