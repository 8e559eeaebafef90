import { z } from "zod";
import type { Database } from "../client";
import { settings } from "../schema";
import { readConfig } from "./config-cache";

export const shopSettingsSchema = z.object({
  shopName: z.string().min(1).max(80),
  tagline: z.string().max(200),
  address: z.string().max(300),
  /** "+62…" (normalised when saved) or "" when the shop gives none; also its WhatsApp. */
  phone: z.string().regex(/^(\+62[1-9][0-9]{6,12})?$/),
  /** A Google Maps link, http(s) only, or "". */
  mapsUrl: z.string().max(500).regex(/^(https?:\/\/\S+)?$/i),
  bookingHorizonDays: z.number().int().min(1).max(365),
  leadTimeMinutes: z.number().int().min(0).max(24 * 60),
  holdHours: z.number().int().min(1).max(72),
  /** 0 = Sunday … 6 = Saturday. */
  closedWeekdays: z.array(z.number().int().min(0).max(6)),
  /** Bookings one chat may hold unpaid at once, so that one chat cannot hold every slot of a day. */
  maxUnpaidPerChat: z.number().int().min(1).max(20),
  /** Hours before a booking's slot after which the customer can no longer move it in the bot (the shop still can). */
  rescheduleCutoffHours: z.number().int().min(0).max(168),
  /** What a diagnosis ("Belum tahu / cek dulu", no part chosen yet) costs at booking, in rupiah; 0 = free. */
  diagnosisFeeIdr: z.number().int().min(0).max(10_000_000),
  /** The bot offers "Bayar di toko": no online payment, no hold that runs out. */
  payAtShopAllowed: z.boolean(),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export const DEFAULT_SETTINGS: ShopSettings = {
  shopName: "Jiot Gadget Solution",
  tagline: "Servis iPhone terpercaya sejak 2019. Pesan lewat Telegram, bayar online, pantau perbaikan.",
  address: "",
  phone: "",
  mapsUrl: "",
  bookingHorizonDays: 30,
  leadTimeMinutes: 60,
  holdHours: 24,
  closedWeekdays: [],
  maxUnpaidPerChat: 2,
  rescheduleCutoffHours: 3,
  diagnosisFeeIdr: 0,
  payAtShopAllowed: false,
};

/** Reads the shop's settings; a missing or malformed value falls back to its default. */
export function getShopSettings(db: Database): Promise<ShopSettings> {
  return readConfig(db, "settings", () => readShopSettings(db));
}

async function readShopSettings(db: Database): Promise<ShopSettings> {
  const rows = await db.select().from(settings);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const field = shopSettingsSchema.shape[row.key as keyof ShopSettings];
    if (field && field.safeParse(row.value).success) merged[row.key] = row.value;
  }
  return merged as ShopSettings;
}

export async function saveShopSettings(db: Database, values: Partial<ShopSettings>): Promise<ShopSettings> {
  const valid = shopSettingsSchema.partial().parse(values);
  for (const [key, value] of Object.entries(valid)) {
    await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  }
  return getShopSettings(db);
}
