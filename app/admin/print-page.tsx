import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { findOrderById } from "@/db/queries/orders";
import { getShopSettings } from "@/db/queries/settings";
import { printedOrder, type PrintedDocument } from "@/lib/admin/job-sheet";
import { PrintSheet } from "./print-sheet";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const printPagePath = (document: PrintedDocument, id: string) => `/admin/orders/${encodeURIComponent(id)}/${document}`;

/** The job sheet or the receipt of one order; its page has checked the session (these pages have no dashboard layout). */
export async function renderPrintPage(document: PrintedDocument, { id }: { id: string }, query: Record<string, string | string[] | undefined>) {
  const path = printPagePath(document, id);
  if (!UUID.test(id)) notFound();
  const db = await getDb();
  const [order, settings] = await Promise.all([findOrderById(db, { id }), getShopSettings(db)]);
  if (!order) notFound();
  const narrow = query.paper === "80mm";
  return (
    <PrintSheet doc={printedOrder(order, settings, document)} narrow={narrow} backHref={`/admin/orders/${order.id}`} widthHref={narrow ? path : `${path}?paper=80mm`} />
  );
}
