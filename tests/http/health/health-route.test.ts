import { GET } from "@/app/api/health/route";
import { setDbHandle } from "@/db";
import { openDatabase } from "@/db/client";
import { setupTestDatabase, type TestDatabase } from "@/tests/support/test-db";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await setupTestDatabase({ seed: false });
});
afterAll(() => testDb.close());

describe("GET /api/health", () => {
  it("answers 200 with the database up and the driver in use", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: true, db: "up", driver: testDb.kind === "postgres" ? "pg" : "pglite" });
  });

  it("answers 503 when the database does not answer", async () => {
    // Port 9 on loopback: nothing listens, the connection is refused at once.
    const unreachable = await openDatabase({ driver: "pg", url: "postgres://postgres@127.0.0.1:9/none", poolMax: 1 });
    setDbHandle(unreachable);
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ok: false, db: "down", driver: "pg" });
      expect(errors.mock.calls.join(" ")).not.toContain("postgres://");
    } finally {
      errors.mockRestore();
      await unreachable.close();
      setDbHandle(testDb);
    }
  });
});
