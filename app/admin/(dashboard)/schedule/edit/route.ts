// POST /admin/schedule/edit – a slot, closed date or settings form from /admin/schedule (owner only, same origin)
import { SCHEDULE_OPERATIONS, submitAdminForm } from "@/lib/admin/catalog-forms";
import { withAdmin } from "@/lib/admin/guard";

export const dynamic = "force-dynamic";

export const POST = withAdmin((request, { admin }) => submitAdminForm(request, admin, { operations: SCHEDULE_OPERATIONS, page: "/admin/schedule" }), { ownerOnly: true });
