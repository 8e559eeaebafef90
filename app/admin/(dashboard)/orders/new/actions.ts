"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { getShopSettings } from "@/db/queries/settings";
import { counterOrderMessage, createCounterOrder, paymentLinkShare } from "@/lib/admin/counter-order";
import { counterOrderForm } from "@/lib/admin/counter-order-input";
import { readForm } from "@/lib/admin/edit-result";
import { AdminSessionError, requireAdminAction } from "@/lib/admin/session";
import { afterResponse } from "@/lib/http/after-response";
import { sendQueuedMessages } from "@/lib/notify/deliver";

export type NewOrderState =
  | { status: "idle" }
  | { status: "ok"; message: string; orderId: string; statusUrl: string; whatsappUrl?: string }
  /** `values`: what was typed, put back in the form so nothing is lost. */
  | { status: "invalid"; errors: Record<string, string>; values: Record<string, string> };

const typed = (form: FormData) => Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));

/** "Pesanan baru": staff and owner alike; the session is checked before the form is read. */
export async function createCounterOrderAction(_previous: NewOrderState, form: FormData): Promise<NewOrderState> {
  let by;
  try {
    by = await requireAdminAction({ wholeShop: true });
  } catch (error) {
    if (error instanceof AdminSessionError) return { status: "invalid", errors: { _form: error.message }, values: typed(form) };
    throw error;
  }
  const parsed = readForm(counterOrderForm, form);
  if (!parsed.ok) return { status: "invalid", errors: parsed.errors, values: typed(form) };
  const db = await getDb();
  const result = await createCounterOrder(db, { request: parsed.data, by });
  if (!result.ok) return { status: "invalid", errors: { _form: result.message }, values: typed(form) };
  afterResponse(sendQueuedMessages);
  revalidatePath("/admin");
  revalidatePath("/admin/orders");
  const share = paymentLinkShare(result.order, (await getShopSettings(db)).shopName);
  return {
    status: "ok",
    message: counterOrderMessage(result.order),
    orderId: result.order.id,
    statusUrl: share.statusUrl,
    whatsappUrl: parsed.data.payment === "payment_link" ? share.whatsappUrl : undefined,
  };
}
