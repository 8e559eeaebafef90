import { eq } from "drizzle-orm";
import { GET as photo } from "@/app/admin/(dashboard)/orders/[id]/photos/[n]/route";
import { orders } from "@/db/schema";
import { adminCookie, adminRequest } from "@/tests/support/admin-session";
import { bookOrder } from "@/tests/support/payment-fixtures";
import { registerSuiteDatabase } from "@/tests/support/suite-hooks";

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const suite = registerSuiteDatabase({ bot: true });

async function orderWithPhotos(fileIds: string[]) {
  const order = await bookOrder(suite.db);
  await suite.db.update(orders).set({ faultPhotos: fileIds }).where(eq(orders.id, order.id));
  return order;
}

const get = (orderId: string, n: string, cookie?: string) =>
  photo(adminRequest(`https://jiot.example.com/admin/orders/${orderId}/photos/${n}`, { cookie, method: "GET" }), {
    params: Promise.resolve({ id: orderId, n }),
  });

describe("GET /admin/orders/{id}/photos/{n}", () => {
  it("without a session, or a forged one, is 401 and asks Telegram nothing", async () => {
    suite.tg.addFile("photo-a", JPEG);
    const order = await orderWithPhotos(["photo-a"]);
    for (const cookie of [undefined, "__Host-jiot_admin=forged"]) {
      const response = await get(order.id, "1", cookie);
      expect(response.status).toBe(401);
      expect(Buffer.from(await response.arrayBuffer()).includes(JPEG)).toBe(false);
    }
    expect(suite.tg.calls).toEqual([]);
  });

  it("streams the photo's bytes from Telegram, privately cached, never showing the token or the file URL", async () => {
    suite.tg.addFile("photo-a", Buffer.from("not this one"));
    suite.tg.addFile("photo-b", JPEG);
    const order = await orderWithPhotos(["photo-a", "photo-b"]);
    const response = await get(order.id, "2", await adminCookie(suite.db));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(JPEG);
    expect(suite.tg.callsOf("getFile").map((c) => c.params.file_id)).toEqual(["photo-b"]);
    expect(suite.tg.callsOf("file")).toHaveLength(1);
    const headers = JSON.stringify([...response.headers]);
    expect(headers).not.toContain(suite.tg.token);
    expect(headers).not.toContain("/file/");
  });

  it("is 404 for a photo the order does not have, or a malformed address", async () => {
    const cookie = await adminCookie(suite.db);
    const order = await orderWithPhotos(["photo-a"]);
    for (const [id, n] of [
      [order.id, "2"],
      [order.id, "0"],
      [order.id, "../1"],
      ["not-a-uuid", "1"],
      ["00000000-0000-4000-8000-000000000000", "1"],
    ] as const) {
      expect((await get(id, n, cookie)).status).toBe(404);
    }
  });

  it("is 502 when Telegram no longer knows the file, and the log line carries no token", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const order = await orderWithPhotos(["gone"]);
      const response = await get(order.id, "1", await adminCookie(suite.db));
      expect(response.status).toBe(502);
      expect(JSON.stringify(errors.mock.calls)).not.toContain(suite.tg.token);
    } finally {
      errors.mockRestore();
    }
  });
});
