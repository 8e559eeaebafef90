// GET /admin/orders/<id>/receipt – the printable receipt, once the order is paid (?paper=80mm for a thermal printer)
import type { Metadata } from "next";
import { printPagePath, renderPrintPage } from "@/app/admin/print-page";
import { requireAdminPage } from "@/lib/admin/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Kwitansi", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const route = await params;
  await requireAdminPage(printPagePath("receipt", route.id), { wholeShop: true });
  return renderPrintPage("receipt", route, await searchParams);
}
