import { closeOrderAttempts } from "@/lib/payments/close-attempts";
import type { Telegram } from "telegraf";
import type { Update } from "telegraf/types";
import { getDb } from "@/db";
import type { Order } from "@/db/schema";
import { stampConfigVersion } from "@/db/queries/config-cache";
import { claimUpdateAndLock, saveConversation } from "@/db/queries/conversations";
import { enqueueTelegramCall } from "@/lib/notify/outbox";
import { deliverOutboxMessages } from "@/lib/notify/deliver";
import { callBotApi, classifyBotApiError } from "@/lib/telegram/bot-api";
import { chatIdOf, type TelegramCall } from "@/lib/telegram/telegram-call";
import { BotRequest, dataOf } from "./bot-request";
import { handleCallback } from "./handlers/callback";
import { handleCommand } from "./handlers/commands";
import { linkStaffChat } from "./handlers/staff-link";
import { handleNonText, handleText } from "./handlers/text";
import { readUpdate, type Incoming } from "./read-update";
import { sendVirtualAccount } from "./virtual-account-message";
import { isLanguage, languageOf, textsFor } from "./texts";

type Handled = Exclude<Incoming, { kind: "ignore" }>;

async function dispatch(req: BotRequest, incoming: Handled): Promise<string | undefined> {
  switch (incoming.kind) {
    case "group_command":
      // A staff group links itself with the owner's one-time code; everything else is done in a private chat.
      if (incoming.command.name === "staff") await linkStaffChat(req, incoming.command.payload);
      else req.send(req.texts.privateOnly(req.botUsername));
      return undefined;
    case "orphan_callback":
      return req.texts.notice({ kind: "menu_expired" });
    case "message":
      if (incoming.command) await handleCommand(req, incoming.command);
      else if (incoming.text !== undefined) await handleText(req, incoming.text);
      else await handleNonText(req, incoming);
      return undefined;
    case "callback":
      return handleCallback(req, { messageId: incoming.messageId, data: incoming.data });
  }
}

interface Committed {
  calls: TelegramCall[];
  outboxKeys: string[];
  virtualAccountOrders: Order[];
  cancelledOrderIds: string[];
}

/** The customer's side of a committed update: its Bot API calls, queued confirmations, a VA. Never rejects. */
export type FollowUp = () => Promise<void>;

/** Whether the update's transaction committed (an ignored or already claimed update did not), and then what follows. */
export type ProcessedUpdate = { committed: false } | { committed: true; followUp: FollowUp };

/**
 * Handles one update in one short transaction: claim its update_id (a
 * re-delivery finds it claimed and does nothing), lock the chat's conversation,
 * decide, save. Only once that is committed does the customer hear anything, so
 * a failure before commit leaves no trace and Telegram's retry starts clean.
 * What the customer hears is returned as a follow-up, for the caller to run
 * once Telegram has its answer: the webhook is then held for the database's
 * time only, not for the Bot API's.
 */
export async function processUpdate(update: Update, { api, botUsername }: { api: Telegram; botUsername: string }): Promise<ProcessedUpdate> {
  const incoming = readUpdate(update, botUsername);
  if (incoming.kind === "ignore") return { committed: false };
  const chatId = incoming.kind === "orphan_callback" ? incoming.customer.id : incoming.chatId;
  const db = await getDb();
  const committed = await db.transaction(async (tx): Promise<Committed | null> => {
    const claimed = await claimUpdateAndLock(tx, { updateId: incoming.updateId, chatId });
    if (!claimed) return null;
    stampConfigVersion(tx, claimed.configVersion);
    const chosen = claimed.conversation?.data.chosenLanguage;
    const req = new BotRequest(tx, chatId, incoming.customer, incoming.updateId, botUsername, new Date(), isLanguage(chosen) ? chosen : undefined);
    req.adoptLocked(claimed.conversation);
    const toast = await dispatch(req, incoming);
    if (req.next) {
      await saveConversation(tx, {
        chatId,
        step: req.next.state.step,
        data: { ...dataOf(req.next), ...(req.chosenLanguage ? { chosenLanguage: req.chosenLanguage } : {}) },
        messageId: req.next.messageId,
        language: req.language,
      });
    }
    const calls = [...req.calls];
    if ("callbackId" in incoming) {
      calls.unshift({ method: "answerCallbackQuery", params: { callback_query_id: incoming.callbackId, text: toast || undefined } });
    }
    return { calls, outboxKeys: req.outboxKeys, virtualAccountOrders: req.virtualAccountOrders, cancelledOrderIds: req.cancelledOrderIds };
  });
  if (!committed) return { committed: false };
  const followUp = () =>
    tellCustomer(api, committed, incoming.updateId).catch((error: unknown) =>
      console.error(`[bot] update ${incoming.updateId}: messages after commit failed: ${(error as Error).message}`),
    );
  return { committed: true, followUp };
}

async function tellCustomer(api: Telegram, committed: Committed, updateId: number): Promise<void> {
  const reachable = await performCalls(api, committed.calls, updateId);
  // When Telegram is failing, the queued messages wait for the outbox's retries rather than this update's time.
  if (committed.outboxKeys.length && reachable) {
    await deliverOutboxMessages({ dedupeKeys: committed.outboxKeys }).catch((error: unknown) =>
      console.error(`[bot] update ${updateId}: confirmation left for the outbox job: ${(error as Error).message}`),
    );
  }
  // The cancelled booking's VA or Snap page must not take money any more (never throws; retried by due work).
  for (const orderId of committed.cancelledOrderIds) await closeOrderAttempts(orderId);
  for (const order of committed.virtualAccountOrders) {
    await sendVirtualAccount(order, new Date(), { deliverNow: reachable }).catch((error: unknown) =>
      console.error(`[bot] update ${updateId}: VA for ${order.bookingCode} not sent, the status page can still issue it: ${(error as Error).message}`),
    );
  }
}

/**
 * Makes the committed update's Bot API calls in order. A message Telegram could
 * not take now (429, 5xx, network, timeout) goes to the outbox to be retried,
 * and so do the ones after it, untried: each call may wait 8 s, and the update
 * must be done well within the function's time (15 s on Vercel), after() included. A button's
 * answer is not worth retrying (its spinner is long gone by then). Returns
 * whether Telegram took every call it was asked.
 */
async function performCalls(api: Telegram, calls: TelegramCall[], updateId: number): Promise<boolean> {
  const [first, ...rest] = calls;
  const answer = first?.method === "answerCallbackQuery" ? first : undefined;
  const messages = answer ? rest : calls;
  const answered = answer ? callBotApi(api, answer).catch((error: unknown) => logFailure(updateId, answer, error)) : undefined;
  let reachable = true;
  for (const [index, call] of messages.entries()) {
    if (!reachable) {
      await retryLater(updateId, index, call);
      continue;
    }
    try {
      await callBotApi(api, call);
    } catch (error) {
      const failure = classifyBotApiError(error);
      if (failure.kind === "not_modified") continue;
      logFailure(updateId, call, error);
      if (failure.kind !== "permanent") {
        reachable = false;
        await retryLater(updateId, index, call);
      }
    }
  }
  await answered;
  return reachable;
}

function logFailure(updateId: number, call: TelegramCall, error: unknown): void {
  console.error(`[bot] update ${updateId}: ${call.method} failed: ${classifyBotApiError(error).message}`);
}

async function retryLater(updateId: number, index: number, call: TelegramCall): Promise<void> {
  try {
    const chatId = chatIdOf(call);
    if (chatId === undefined) throw new Error("it names no chat");
    await enqueueTelegramCall(await getDb(), { chatId, dedupeKey: `update:${updateId}:${index}`, call });
  } catch (error) {
    console.error(`[bot] update ${updateId}: ${call.method} could not be queued for retry: ${(error as Error).message}`);
  }
}

/** After a failure we could not recover from: a short apology so the customer is not left waiting. */
export async function apologize(api: Telegram, update: Update): Promise<void> {
  const incoming = readUpdate(update, undefined);
  if (incoming.kind === "ignore" || incoming.kind === "group_command") return;
  const texts = textsFor(languageOf(incoming.customer.languageCode));
  const calls: TelegramCall[] = [];
  if ("callbackId" in incoming) calls.push({ method: "answerCallbackQuery", params: { callback_query_id: incoming.callbackId } });
  if (incoming.kind !== "orphan_callback") calls.push({ method: "sendMessage", params: { chat_id: incoming.chatId, text: texts.apology } });
  await Promise.all(calls.map((call) => callBotApi(api, call).catch((error: unknown) => logFailure(update.update_id, call, error))));
}
