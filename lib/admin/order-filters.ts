import { z } from "zod";
import { ORDER_SORTS, type OrderFilters, type OrderSort } from "@/db/queries/admin-orders";
import { PAYMENT_STATUSES, REPAIR_STATUSES } from "@/db/schema";
import { indonesianPhonePrefix } from "@/lib/booking/phone";

/** The order list's query string (shared by the page and its CSV export); anything malformed is dropped, not an error. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(v)));

const QUERY = z.object({
  q: z.string().max(64).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  payment: z.enum(PAYMENT_STATUSES).optional().catch(undefined),
  repair: z.enum(REPAIR_STATUSES).optional().catch(undefined),
  refund: z.literal("1").optional().catch(undefined),
  warranty: z.literal("1").optional().catch(undefined),
  sort: z.enum(ORDER_SORTS).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});

export interface OrderQuery {
  filters: OrderFilters;
  sort: OrderSort;
  cursor?: string;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseOrderQuery(params: Params): OrderQuery {
  const flat: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) flat[key] = first;
  }
  const q = QUERY.parse(flat);
  const text = q.q?.trim() || undefined;
  return {
    // 0812…, 62812… and +62 812… all look for the stored "+62812…".
    filters: { q: text, phonePrefix: (text && indonesianPhonePrefix(text)) || undefined, from: q.from, to: q.to, payment: q.payment, repair: q.repair, refund: q.refund === "1", ...(q.warranty === "1" && { warranty: true }) },
    sort: q.sort ?? "created_desc",
    cursor: q.cursor,
  };
}

/** The query string of a filtered list (for links: next page, CSV export). */
export function orderQueryString({ filters, sort, cursor }: OrderQuery): string {
  const params = new URLSearchParams();
  const { phonePrefix: _readFromQ, ...shown } = filters;
  for (const [key, value] of Object.entries({ ...shown, refund: filters.refund ? "1" : undefined, warranty: filters.warranty ? "1" : undefined })) if (value) params.set(key, String(value));
  if (sort !== "created_desc") params.set("sort", sort);
  if (cursor) params.set("cursor", cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}
