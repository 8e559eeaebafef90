import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { clientIp } from "@/lib/http/client-ip";
import { removeCatalogItem, removePrice, saveCatalogItem, savePrice } from "./catalog";
import { catalogItemInput, closedDateInput, closedDateRef, itemRef, priceInput, priceRef, settingsInput, slotInput, slotRef } from "./catalog-input";
import { closeDate, removeSlot, reopenDate, saveSettings, saveSlot } from "./catalog-schedule";
import { saveWeekdayCapacities, weekdayGridInput } from "./weekday-hours";
import { cancelOrderOnDate, closeCancellingAllInput, closeDateWithOrders, closeMovingAllInput, closingCancelInput, closingMoveInput, moveOrderOffDate } from "./closing-date";
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
  "closing-move": op(closingMoveInput, (db, actor, input) => moveOrderOffDate(db, actor, input)),
  "closing-cancel": op(closingCancelInput, cancelOrderOnDate),
  "close-date-move-all": op(closeMovingAllInput, (db, actor, input) => closeDateWithOrders(db, actor, input)),
  "close-date-cancel-all": op(closeCancellingAllInput, (db, actor, input) => closeDateWithOrders(db, actor, input)),
};

const matching = (value: FormDataEntryValue | null, pattern: RegExp) => (typeof value === "string" && pattern.test(value) ? value : undefined);
const CLOSING_OPS = new Set(["close-date", "closing-move", "closing-cancel", "close-date-move-all", "close-date-cancel-all"]);

/** While a date with bookings is being closed, the schedule page keeps showing those bookings (?closing=date&reason=…). */
function closingToKeep(form: FormData, result: EditResult): Record<string, string | undefined> {
  const op = form.get("op");
  if (typeof op !== "string" || !CLOSING_OPS.has(op)) return {};
  const closesNow = result.status === "ok" && (op === "close-date" || op.startsWith("close-date-"));
  if (closesNow) return {};
  const reason = form.get("reason");
  return { closing: matching(form.get("date"), /^\d{4}-\d{2}-\d{2}$/), reason: typeof reason === "string" ? reason.slice(0, 120) : undefined };
}

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
  const keep = { device: matching(form.get("device"), /^\d{1,9}$/), ...closingToKeep(form, result) };
  return new Response(null, { status: 303, headers: { location: flashLocation(page, result, keep) } });
}
