// POST /admin/orders/<id>/refund – the owner gives money back: Midtrans' refund API or recorded as done by hand (owner only, same origin)
import { withAdmin } from "@/lib/admin/guard";
import { submitRefundForm } from "@/lib/admin/refund-form";
import { afterResponse } from "@/lib/http/after-response";
import { sendQueuedMessages } from "@/lib/notify/deliver";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = withAdmin<Context>(
  async (request, { admin, ip }, { params }) => {
    const response = await submitRefundForm(request, (await params).id, { username: admin.username, ip });
    afterResponse(sendQueuedMessages);
    return response;
  },
  { ownerOnly: true },
);
