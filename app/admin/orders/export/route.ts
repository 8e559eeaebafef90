// GET /admin/orders/export – the filtered order list as CSV (admin session)
import { getDb } from "@/db";
import { visibleBranchIds } from "@/lib/admin/branch-scope";
import { withAdmin } from "@/lib/admin/guard";
import { parseOrderQuery } from "@/lib/admin/order-filters";
import { ordersCsvStream } from "@/lib/admin/orders-csv";
import { todayInJakarta } from "@/lib/booking/calendar";

export const dynamic = "force-dynamic";

export const GET = withAdmin(async (request, { admin }) => {
  const { filters, sort } = parseOrderQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const branchIds = await visibleBranchIds(db, admin);
  return new Response(ordersCsvStream(db, { filters: { ...filters, branchIds }, sort }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pesanan-${todayInJakarta()}.csv"`,
      "cache-control": "no-store",
    },
  });
});
