import type { Database } from "@/db";
import { findOrderById } from "@/db/queries/orders";
import { getEnv } from "@/lib/env";
import { callBotApi, classifyBotApiError, getBotApi } from "@/lib/telegram/bot-api";

export type FaultPhoto =
  | { ok: true; body: ReadableStream<Uint8Array>; contentType: string; size?: number }
  | { ok: false; status: 404 | 502 };

const DOWNLOAD_TIMEOUT_MS = 10_000;
const TYPES: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };

/**
 * The n-th photo (1-based) the customer sent of the fault, fetched from
 * Telegram for the admin: getFile names its path, /file/bot<token>/<path>
 * serves its bytes. The download URL holds the bot token, so it never leaves
 * this function: not in a redirect, not in a log line.
 */
export async function fetchFaultPhoto(db: Database, { orderId, index }: { orderId: string; index: number }): Promise<FaultPhoto> {
  const order = await findOrderById(db, { id: orderId });
  const fileId = order?.faultPhotos[index - 1];
  if (!fileId) return { ok: false, status: 404 };
  let filePath: string | undefined;
  try {
    filePath = (await callBotApi(getBotApi(), { method: "getFile", params: { file_id: fileId } })).file_path;
  } catch (error) {
    console.error(`[admin] photo ${index} of order ${order!.bookingCode}: getFile failed: ${classifyBotApiError(error).message}`);
    return { ok: false, status: 502 };
  }
  if (!filePath) return { ok: false, status: 502 };
  const env = getEnv();
  const response = await fetch(`${env.TELEGRAM_API_ROOT}/file/bot${env.TELEGRAM_BOT_TOKEN}/${filePath}`, {
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
  }).catch(() => undefined);
  if (!response?.ok || !response.body) {
    console.error(`[admin] photo ${index} of order ${order!.bookingCode}: download answered ${response?.status ?? "nothing"}`);
    return { ok: false, status: 502 };
  }
  const extension = filePath.split(".").pop()?.toLowerCase() ?? "";
  const size = Number(response.headers.get("content-length")) || undefined;
  return { ok: true, body: response.body, contentType: TYPES[extension] ?? "application/octet-stream", size };
}
