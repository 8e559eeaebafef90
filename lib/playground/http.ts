import { BotApiError } from "./telegram/types";

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** A JSON body, or undefined when it is not a JSON object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  return parseJsonObject(await request.text().catch(() => ""));
}

/** Runs a playground action and answers JSON: its result, or 400 with the reason it was refused. */
export async function answerJson(run: () => unknown): Promise<Response> {
  try {
    return Response.json(await run(), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof BotApiError) return Response.json({ error: error.description }, { status: error.errorCode });
    throw error;
  }
}

export function intField(body: Record<string, unknown> | undefined, name: string): number {
  const value = body?.[name];
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw new BotApiError(400, `${name} must be a whole number`);
  return number;
}
