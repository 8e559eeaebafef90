// GET /playground/midtrans/snap/v2/vtweb/<token> – Snap's redirect_url: the simulated payment page (PLAYGROUND only)
import { withPlayground } from "@/lib/playground/guard";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

export const GET = withPlayground(async (request: Request, { params }: Context) => {
  const { token } = await params;
  return Response.redirect(new URL(`/playground/midtrans/pay/${encodeURIComponent(token)}`, request.url), 302);
});
