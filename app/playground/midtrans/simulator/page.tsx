// GET /playground/midtrans/simulator – pay a VA number or bill key, or make a transaction fail, like Midtrans' sandbox simulator
import type { Metadata } from "next";
import { simulatorOverview } from "@/lib/playground/midtrans/simulate";
import { Simulator } from "./simulator";
import { requirePlaygroundPage } from "@/lib/playground/page-guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Simulator pembayaran (playground)", robots: { index: false, follow: false } };

export default function SimulatorPage() {
  requirePlaygroundPage();
  return <Simulator initial={simulatorOverview()} />;
}
