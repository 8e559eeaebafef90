import { parseJsonObject } from "../http";
import { CORE_UNAUTHORIZED, isAuthorized, SNAP_UNAUTHORIZED, type ApiAnswer } from "./api";
import { PaymentRefused } from "./simulate";

const reply = (answer: ApiAnswer) => Response.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store" } });

/**
 * A Midtrans API endpoint of the stand-in: Basic auth with the server key
 * first (401 in Snap's or Core's words), then the JSON body, then the answer.
 */
export async function answerMidtransApi(
  request: Request,
  api: "snap" | "core",
  run: (body: Record<string, unknown>) => ApiAnswer,
): Promise<Response> {
  if (!isAuthorized(request)) return reply(api === "snap" ? SNAP_UNAUTHORIZED : CORE_UNAUTHORIZED);
  let body: Record<string, unknown> = {};
  const text = request.method === "POST" ? await request.text() : "";
  // midtrans-client posts the JSON text "null" for cancel and expire.
  if (text.trim() && text.trim() !== "null") {
    const parsed = parseJsonObject(text);
    if (!parsed) {
      const message = "The request body must be a JSON object";
      return reply(api === "snap" ? { status: 400, body: { error_messages: [message] } } : { status: 400, body: { status_code: "400", status_message: message } });
    }
    body = parsed;
  }
  return reply(run(body));
}

/** The payment page's and the simulator's actions: the new view, 404 unknown, 409 when the state forbids it. */
export async function answerPaymentAction(run: () => Promise<unknown> | undefined): Promise<Response> {
  try {
    const result = await run();
    if (result === undefined) return Response.json({ error: "Transaksi tidak ditemukan." }, { status: 404 });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof PaymentRefused) return Response.json({ error: error.message }, { status: 409 });
    throw error;
  }
}
