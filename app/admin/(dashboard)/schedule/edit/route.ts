// POST /admin/schedule/edit – a slot, weekly hours, closed date (and its booked orders) or settings form from /admin/schedule (owner only, same origin)
import { SCHEDULE_OPERATIONS, submitAdminForm } from "@/lib/admin/catalog-forms";
import { withAdmin } from "@/lib/admin/guard";
import { afterResponse } from "@/lib/http/after-response";
import { sendQueuedMessages } from "@/lib/notify/deliver";

export const dynamic = "force-dynamic";

export const POST = withAdmin(
  async (request, { admin }) => {
    const response = await submitAdminForm(request, admin, { operations: SCHEDULE_OPERATIONS, page: "/admin/schedule" });
    // Closing a booked date moves or cancels orders: their customers' messages go out after the answer.
    afterResponse(sendQueuedMessages);
    return response;
  },
  { ownerOnly: true },
);
