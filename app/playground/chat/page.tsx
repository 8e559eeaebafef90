// GET /playground/chat?as=<customer id>&start=<payload> – a simulated Telegram chat with the bot (PLAYGROUND only)
import type { Metadata, Viewport } from "next";
import { DEFAULT_CUSTOMER_ID } from "@/lib/playground/telegram/chat-view";
import { findCustomer } from "@/lib/playground/telegram/store";
import { ChatApp } from "./chat-app";
import { requirePlaygroundPage } from "@/lib/playground/page-guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Telegram (playground)", robots: { index: false, follow: false } };
export const viewport: Viewport = { themeColor: "#517da2" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChatPage({ searchParams }: Props) {
  requirePlaygroundPage();
  const query = await searchParams;
  const as = Number(query.as);
  const start = typeof query.start === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(query.start) ? query.start : undefined;
  return <ChatApp initialCustomerId={findCustomer(as) ? as : DEFAULT_CUSTOMER_ID} startPayload={start} />;
}
