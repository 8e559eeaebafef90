import { decodeButton, encodeButton, type ButtonAction } from "@/lib/bot/callback-data";
import { readCommand, readUpdate } from "@/lib/bot/read-update";
import { languageOf } from "@/lib/bot/texts";

describe("callback data", () => {
  const buttons: ButtonAction[] = [
    { scope: "wizard", nonce: "a1b2c3", action: { type: "begin" } },
    { scope: "wizard", nonce: "a1b2c3", action: { type: "device", deviceId: 17 } },
    { scope: "wizard", nonce: "zz", action: { type: "slot", slotId: 4 } },
    { scope: "wizard", nonce: "zz", action: { type: "part", partId: 5 } },
    { scope: "wizard", nonce: "zz", action: { type: "payment", method: "other_qris" } },
    { scope: "wizard", nonce: "zz", action: { type: "book_now" } },
    { scope: "wizard", nonce: "zz", action: { type: "cancel" } },
    { scope: "wizard", nonce: "a1b2c3", action: { type: "back", from: "date" } },
    { scope: "wizard", nonce: "a1b2c3", action: { type: "back", from: "payment" } },
    { scope: "status", op: "close" },
    { scope: "status", op: "open", bookingCode: "62473383" },
    { scope: "menu", menu: "status" },
    { scope: "order", op: "confirm_cancel", bookingCode: "62473383" },
    { scope: "order", op: "reschedule", bookingCode: "62473383" },
    { scope: "order", op: "claim_warranty", bookingCode: "62473383" },
    { scope: "reschedule", nonce: "a1b2c3", action: { type: "date", date: "2026-12-31" } },
    { scope: "reschedule", nonce: "a1b2c3", action: { type: "slot", slotId: 4 } },
    { scope: "reschedule", nonce: "a1b2c3", action: { type: "confirm" } },
    { scope: "reschedule", nonce: "a1b2c3", action: { type: "back" } },
    { scope: "reschedule", nonce: "a1b2c3", action: { type: "cancel" } },
    { scope: "language", language: "en" },
    { scope: "language", language: "id" },
    { scope: "waitlist", op: "join", date: "2026-12-31" },
    { scope: "waitlist", op: "take", waitId: 42 },
    { scope: "waitlist", op: "decline", waitId: 9_007_199_254 },
    { scope: "waitlist", op: "leave", waitId: 1 },
  ];
  it.each(buttons.map((b) => [encodeButton(b), b] as const))("%s reads back as written and fits in 64 bytes", (data, button) => {
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(decodeButton(data)).toEqual(button);
  });

  it.each(["", "w", "w:abc", "w:abc:dv", "w:abc:dv:0", "w:abc:dv:-1", "w:abc:pm:cash", "w:ABC:bg", "m:admin", "o:cx:1234", "o:toString:62473383", "w:abc:bg:1", "w:abc:bk", "w:abc:bk:sm", "s:op:1234", "s:cx:1", "x".repeat(65), "o:rs:1234", "r:abc:d:2026-12-31", "r:abc:d:202612", "r:abc:s:0", "r:abc:ok:1", "r:ABC:ok", "r:abc:rm", "l:fr", "l:en:1", "k:j:2026-12-31", "k:t:0", "k:t:-1", "k:toString:1", "k:t:1:2", "k:x"])(
    "%j is refused",
    (data) => {
      expect(decodeButton(data)).toBeNull();
    },
  );
});

describe("reading updates", () => {
  it("reads a command with its payload and recognises one addressed to another bot", () => {
    expect(readCommand("/start order", "JiotBot")).toEqual({ name: "start", payload: "order" });
    expect(readCommand("/Status@jiotbot  62473383 ", "JiotBot")).toEqual({ name: "status", payload: "62473383" });
    expect(readCommand("/help@OtherBot", "JiotBot")).toBe("other_bot");
    expect(readCommand("halo /help", "JiotBot")).toBeNull();
  });

  it("ignores messages from bots and updates of kinds it does not handle", () => {
    const from = { id: 1, is_bot: true, first_name: "B" };
    expect(readUpdate({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: 1, type: "private", first_name: "B" }, from, text: "/order" } } as never, "JiotBot").kind).toBe("ignore");
    expect(readUpdate({ update_id: 2, poll: { id: "p" } } as never, "JiotBot").kind).toBe("ignore");
  });

  it("speaks English only to English clients", () => {
    expect(languageOf("en")).toBe("en");
    expect(languageOf("en-GB")).toBe("en");
    expect(languageOf("id")).toBe("id");
    expect(languageOf(undefined)).toBe("id");
    expect(languageOf("ms")).toBe("id");
  });
});
