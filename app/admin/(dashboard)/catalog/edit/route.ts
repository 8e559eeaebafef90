// POST /admin/catalog/edit – a device, part or price form from /admin/catalog (owner only, same origin)
import { CATALOG_OPERATIONS, submitAdminForm } from "@/lib/admin/catalog-forms";
import { withAdmin } from "@/lib/admin/guard";

export const dynamic = "force-dynamic";

export const POST = withAdmin((request, { admin }) => submitAdminForm(request, admin, { operations: CATALOG_OPERATIONS, page: "/admin/catalog" }), { ownerOnly: true });
