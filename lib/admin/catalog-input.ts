import { z } from "zod";
import { FIRST_BRANCH_ID } from "@/db/schema";
import { normalizeIndonesianPhone } from "@/lib/booking/phone";
import { safeHttpUrl } from "@/lib/site/shop-contact";

/** Form fields as browsers send them: strings, an unchecked checkbox absent. */
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());
const id = z.coerce.number({ message: "Pilihan tidak dikenal." }).int().positive("Pilihan tidak dikenal.");
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? undefined : v), id.optional());
/** The branch a schedule or stock form is for (a hidden field of the page's branch); the first branch when none is posted. */
export const branchId = z.preprocess((v) => (v === "" || v === undefined ? FIRST_BRANCH_ID : v), id);
const whole = (min: number, max: number, what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/[.\s]|^Rp/gi, "") : v),
    z.coerce.number({ message: `${what} harus angka.` }).int(`${what} harus bilangan bulat.`).min(min, `${what} minimal ${min}.`).max(max, `${what} maksimal ${max}.`),
  );
const text = (max: number, what: string) => z.string().trim().min(1, `${what} wajib diisi.`).max(max, `${what} maksimal ${max} huruf.`);

export const catalogItemInput = z.object({
  id: optionalId,
  name: text(60, "Nama"),
  sort: z.preprocess((v) => (v === "" || v === undefined ? "0" : v), whole(0, 10_000, "Urutan")),
  active: checkbox,
  // Parts only; absent from a form that does not show it, which then keeps the stored value.
  warrantyDays: z.preprocess((v) => (v === "" ? undefined : v), whole(0, 3650, "Garansi (hari)").optional()),
});
export type CatalogItemInput = z.infer<typeof catalogItemInput>;

export const itemRef = z.object({ id });

export const priceInput = z.object({
  deviceId: id,
  partId: id,
  priceIdr: whole(1, 100_000_000, "Harga"),
  active: checkbox,
});
export type PriceInput = z.infer<typeof priceInput>;

export const priceRef = z.object({ deviceId: id, partId: id });

/** A branch's own price of a device's part (the owner's, on the catalog page). */
export const branchPriceInput = z.object({ branchId, deviceId: id, partId: id, priceIdr: whole(1, 100_000_000, "Harga") });
export type BranchPriceInput = z.infer<typeof branchPriceInput>;
/** "Pakai harga umum": the branch charges the shared catalog's price again. */
export const branchPriceRef = z.object({ branchId, deviceId: id, partId: id });

const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Jam harus seperti 09:00.");
export const slotInput = z
  .object({
    id: optionalId,
    // A new slot's branch; an edited slot stays at its own.
    branchId,
    label: text(40, "Label"),
    startTime: time,
    endTime: time,
    capacity: whole(0, 100, "Kapasitas"),
    active: checkbox,
  })
  .refine((s) => s.startTime < s.endTime, { path: ["endTime"], message: "Jam selesai harus setelah jam mulai." });
/** A form always posts a branch; callers in code may leave it out for the first branch. */
export type BranchOptional<T extends { branchId: number }> = Omit<T, "branchId"> & { branchId?: number };
export type SlotInput = BranchOptional<z.infer<typeof slotInput>>;

export const slotRef = itemRef;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal harus seperti 2026-12-25.").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Tanggal ini tidak ada di kalender.");
export const closedDateInput = z.object({
  branchId,
  date: isoDate,
  reason: z.string().trim().max(120, "Alasan maksimal 120 huruf.").default(""),
});
export type ClosedDateInput = BranchOptional<z.infer<typeof closedDateInput>>;
export const closedDateRef = z.object({ branchId, date: isoDate });

export const settingsInput = z.object({
  shopName: text(80, "Nama toko"),
  tagline: z.string().trim().max(200, "Slogan maksimal 200 huruf.").default(""),
  address: z.string().trim().max(300, "Alamat maksimal 300 huruf.").default(""),
  phone: z
    .string()
    .trim()
    .default("")
    .transform((v, ctx) => {
      if (v === "") return "";
      const phone = normalizeIndonesianPhone(v);
      if (!phone) ctx.addIssue({ code: "custom", message: "Nomor HP/WhatsApp harus nomor Indonesia, mis. 0812-3456-7890 atau +62 812-3456-7890." });
      return phone ?? v;
    }),
  mapsUrl: z
    .string()
    .trim()
    .max(500, "Tautan maksimal 500 huruf.")
    .default("")
    .transform((v, ctx) => {
      if (v === "") return "";
      const url = safeHttpUrl(v);
      if (!url) ctx.addIssue({ code: "custom", message: "Tautan Google Maps harus diawali https:// (atau http://)." });
      return url ?? v;
    }),
  bookingHorizonDays: whole(1, 365, "Batas hari booking"),
  leadTimeMinutes: whole(0, 24 * 60, "Jeda minimal"),
  holdHours: whole(1, 72, "Batas bayar"),
  // Optional so that a form from before this field existed keeps the stored value.
  maxUnpaidPerChat: whole(1, 20, "Booking belum dibayar per chat").optional(),
  // Optional for the same reason; the checkbox goes with the fee, so a form without the fee leaves both alone.
  diagnosisFeeIdr: whole(0, 10_000_000, "Biaya cek / diagnosa").optional(),
  // Optional for the same reason: how long a place freed for the waitlist is held for the chat offered it.
  waitlistOfferMinutes: whole(1, 240, "Waktu tahan tempat daftar tunggu").optional(),
  warrantyClaimFeeIdr: whole(0, 10_000_000, "Biaya klaim garansi").optional(),
  // The form sends a hidden "off" and, when ticked, the box's "on" as well.
  payAtShopAllowed: z.preprocess((v) => (v === undefined ? undefined : [v].flat().includes("on")), z.boolean().optional()),
  closedWeekdays: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().min(0).max(6)).transform((days) => [...new Set(days)].sort()),
  ),
});
export type SettingsInput = z.infer<typeof settingsInput>;
