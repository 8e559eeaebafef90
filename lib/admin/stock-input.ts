import { z } from "zod";
import { branchId, type BranchOptional } from "./catalog-input";

const id = z.coerce.number({ message: "Pilihan tidak dikenal." }).int().positive("Pilihan tidak dikenal.");
const whole = (min: number, max: number, what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/[.\s]/g, "") : v),
    z.coerce.number({ message: `${what} harus angka.` }).int(`${what} harus bilangan bulat.`).min(min, `${what} minimal ${min}.`).max(max, `${what} maksimal ${max}.`),
  );

/** The page's list of new parts posts one "deviceId:partId" choice; a row posts the two ids. */
const withPair = (raw: unknown) => {
  if (typeof raw !== "object" || raw === null || !("pair" in raw) || typeof raw.pair !== "string") return raw;
  const [deviceId, partId] = raw.pair.split(":");
  return { ...raw, deviceId, partId };
};

/** "Terima barang": units that came in for a device's part (starts tracking a part that had no stock yet). */
export const receiveInput = z.preprocess(withPair, z.object({ branchId, deviceId: id, partId: id, quantity: whole(1, 10_000, "Jumlah") }));
export type ReceiveInput = BranchOptional<z.infer<typeof receiveInput>>;

/** "Koreksi": the count found on the shelf, and why it differs. */
export const countInput = z.object({
  branchId,
  deviceId: id,
  partId: id,
  onHand: whole(0, 100_000, "Jumlah di rak"),
  reason: z.string().trim().min(3, "Tulis alasan koreksi (minimal 3 huruf).").max(200, "Alasan maksimal 200 huruf."),
});
export type CountInput = BranchOptional<z.infer<typeof countInput>>;

/** The alert level and the back-order: empty "inden" = no back-order (the part is not offered when none is left). */
export const stockSettingsInput = z.object({
  branchId,
  deviceId: id,
  partId: id,
  lowAt: whole(0, 10_000, "Batas stok menipis"),
  backorderDays: z.preprocess((v) => (v === "" || v === undefined ? null : v), whole(1, 365, "Inden (hari)").nullable()),
});
export type StockSettingsInput = BranchOptional<z.infer<typeof stockSettingsInput>>;

/** "Berhenti lacak": the part whose stock the shop stops keeping. */
export const untrackInput = z.object({ branchId, deviceId: id, partId: id });
export type UntrackInput = BranchOptional<z.infer<typeof untrackInput>>;
