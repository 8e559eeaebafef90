import { secretsMatch } from "@/lib/http/secrets";
import type { Params } from "./read-params";
import { telegramSetup, telegramState } from "./store";
import { badRequest } from "./types";

/** getFile: where a file customers sent can be downloaded (file_path), as Telegram answers. */
export function getFile(params: Params) {
  const fileId = typeof params.file_id === "string" ? params.file_id : "";
  const file = telegramState().files.get(fileId);
  if (!file) throw badRequest("invalid file_id");
  return { file_id: fileId, file_unique_id: `u${fileId.slice(-12)}`, file_size: file.bytes.length, file_path: file.path };
}

/**
 * GET /playground/telegram/file/bot<token>/<file_path>: the file's bytes, for
 * the configured token only (404 otherwise, as Telegram answers a wrong one).
 */
export function downloadFile(botSegment: string, filePath: string): Response {
  const token = botSegment.startsWith("bot") ? botSegment.slice(3) : "";
  const file = [...telegramState().files.values()].find((f) => f.path === filePath);
  if (!secretsMatch(token, telegramSetup().token) || !file) {
    return Response.json({ ok: false, error_code: 404, description: "Not Found" }, { status: 404 });
  }
  const type = filePath.endsWith(".png") ? "image/png" : "image/jpeg";
  return new Response(new Uint8Array(file.bytes), { headers: { "content-type": type, "cache-control": "no-store" } });
}
