import { renderToString } from "react-dom/server";
import OrderPage from "@/app/orders/[token]/page";

/** The status page's HTML for a token (and query), without React's text separators. Mock next/navigation with ./no-app-router first. */
export async function renderOrderPage(token: string, query: Record<string, string> = {}): Promise<string> {
  return renderToString(await OrderPage({ params: Promise.resolve({ token }), searchParams: Promise.resolve(query) })).replaceAll("<!-- -->", "");
}
