import type { BotRequest } from "../bot-request";
import { mainMenuKeyboard } from "../keyboards";

/** /help and a bare /start: greet by first name, list the four menus, offer "Order" and "Status Layanan". */
export async function sendGreeting(req: BotRequest): Promise<void> {
  const { shopName } = await req.settings();
  const name = req.customer.firstName || req.customer.username || "";
  req.send(req.texts.greeting(name, shopName), mainMenuKeyboard(req.texts, req.language));
}
