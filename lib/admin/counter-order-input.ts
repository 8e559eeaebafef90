import { z } from "zod";
import { normalizeIndonesianPhone } from "@/lib/booking/phone";
import { COUNTER_PAYMENTS, type CounterOrderRequest } from "./counter-order";

export const MAX_FAULT_LENGTH = 500;
/** The part select's value for "Belum tahu / cek dulu". */
export const DIAGNOSIS_CHOICE = "diagnosis";

const id = (what: string) => z.coerce.number({ message: `Pilih ${what}.` }).int(`Pilih ${what}.`).positive(`Pilih ${what}.`);

/** The "Pesanan baru" form, with what staff read when a field is wrong (in Indonesian). */
export const counterOrderForm = z
  .object({
    customerName: z.string().trim().min(1, "Isi nama pelanggan.").max(80, "Nama maksimal 80 huruf."),
    customerPhone: z
      .string()
      .default("")
      .transform((value, ctx) => {
        const phone = normalizeIndonesianPhone(value);
        if (!phone) ctx.addIssue({ code: "custom", message: "Nomor HP harus nomor Indonesia, mis. 0812-3456-7890 atau +62 812-3456-7890." });
        return phone ?? "";
      }),
    deviceId: id("perangkat"),
    part: z.string().default(""),
    faultDescription: z.string().trim().max(MAX_FAULT_LENGTH, `Keluhan maksimal ${MAX_FAULT_LENGTH} huruf.`).default(""),
    when: z.enum(["walk_in", "slot"], { message: "Pilih walk-in sekarang atau tanggal dan slot." }),
    serviceDate: z.string().default(""),
    slotId: z.string().default(""),
    payment: z.enum(COUNTER_PAYMENTS, { message: "Pilih cara pembayaran." }),
  })
  .superRefine((form, ctx) => {
    if (form.part !== DIAGNOSIS_CHOICE && !/^[1-9]\d{0,8}$/.test(form.part)) ctx.addIssue({ code: "custom", path: ["part"], message: "Pilih spare part, atau Belum tahu / cek dulu." });
    if (form.when !== "slot") return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.serviceDate) || Number.isNaN(Date.parse(form.serviceDate))) ctx.addIssue({ code: "custom", path: ["serviceDate"], message: "Isi tanggal servis." });
    if (!/^[1-9]\d{0,8}$/.test(form.slotId)) ctx.addIssue({ code: "custom", path: ["slotId"], message: "Pilih slot." });
  })
  .transform(
    (form): CounterOrderRequest => ({
      customerName: form.customerName,
      customerPhone: form.customerPhone,
      deviceId: form.deviceId,
      partId: form.part === DIAGNOSIS_CHOICE ? null : Number(form.part),
      faultDescription: form.faultDescription || undefined,
      when: form.when === "walk_in" ? { kind: "walk_in" } : { kind: "slot", serviceDate: form.serviceDate, slotId: Number(form.slotId) },
      payment: form.payment,
    }),
  );
