// GET /admin/customers/phone/<62812…> – one customer's orders by phone: counter orders and the chats that gave that phone
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { listPhoneOrders } from "@/db/queries/orders";
import { requireAdminPage } from "@/lib/admin/session";
import { normalizeIndonesianPhone } from "@/lib/booking/phone";
import { CustomerHistoryView } from "../../../../customer-history-view";

export const metadata: Metadata = { title: "Pelanggan" };

export default async function PhoneCustomerPage({ params }: { params: Promise<{ phone: string }> }) {
  const { phone: segment } = await params;
  await requireAdminPage(`/admin/customers/phone/${encodeURIComponent(segment)}`, { wholeShop: true });
  const phone = normalizeIndonesianPhone(safeDecode(segment));
  if (!phone) notFound();
  const [first, ...rest] = await listPhoneOrders(await getDb(), { phone });
  if (!first) notFound();
  return <CustomerHistoryView orders={[first, ...rest]} />;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
