import type { Order } from "@/db/schema";
import { addDays, formatDateDmy, todayInJakarta, wibDateOf, type IsoDate } from "./calendar";
import type { Language } from "./status-labels";

/**
 * An order's warranty: it runs from the day (WIB) the repair was completed for
 * the part's warranty days, through the last day ("s.d." is inclusive).
 */
export type WarrantyState = { kind: "none" } | { kind: "active"; until: IsoDate } | { kind: "expired"; until: IsoDate };

type WarrantyFacts = Pick<Order, "repairStatus" | "completedAt" | "warrantyDays">;

export function warrantyEnd(order: WarrantyFacts): IsoDate | undefined {
  if (order.repairStatus !== "completed" || !order.completedAt || order.warrantyDays <= 0) return undefined;
  return addDays(wibDateOf(order.completedAt), order.warrantyDays);
}

export function warrantyStateOf(order: WarrantyFacts, now: Date): WarrantyState {
  const until = warrantyEnd(order);
  if (!until) return { kind: "none" };
  return todayInJakarta(now) <= until ? { kind: "active", until } : { kind: "expired", until };
}

/** "Bergaransi s.d. 05/01/2027" or "Garansi habis 05/01/2027", read alike in the chat and on the status page. */
export function warrantyLabel(state: WarrantyState, language: Language): string | undefined {
  if (state.kind === "none") return undefined;
  const until = formatDateDmy(state.until);
  if (language === "en") return state.kind === "active" ? `Under warranty until ${until}` : `Warranty ended ${until}`;
  return state.kind === "active" ? `Bergaransi s.d. ${until}` : `Garansi habis ${until}`;
}
