import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { clientIp } from "@/lib/http/client-ip";
import { removeCatalogItem, removePrice, saveCatalogItem, savePrice } from "./catalog";
import { catalogItemInput, closedDateInput, closedDateRef, itemRef, priceInput, priceRef, settingsInput, slotInput, slotRef } from "./catalog-input";
import { closeDate, removeSlot, reopenDate, saveSettings, saveSlot } from "./catalog-schedule";
import { saveWeekdayCapacities, weekdayGridInput } from "./weekday-hours";
import { invalid, readForm, type AdminActor, type EditResult } from "./edit-result";
import { flashLocation } from "./flash";

interface Operation<S extends z.ZodType> {
  schema: S;
  run(db: Database, actor: AdminActor, input: z.infer<S>): Promise<EditResult>;
}
const op = <S extends z.ZodType>(schema: S, run: Operation<S>["run"]): Operation<z.ZodType> => ({ schema, run }) as Operation<z.ZodType>;

/** The operations of /admin/catalog, by the form's `op` field. */
export const CATALOG_OPERATIONS: Record<string, Operation<z.ZodType>> = {
  "save-device": op(catalogItemInput, (db, actor, input) => saveCatalogItem(db, actor, "device", input)),
  "remove-device": op(itemRef, (db, actor, input) => removeCatalogItem(db, actor, "device", input)),
  "save-part": op(catalogItemInput, (db, actor, input) => saveCatalogItem(db, actor, "part", input)),
  "remove-part": op(itemRef, (db, actor, input) => removeCatalogItem(db, actor, "part", input)),
  "save-price": op(priceInput, savePrice),
  "remove-price": op(priceRef, removePrice),
};

/** The operations of /admin/schedule. */
export const SCHEDULE_OPERATIONS: Record<string, Operation<z.ZodType>> = {
  "save-slot": op(slotInput, (db, actor, input) => saveSlot(db, actor, input)),
  "remove-slot": op(slotRef, removeSlot),
  "close-date": op(closedDateInput, (db, actor, input) => closeDate(db, actor, input)),
  "reopen-date": op(closedDateRef, reopenDate),
  "save-settings": op(settingsInput, saveSettings),
  "save-week": op(weekdayGridInput, (db, actor, input) => saveWeekdayCapacities(db, actor, input)),
};

/** Runs the operation a posted admin form names, after checking its fields. */
export async function applyAdminForm(
  operations: Record<string, Operation<z.ZodType>>,
  db: Database,
  actor: AdminActor,
  form: FormData,
): Promise<EditResult> {
  const name = form.get("op");
  const operation = typeof name === "string" && Object.hasOwn(operations, name) ? operations[name] : undefined;
  if (!operation) return invalid({ _form: "Perintah tidak dikenal." });
  const parsed = readForm(operation.schema, form);
  if (!parsed.ok) return invalid(parsed.errors);
  return operation.run(db, actor, parsed.data);
}

/**
 * The whole answer to a posted catalog/schedule form (the admin already
 * checked): run it, then send the browser back to its page with the outcome,
 * 303 so a reload does not post again.
 */
export async function submitAdminForm(
  request: Request,
  admin: { username: string },
  { operations, page }: { operations: Record<string, Operation<z.ZodType>>; page: string },
): Promise<Response> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Formulir tidak terbaca.", { status: 400 });
  }
  const result = await applyAdminForm(operations, await getDb(), { username: admin.username, ip: clientIp(request) }, form);
  const device = form.get("device");
  const keep = { device: typeof device === "string" && /^\d{1,9}$/.test(device) ? device : undefined };
  return new Response(null, { status: 303, headers: { location: flashLocation(page, result, keep) } });
}
