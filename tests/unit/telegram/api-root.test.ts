import { telegrafApiRoot } from "@/lib/telegram/bot-api";

// telegraf builds each call's URL as new URL(`./bot<token>/<method>`, apiRoot) (core/network/client.js).
const callUrl = (root: string) => new URL("./bot123:ABC/getMe", telegrafApiRoot(root)).href;

describe("the Bot API root handed to telegraf", () => {
  it("keeps a root's path, such as the playground's stand-in", () => {
    expect(callUrl("http://localhost:3000/playground/telegram")).toBe("http://localhost:3000/playground/telegram/bot123:ABC/getMe");
  });

  it("leaves Telegram's own root as it was", () => {
    expect(callUrl("https://api.telegram.org")).toBe("https://api.telegram.org/bot123:ABC/getMe");
    expect(telegrafApiRoot("https://api.telegram.org/")).toBe("https://api.telegram.org/");
  });
});
