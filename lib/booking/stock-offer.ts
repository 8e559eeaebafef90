import { addDays, type IsoDate } from "./calendar";

/** What a part's shelf allows, as the bot, the home page and the booking see it. */
export type UnitOffer =
  /** Untracked (`left` null) or units left: offered as usual. */
  | { kind: "in_stock"; left: number | null }
  /** None left, the owner allows a back-order: offered as "inden, X hari" for dates from `from` on. */
  | { kind: "backorder"; days: number; from: IsoDate }
  /** None left and no back-order, or a back-order the chosen date is too early for: not offered. */
  | { kind: "out"; backorderFrom?: IsoDate };

export interface ShelfLevel {
  onHand: number;
  reserved: number;
  backorderDays: number | null;
}

/** Units on the shelf not promised to a live order (never below 0: a warranty claim may take one that is not there). */
export function unitsLeft(level: ShelfLevel): number {
  return Math.max(0, level.onHand - level.reserved);
}

/**
 * Whether a part can be booked: `level` undefined means the shop does not track
 * it (always offered). With none left, a back-order is offered only for a
 * `serviceDate` at least backorder_days after today; without a date (the home
 * page, before one is chosen) it is shown as a back-order.
 */
export function unitOfferOf(level: ShelfLevel | undefined, { today, serviceDate }: { today: IsoDate; serviceDate?: IsoDate }): UnitOffer {
  if (!level) return { kind: "in_stock", left: null };
  const left = unitsLeft(level);
  if (left > 0) return { kind: "in_stock", left };
  if (level.backorderDays === null) return { kind: "out" };
  const from = addDays(today, level.backorderDays);
  if (serviceDate !== undefined && serviceDate < from) return { kind: "out", backorderFrom: from };
  return { kind: "backorder", days: level.backorderDays, from };
}

/** The words beside a part's price on the home page: "inden, 3 hari" for a back-order, nothing otherwise. */
export function unitOfferLabel(offer: UnitOffer): string | undefined {
  return offer.kind === "backorder" ? `inden, ${offer.days} hari` : undefined;
}
