// GET /playground/midtrans/pay/<token> – the simulated Snap payment page (in snap.js' iframe, or Snap's redirect_url)
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { paymentView, transactionByToken } from "@/lib/playground/midtrans/simulate";
import { PaySheet } from "./pay-sheet";
import { requirePlaygroundPage } from "@/lib/playground/page-guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Midtrans (playground)", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PayPage({ params, searchParams }: Props) {
  requirePlaygroundPage();
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const transaction = transactionByToken(token);
  if (!transaction) notFound();
  return <PaySheet token={token} initial={paymentView(transaction)} embedded={query.embedded === "1"} />;
}
