// GET /admin/customers/<chatId> – one customer's orders, totals and visits (from the order page)
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { listChatOrders } from "@/db/queries/orders";
import { requireAdminPage } from "@/lib/admin/session";
import { CustomerHistoryView } from "../../../customer-history-view";

export const metadata: Metadata = { title: "Pelanggan" };

const MAX_ORDERS = 500;

export default async function CustomerPage({ params }: { params: Promise<{ chatId: string }> }) {
  const { chatId } = await params;
  await requireAdminPage(`/admin/customers/${encodeURIComponent(chatId)}`, { wholeShop: true });
  if (!/^-?\d{1,15}$/.test(chatId)) notFound();
  const [first, ...rest] = await listChatOrders(await getDb(), { chatId: Number(chatId), limit: MAX_ORDERS });
  if (!first) notFound();
  return <CustomerHistoryView orders={[first, ...rest]} />;
}
