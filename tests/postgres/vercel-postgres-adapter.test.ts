import net from "node:net";
import { sql } from "drizzle-orm";
import { WebSocketServer, type WebSocket } from "ws";
import { migrateDatabase, openDatabase, queryRows, type DbHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import { addDays, todayInJakarta } from "@/lib/booking/calendar";
import { createBooking } from "@/lib/booking/create-booking";
import { listCatalog } from "@/db/queries/catalog";
import { createScratchPostgres } from "@/tests/support/test-db";

/**
 * @vercel/postgres speaks the Postgres protocol over a WebSocket (Neon's driver).
 * This proxy pipes each WebSocket's frames to a TCP connection to the local
 * Postgres, so the adapter runs for real against a real server.
 */
function startWsToTcpProxy(target: { host: string; port: number }): Promise<{ port: number; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  const sockets = new Set<net.Socket>();
  server.on("connection", (ws: WebSocket) => {
    const tcp = net.connect(target.port, target.host);
    sockets.add(tcp);
    const pending: Buffer[] = [];
    tcp.on("connect", () => pending.splice(0).forEach((chunk) => tcp.write(chunk)));
    ws.on("message", (data: Buffer) => (tcp.connecting ? pending.push(data) : tcp.write(data)));
    tcp.on("data", (data) => ws.readyState === ws.OPEN && ws.send(data));
    const end = () => {
      tcp.destroy();
      ws.close();
      sockets.delete(tcp);
    };
    ws.on("close", end);
    ws.on("error", end);
    tcp.on("close", end);
    tcp.on("error", end);
  });
  return new Promise((resolve) =>
    server.on("listening", () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            for (const client of server.clients) client.terminate();
            server.close(() => done());
          }),
      }),
    ),
  );
}

let proxy: { port: number; close(): Promise<void> };
let scratch: { url: string; drop(): Promise<void> };
let handle: DbHandle;

beforeAll(async () => {
  scratch = await createScratchPostgres();
  const direct = new URL(scratch.url);
  proxy = await startWsToTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  // The package insists on a pooled ("-pooler") host; the proxy ignores the host anyway.
  const pooled = new URL(scratch.url);
  pooled.hostname = "db-pooler.local";
  if (!pooled.password) pooled.password = "unused";
  handle = await openDatabase({
    driver: "vercel",
    url: pooled.toString(),
    poolMax: 3,
    neon: { wsProxy: () => `127.0.0.1:${proxy.port}/v2`, useSecureWebSocket: false, pipelineConnect: false, pipelineTLS: false },
  });
  await migrateDatabase(handle);
  await seedDatabase(handle.db);
});

afterAll(async () => {
  await handle?.close();
  await proxy?.close();
  await scratch?.drop();
});

describe("the @vercel/postgres driver (through a loopback WebSocket proxy)", () => {
  it("runs the committed migrations and the seed", async () => {
    const catalog = await listCatalog(handle.db);
    expect(catalog.find((c) => c.deviceName === "iPhone X" && c.partName === "Battery")?.priceIdr).toBe(70_000);
  });

  it("runs a booking transaction, including the slot's row lock", async () => {
    const date = addDays(todayInJakarta(), 2);
    const result = await createBooking(handle.db, {
      chatId: 42,
      customerName: "Vercel",
      deviceId: 10,
      partId: 1,
      slotId: 4,
      serviceDate: date,
      paymentMethod: "other_qris",
    });
    expect(result.ok).toBe(true);
    const rows = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from orders`);
    expect(rows[0]!.n).toBe(1);
  });

  it("rolls a failed transaction back", async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`update prices set price_idr = 1 where device_id = 10 and part_id = 1`);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const catalog = await listCatalog(handle.db);
    expect(catalog.find((c) => c.deviceName === "iPhone X" && c.partName === "Battery")?.priceIdr).toBe(70_000);
  });
});
