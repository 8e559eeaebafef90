import { getEnv } from "@/lib/env";
import { secretsMatch } from "@/lib/http/secrets";
import type { Params } from "./read-params";
import { SAMPLE_PHOTO_BASE64 } from "./sample-photo";
import { telegramState } from "./store";
import { badRequest } from "./types";

/** getFile: where a file customers sent can be downloaded (file_path), as Telegram answers. */
export function getFile(params: Params) {
  const fileId = typeof params.file_id === "string" ? params.file_id : "";
  const filePath = telegramState().files.get(fileId);
  if (!filePath) throw badRequest("invalid file_id");
  return { file_id: fileId, file_unique_id: `u${fileId.slice(-12)}`, file_size: Buffer.from(SAMPLE_PHOTO_BASE64, "base64").length, file_path: filePath };
}

/**
 * GET /playground/telegram/file/bot<token>/<file_path>: the file's bytes, for
 * the configured token only (404 otherwise, as Telegram answers a wrong one).
 */
export function downloadFile(botSegment: string, filePath: string): Response {
  const token = botSegment.startsWith("bot") ? botSegment.slice(3) : "";
  const known = [...telegramState().files.values()].includes(filePath);
  if (!secretsMatch(token, getEnv().TELEGRAM_BOT_TOKEN) || !known) {
    return Response.json({ ok: false, error_code: 404, description: "Not Found" }, { status: 404 });
  }
  return new Response(Buffer.from(SAMPLE_PHOTO_BASE64, "base64"), { headers: { "content-type": "image/png", "cache-control": "no-store" } });
}
