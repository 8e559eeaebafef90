// GET /admin/orders/<id>/job-sheet – the printable job sheet handed over with the phone (?paper=80mm for a thermal printer)
import type { Metadata } from "next";
import { printPagePath, renderPrintPage } from "@/app/admin/print-page";
import { requireAdminPage } from "@/lib/admin/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tanda terima", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const route = await params;
  await requireAdminPage(printPagePath("job-sheet", route.id), { wholeShop: true });
  return renderPrintPage("job-sheet", route, await searchParams);
}
