// POST|GET /api/bench/bare – the framework's own ceiling for `npm run bench`: reads the body, answers 200; 404 unless BENCH
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const notFound = () => new Response(null, { status: 404 });

export async function POST(request: Request) {
  if (!getEnv().BENCH) return notFound();
  await request.text();
  return new Response("ok");
}

export async function GET() {
  if (!getEnv().BENCH) return notFound();
  return new Response("ok", { headers: { "cache-control": "no-store" } });
}
