import { z } from "zod";
import { getDb } from "@/db";
import { refundOrder } from "@/lib/payments/refund-order";
import { readForm, type EditResult } from "./edit-result";
import { flashLocation } from "./flash";

/** The owner's refund form on the order page: Midtrans' API or done by hand, an amount in rupiah, a note, the key drawn with the form. */
export const refundInput = z.object({
  via: z.enum(["midtrans", "manual"], { message: "Pilih cara refund." }),
  amountIdr: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/[.\s]|^Rp/gi, "") : v),
    z.coerce.number({ message: "Jumlah harus angka." }).int("Jumlah harus bilangan bulat (rupiah).").min(1, "Jumlah minimal Rp1.").max(100_000_000, "Jumlah terlalu besar."),
  ),
  reason: z.string().trim().max(200, "Catatan maksimal 200 huruf.").default(""),
  refundKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, "Formulir refund tidak lengkap. Muat ulang halaman."),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The whole answer to a posted refund form (the owner already checked): run it,
 * then back to the order page with the outcome, 303 so a reload does not post again.
 */
export async function submitRefundForm(request: Request, orderId: string, by: { username: string; ip: string | null }): Promise<Response> {
  if (!UUID.test(orderId)) return new Response("Pesanan tidak dikenal.", { status: 404 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Formulir tidak terbaca.", { status: 400 });
  }
  const parsed = readForm(refundInput, form);
  let result: EditResult;
  if (!parsed.ok) {
    result = { status: "invalid", errors: parsed.errors };
  } else {
    const outcome = await refundOrder(await getDb(), { orderId, ...parsed.data, by });
    result = outcome.ok
      ? { status: "ok", message: outcome.repeated ? "Refund ini sudah tercatat sebelumnya; tidak ada yang dikembalikan dua kali." : "Refund tercatat; pelanggan diberi tahu lewat Telegram." }
      : { status: "invalid", errors: { _form: outcome.message } };
  }
  return new Response(null, { status: 303, headers: { location: flashLocation(`/admin/orders/${orderId}`, result) } });
}
