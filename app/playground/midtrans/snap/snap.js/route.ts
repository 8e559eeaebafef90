// GET /playground/midtrans/snap/snap.js – the playground's snap.js (window.snap.pay / embed) (PLAYGROUND only)
import { getEnv } from "@/lib/env";
import { withPlayground } from "@/lib/playground/guard";
import { snapJsSource } from "@/lib/playground/midtrans/snap-js";

export const dynamic = "force-dynamic";

export const GET = withPlayground(async () =>
  new Response(snapJsSource(`${getEnv().APP_URL}/playground/midtrans`), {
    headers: { "content-type": "application/javascript; charset=utf-8", "cache-control": "no-store" },
  }),
);
