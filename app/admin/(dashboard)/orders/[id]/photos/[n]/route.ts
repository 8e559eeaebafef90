// GET /admin/orders/{id}/photos/{n} – a photo of the fault the customer sent the bot (admin session)
import { getDb } from "@/db";
import { mayHandleOrderId } from "@/lib/admin/branch-scope";
import { withAdmin } from "@/lib/admin/guard";
import { fetchFaultPhoto } from "@/lib/admin/fault-photo";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const GET = withAdmin(async (_request, { admin }, { params }: { params: Promise<{ id: string; n: string }> }) => {
  const { id, n } = await params;
  const db = await getDb();
  // Staff of another branch are told what they would be of an order that does not exist.
  if (!UUID.test(id) || !/^[1-3]$/.test(n) || !(await mayHandleOrderId(db, admin, id))) return Response.json({ error: "not found" }, { status: 404 });
  const photo = await fetchFaultPhoto(db, { orderId: id, index: Number(n) });
  if (!photo.ok) return Response.json({ error: photo.status === 404 ? "not found" : "Telegram did not give the photo" }, { status: photo.status });
  return new Response(photo.body, {
    headers: {
      "content-type": photo.contentType,
      ...(photo.size ? { "content-length": String(photo.size) } : {}),
      // A customer's photo: kept by this browser only, never by a shared cache.
      "cache-control": "private, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
});
