import { setOpenChatOrdersLanguage } from "@/db/queries/orders";
import type { BotRequest } from "../bot-request";
import { languageRow } from "../keyboards";
import { isLanguage, type Language } from "../texts";

const NAMED: Record<string, Language> = { id: "id", indonesia: "id", indonesian: "id", en: "en", english: "en", inggris: "en" };

/** /bahasa (/language): a button per language; "/bahasa en" switches at once. */
export async function askLanguage(req: BotRequest, payload: string): Promise<void> {
  const named = NAMED[payload.trim().toLowerCase()];
  if (named) return chooseLanguage(req, named);
  req.send(req.texts.languagePrompt, { inline_keyboard: [languageRow(["id", "en"])] });
}

/**
 * Remembers the customer's language in their conversation (data.chosenLanguage,
 * saved with the row): from this answer on, the bot and new orders use it, and
 * so do the messages and status pages of the chat's open orders.
 */
export async function chooseLanguage(req: BotRequest, language: Language): Promise<void> {
  if (!isLanguage(language)) return;
  const record = await req.conversation();
  req.chooseLanguage(language);
  req.save(record);
  await setOpenChatOrdersLanguage(req.tx, { chatId: req.chatId, language });
  req.send(req.texts.languageChanged);
}
