import { firstMissingStep, nextWizardStep, type WizardEffect, type WizardEvent, type WizardState } from "@/lib/bot/wizard";

const DATE = "2026-12-01";
const PHONE = "+6281234567890";
const FULL = { serviceDate: DATE, deviceId: 10, slotId: 1, partId: 1, phone: PHONE, faultDone: true, paymentMethod: "gopay" as const };
const TO_PART = { serviceDate: DATE, deviceId: 10, slotId: 1, partId: 1 };
const TO_PHONE = { ...TO_PART, phone: PHONE };
const at = (step: WizardState["step"], choices: WizardState["choices"] = {}): WizardState => ({ step, choices });
const show: WizardEffect = { type: "show_step" };

// Every row has all five cells: jest reads a test function with more parameters than cells as taking `done`.
type Row = [string, WizardState, WizardEvent, WizardState | "unexpected", WizardEffect[]];

const table: Row[] = [
  ["/order starts afresh from anywhere", at("payment", { serviceDate: DATE }), { type: "order" }, at("intro"), [show]],
  ["Booking asks for the date", at("intro"), { type: "begin" }, at("date"), [show]],
  ["a valid date asks for the device", at("date"), { type: "date_valid", date: DATE }, at("device", { serviceDate: DATE }), [show]],
  [
    "a wrong date stays, with its reason in a short reply (the date prompt is not sent again)",
    at("date"),
    { type: "date_invalid", problem: "past", input: "01/01/2020" },
    at("date"),
    [{ type: "reply", notice: { kind: "date", problem: "past", input: "01/01/2020", closedReason: undefined } }],
  ],
  ["a device asks for the slot", at("device", { serviceDate: DATE }), { type: "device", deviceId: 10 }, at("slot", { serviceDate: DATE, deviceId: 10 }), [show]],
  ["a slot asks for the part", at("slot", { serviceDate: DATE, deviceId: 10 }), { type: "slot", slotId: 1 }, at("part", { serviceDate: DATE, deviceId: 10, slotId: 1 }), [show]],
  ["a part asks for the phone", at("part", { serviceDate: DATE, deviceId: 10, slotId: 1 }), { type: "part", partId: 1 }, at("phone", TO_PART), [show]],
  [
    "'Belum tahu / cek dulu' is a part of its own (null) and asks for the phone",
    at("part", { serviceDate: DATE, deviceId: 10, slotId: 1 }),
    { type: "part", partId: null },
    at("phone", { ...TO_PART, partId: null }),
    [show],
  ],
  ["a phone asks about the fault", at("phone", TO_PART), { type: "phone", phone: PHONE }, at("fault", TO_PHONE), [show]],
  ["a phone after 'Ganti nomor' forgets the change", at("phone", { ...TO_PART, changingPhone: true }), { type: "phone", phone: PHONE }, at("fault", TO_PHONE), [show]],
  ["'Ganti nomor' asks for a number in the same step", at("phone", TO_PART), { type: "change_phone" }, at("phone", { ...TO_PART, changingPhone: true }), [show]],
  [
    "a wrong number stays on the phone, with a short reply",
    at("phone", TO_PART),
    { type: "phone_invalid", problem: "format" },
    at("phone", TO_PART),
    [{ type: "reply", notice: { kind: "phone", problem: "format" } }],
  ],
  [
    "someone else's contact is refused",
    at("phone", TO_PART),
    { type: "phone_invalid", problem: "not_own_contact" },
    at("phone", TO_PART),
    [{ type: "reply", notice: { kind: "phone", problem: "not_own_contact" } }],
  ],
  ["a phone outside the phone step is unexpected", at("part", { serviceDate: DATE }), { type: "phone", phone: PHONE }, "unexpected", []],
  ["a description stays on the fault step, shown again", at("fault", TO_PHONE), { type: "fault_text", description: "Layar retak" }, at("fault", { ...TO_PHONE, faultDescription: "Layar retak" }), [show]],
  [
    "a description of 501 characters is refused and nothing is kept",
    at("fault", TO_PHONE),
    { type: "fault_text", description: "x".repeat(501) },
    at("fault", TO_PHONE),
    [{ type: "reply", notice: { kind: "fault_too_long", length: 501 } }],
  ],
  ["a description of exactly 500 characters is taken", at("fault", TO_PHONE), { type: "fault_text", description: "x".repeat(500) }, at("fault", { ...TO_PHONE, faultDescription: "x".repeat(500) }), [show]],
  [
    "a photo is added, its caption taken as the description",
    at("fault", TO_PHONE),
    { type: "fault_photo", fileId: "f1", caption: "retak" },
    at("fault", { ...TO_PHONE, faultDescription: "retak", faultPhotos: ["f1"] }),
    [show],
  ],
  [
    "a caption does not replace a description already given",
    at("fault", { ...TO_PHONE, faultDescription: "mati total" }),
    { type: "fault_photo", fileId: "f1", caption: "retak" },
    at("fault", { ...TO_PHONE, faultDescription: "mati total", faultPhotos: ["f1"] }),
    [show],
  ],
  [
    "a third photo is taken",
    at("fault", { ...TO_PHONE, faultPhotos: ["f1", "f2"] }),
    { type: "fault_photo", fileId: "f3" },
    at("fault", { ...TO_PHONE, faultPhotos: ["f1", "f2", "f3"] }),
    [show],
  ],
  [
    "a fourth photo is refused politely, the three kept",
    at("fault", { ...TO_PHONE, faultPhotos: ["f1", "f2", "f3"] }),
    { type: "fault_photo", fileId: "f4" },
    at("fault", { ...TO_PHONE, faultPhotos: ["f1", "f2", "f3"] }),
    [{ type: "reply", notice: { kind: "photo_limit" } }],
  ],
  ["Lewati / Selesai asks for the method", at("fault", TO_PHONE), { type: "fault_done" }, at("payment", { ...TO_PHONE, faultDone: true }), [show]],
  ["a photo at the payment step is unexpected", at("payment", { ...TO_PHONE, faultDone: true }), { type: "fault_photo", fileId: "f1" }, "unexpected", []],
  [
    "Back on the fault asks for the phone again, the description kept",
    at("fault", { ...TO_PHONE, faultDescription: "retak" }),
    { type: "back", from: "fault" },
    at("phone", { ...TO_PART, faultDescription: "retak" }),
    [show],
  ],
  ["Back on the phone asks for the part again", at("phone", TO_PART), { type: "back", from: "phone" }, at("part", { serviceDate: DATE, deviceId: 10, slotId: 1 }), [show]],
  [
    "pay at the shop turned off before Book Now asks for the method again",
    at("summary", { ...FULL, paymentMethod: "pay_at_shop" }),
    { type: "booking_refused", reason: "payment_unavailable" },
    at("payment", { ...FULL, paymentMethod: undefined }),
    [{ type: "notice", notice: { kind: "option_unavailable" } }, show],
  ],
  ["a method shows the summary", at("payment", { ...FULL, paymentMethod: undefined }), { type: "payment", method: "gopay" }, at("summary", FULL), [show]],
  ["Book Now books", at("summary", FULL), { type: "book_now" }, at("summary", FULL), [{ type: "create_booking" }]],
  [
    "a booking ends the wizard in 'booked'",
    at("summary", FULL),
    { type: "booked", orderId: "o1", bookingCode: "62473383" },
    { step: "booked", choices: FULL, orderId: "o1", bookingCode: "62473383" },
    [{ type: "show_booked" }],
  ],
  [
    "a second Book Now after booking repeats the code",
    { step: "booked", choices: FULL, orderId: "o1", bookingCode: "62473383" },
    { type: "book_now" },
    { step: "booked", choices: FULL, orderId: "o1", bookingCode: "62473383" },
    [{ type: "already_booked", bookingCode: "62473383" }],
  ],
  [
    "a full slot at Book Now offers the other slots",
    at("summary", FULL),
    { type: "booking_refused", reason: "slot_full", slotLabel: "09.00 - 11.00 WIB" },
    at("slot", { ...FULL, slotId: undefined }),
    [{ type: "notice", notice: { kind: "slot_full", slotLabel: "09.00 - 11.00 WIB" } }, show],
  ],
  [
    "a part gone at Book Now asks for the part again",
    at("summary", FULL),
    { type: "booking_refused", reason: "item_unavailable" },
    at("part", { ...FULL, partId: undefined }),
    [{ type: "notice", notice: { kind: "item_unavailable" } }, show],
  ],
  [
    "too many unpaid bookings at Book Now ends the wizard, naming them",
    at("summary", FULL),
    { type: "booking_refused", reason: "too_many_unpaid", unpaidCodes: ["62473383", "11112222"] },
    at("idle"),
    [{ type: "unpaid_limit", bookingCodes: ["62473383", "11112222"] }],
  ],
  [
    "a day without free slots asks for another date",
    at("slot", { serviceDate: DATE, deviceId: 10 }),
    { type: "no_slots" },
    at("date", { deviceId: 10, fullDate: DATE }),
    [{ type: "notice", notice: { kind: "date_full", date: DATE } }, show],
  ],
  [
    "a date that has room, after a full one, no longer offers the full one's waitlist",
    at("date", { deviceId: 10, fullDate: DATE }),
    { type: "date_valid", date: DATE },
    at("slot", { deviceId: 10, serviceDate: DATE }),
    [show],
  ],
  [
    "free text at a button step points to the buttons above, without a second keyboard",
    at("device", { serviceDate: DATE }),
    { type: "text" },
    at("device", { serviceDate: DATE }),
    [{ type: "reply", notice: { kind: "use_buttons" } }],
  ],
  ["Back on the date goes to the intro", at("date"), { type: "back", from: "date" }, at("intro"), [show]],
  ["Back on the device asks the date again", at("device", { serviceDate: DATE }), { type: "back", from: "device" }, at("date"), [show]],
  ["Back on the slot keeps the date", at("slot", { serviceDate: DATE, deviceId: 10 }), { type: "back", from: "slot" }, at("device", { serviceDate: DATE }), [show]],
  ["Back on the part keeps date and device", at("part", { serviceDate: DATE, deviceId: 10, slotId: 1 }), { type: "back", from: "part" }, at("slot", { serviceDate: DATE, deviceId: 10 }), [show]],
  [
    "Back on the payment asks about the fault again, the phone kept",
    at("payment", { ...TO_PHONE, faultDone: true }),
    { type: "back", from: "payment" },
    at("fault", TO_PHONE),
    [show],
  ],
  [
    "Back drops the later answers a website draft gave (a new device may not have that part)",
    at("device", { serviceDate: DATE, partId: 1, paymentMethod: "gopay" }),
    { type: "back", from: "device" },
    at("date"),
    [show],
  ],
  ["Back tapped twice goes back once: the second names a step no longer current", at("device", { serviceDate: DATE }), { type: "back", from: "slot" }, "unexpected", []],
  ["Back from the summary is not offered", at("summary", FULL), { type: "back", from: "summary" }, "unexpected", []],
  ["Batal at the code prompt closes it", at("status"), { type: "cancel" }, at("idle"), [{ type: "status_closed" }]],
  ["a command at the code prompt leaves it", at("status"), { type: "status_done" }, at("idle"), [{ type: "prompt_left" }]],
  ["Cancel leaves the wizard", at("part", { serviceDate: DATE }), { type: "cancel" }, at("idle"), [{ type: "cancelled" }]],
  ["Cancel with nothing open says so", at("idle"), { type: "cancel" }, at("idle"), [{ type: "nothing_to_cancel" }]],
  ["/status waits for a code", at("slot", { serviceDate: DATE }), { type: "status" }, at("status"), [{ type: "ask_status_code" }]],
  ["a draft asks only for what is missing", at("idle"), { type: "draft", choices: { deviceId: 10, partId: 1 } }, at("date", { deviceId: 10, partId: 1 }), [show]],
  ["a complete draft shows the summary", at("idle"), { type: "draft", choices: FULL }, at("summary", FULL), [show]],
  ["a device tapped at the slot step is unexpected", at("slot", { serviceDate: DATE, deviceId: 10 }), { type: "device", deviceId: 11 }, "unexpected", []],
  ["Booking tapped twice is unexpected the second time", at("date"), { type: "begin" }, "unexpected", []],
  ["Book Now before the summary is unexpected", at("payment", { serviceDate: DATE }), { type: "book_now" }, "unexpected", []],
  ["a booking result outside the summary is unexpected", at("idle"), { type: "booked", orderId: "o", bookingCode: "1" }, "unexpected", []],
  ["free text while idle is not the wizard's", at("idle"), { type: "text" }, "unexpected", []],
];

describe("nextWizardStep", () => {
  it.each(table)("%s", (_name, state, event, expected, effects) => {
    const result = nextWizardStep(state, event);
    if (expected === "unexpected") {
      expect(result).toEqual({ ok: false, error: "unexpected_event" });
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const clean = (s: WizardState) => JSON.parse(JSON.stringify(s)) as WizardState;
    expect(clean(result.state)).toEqual(clean(expected));
    expect(result.effects).toEqual(effects);
  });

  it("asks for the first missing answer in the paper's order", () => {
    expect(firstMissingStep({})).toBe("date");
    expect(firstMissingStep({ serviceDate: DATE, partId: 1 })).toBe("device");
    expect(firstMissingStep({ serviceDate: DATE, deviceId: 1, paymentMethod: "all" })).toBe("slot");
    expect(firstMissingStep({ ...FULL, phone: undefined })).toBe("phone");
    expect(firstMissingStep({ ...FULL, faultDone: undefined })).toBe("fault");
    expect(firstMissingStep({ ...FULL, paymentMethod: undefined })).toBe("payment");
    expect(firstMissingStep({ ...FULL, partId: null })).toBe("summary");
    expect(firstMissingStep(FULL)).toBe("summary");
  });
});
