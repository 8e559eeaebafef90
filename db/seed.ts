import { sql } from "drizzle-orm";
import { queryRows, type Database } from "./client";
import { DEFAULT_SETTINGS, type ShopSettings } from "./queries/settings";
import { branches, devices, FIRST_BRANCH_ID, parts, prices, settings, slots } from "./schema";

/** The paper's devices first, then the common newer models. */
const DEVICES = [
  "iPhone 5", "iPhone 5s", "iPhone 6", "iPhone 6+", "iPhone 6s", "iPhone 7", "iPhone 7+", "iPhone 8", "iPhone 8+",
  "iPhone X", "iPhone Xs", "iPhone XR", "iPhone 11", "iPhone 12", "iPhone 13", "iPhone 14", "iPhone 15",
];
const PARTS = ["Battery", "LCD", "Finger", "Screen Guard", "Back Camera"];

/** Base price per part (rupiah) and how much dearer each newer generation is. */
const BASE_PRICE: Record<string, number> = {
  Battery: 50_000,
  LCD: 250_000,
  Finger: 150_000,
  "Screen Guard": 25_000,
  "Back Camera": 200_000,
};
const STEP: Record<string, number> = {
  Battery: 5_000,
  LCD: 60_000,
  Finger: 25_000,
  "Screen Guard": 5_000,
  "Back Camera": 40_000,
};

/** Touch ID ("Finger") exists up to the iPhone 8+; later models have none to repair. */
const HAS_TOUCH_ID = new Set(["iPhone 5s", "iPhone 6", "iPhone 6+", "iPhone 6s", "iPhone 7", "iPhone 7+", "iPhone 8", "iPhone 8+"]);

export function seedPrice(device: string, part: string): number | undefined {
  if (part === "Finger" && !HAS_TOUCH_ID.has(device)) return undefined;
  // The paper's own figure: a battery for the iPhone X is Rp70.000.
  if (device === "iPhone X" && part === "Battery") return 70_000;
  const generation = DEVICES.indexOf(device);
  return BASE_PRICE[part]! + STEP[part]! * generation;
}

/** A demo shop's whereabouts, so the pages and the bot show where to come; the owner replaces them at /admin/schedule. */
export const SEED_SETTINGS: ShopSettings = {
  ...DEFAULT_SETTINGS,
  address: "Jl. Kemang Raya No. 8, Bangka, Mampang Prapatan, Jakarta Selatan 12730",
  phone: "+6281234567890",
  mapsUrl: "https://www.google.com/maps/search/?api=1&query=Jiot+Gadget+Solution+Kemang+Raya+Jakarta",
};

export const SEED_SLOTS = [
  { label: "09.00 - 11.00 WIB", startTime: "09:00", endTime: "11:00" },
  { label: "12.00 - 14.00 WIB", startTime: "12:00", endTime: "14:00" },
  { label: "15.00 - 17.00 WIB", startTime: "15:00", endTime: "17:00" },
  { label: "18.00 - 20.00 WIB", startTime: "18:00", endTime: "20:00" },
];

/**
 * Idempotent: only adds what is missing, so a second run changes nothing and a
 * price or slot the shop has since edited keeps the shop's value.
 */
export async function seedDatabase(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // The first branch is the shop of the settings; migration 0012 makes it from a database's own.
    await tx
      .insert(branches)
      .values({ id: FIRST_BRANCH_ID, name: SEED_SETTINGS.shopName, address: SEED_SETTINGS.address, phone: SEED_SETTINGS.phone, mapsUrl: SEED_SETTINGS.mapsUrl })
      .onConflictDoNothing();
    await tx.execute(sql`select setval(pg_get_serial_sequence('branches', 'id'), (select max(id) from branches))`);
    await tx
      .insert(devices)
      .values(DEVICES.map((name, sort) => ({ name, sort })))
      .onConflictDoNothing({ target: devices.name });
    await tx
      .insert(parts)
      .values(PARTS.map((name, sort) => ({ name, sort })))
      .onConflictDoNothing({ target: parts.name });
    const deviceRows = await tx.select().from(devices);
    const partRows = await tx.select().from(parts);
    const priceRows = deviceRows.flatMap((device) =>
      partRows.flatMap((part) => {
        const priceIdr = seedPrice(device.name, part.name);
        return priceIdr === undefined ? [] : [{ deviceId: device.id, partId: part.id, priceIdr }];
      }),
    );
    if (priceRows.length) await tx.insert(prices).values(priceRows).onConflictDoNothing();
    await tx
      .insert(slots)
      .values(SEED_SLOTS.map((slot) => ({ ...slot, capacity: 2 })))
      .onConflictDoNothing({ target: [slots.branchId, slots.label] });
    await tx
      .insert(settings)
      .values(Object.entries(SEED_SETTINGS).map(([key, value]) => ({ key, value })))
      .onConflictDoNothing({ target: settings.key });
  });
}

/** Counts rows of the seeded tables; used to show that seeding twice changes nothing. */
export async function countSeededRows(db: Database): Promise<Record<string, number>> {
  const rows = await queryRows<Record<string, number>>(db, sql`
    select (select count(*) from devices)::int as devices, (select count(*) from parts)::int as parts,
           (select count(*) from prices)::int as prices, (select count(*) from slots)::int as slots,
           (select count(*) from settings)::int as settings`);
  return rows[0] ?? {};
}
