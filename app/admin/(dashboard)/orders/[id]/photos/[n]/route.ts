// GET /admin/orders/{id}/photos/{n} – a photo of the fault the customer sent the bot (admin session)
import { getDb } from "@/db";
import { withAdmin } from "@/lib/admin/guard";
import { fetchFaultPhoto } from "@/lib/admin/fault-photo";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const GET = withAdmin(async (_request, _admin, { params }: { params: Promise<{ id: string; n: string }> }) => {
  const { id, n } = await params;
  if (!UUID.test(id) || !/^[1-3]$/.test(n)) return Response.json({ error: "not found" }, { status: 404 });
  const photo = await fetchFaultPhoto(await getDb(), { orderId: id, index: Number(n) });
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
