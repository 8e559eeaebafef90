import { chatIdOf, readTelegramCall } from "@/lib/telegram/telegram-call";

describe("a Bot API call read back from the outbox", () => {
  it("is the call that was stored", () => {
    const stored = JSON.parse(JSON.stringify({ method: "sendMessage", params: { chat_id: 5, text: "Halo" } })) as unknown;
    expect(readTelegramCall(stored)).toEqual({ method: "sendMessage", params: { chat_id: 5, text: "Halo" } });
  });

  it("is refused when it is not a method with its params", () => {
    for (const payload of [null, "sendMessage", [], { method: "sendMessage" }, { method: "sendMessage", params: null }, { method: "sendMessage", params: [1] }]) {
      expect(readTelegramCall(payload)).toBeUndefined();
    }
    for (const method of [undefined, 42, "", "SendMessage", "send message", "../getMe"]) {
      expect(readTelegramCall({ method, params: {} })).toBeUndefined();
    }
  });
});

describe("the chat a call is addressed to", () => {
  it("is its numeric chat_id, and none for a call without one", () => {
    expect(chatIdOf({ method: "sendMessage", params: { chat_id: -1001, text: "x" } })).toBe(-1001);
    expect(chatIdOf({ method: "sendMessage", params: { chat_id: "@shop", text: "x" } })).toBeUndefined();
    expect(chatIdOf({ method: "answerCallbackQuery", params: { callback_query_id: "1" } })).toBeUndefined();
  });
});
