import { z } from "zod";
import type { RefundResult } from "@/lib/payments/refund-order";
import { invalid, ok, type EditResult } from "./edit-result";

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

/** What the owner reads after a refund form: done, already done before (the same key), or why not. */
export function refundOutcome(outcome: RefundResult): EditResult {
  if (!outcome.ok) return invalid({ _form: outcome.message });
  return ok(outcome.repeated ? "Refund ini sudah tercatat sebelumnya; tidak ada yang dikembalikan dua kali." : "Refund tercatat; pelanggan diberi tahu lewat Telegram.");
}
