import { GET, POST } from "@/app/api/bench/bare/route";
import { overrideEnv } from "@/lib/env";

afterEach(() => overrideEnv({ BENCH: undefined }));

const post = () => POST(new Request("http://localhost/api/bench/bare", { method: "POST", body: '{"update_id":1}' }));

describe("the benchmark's bare baseline route", () => {
  it("does not exist unless BENCH is set", async () => {
    overrideEnv({ BENCH: undefined });
    expect((await post()).status).toBe(404);
    expect((await GET()).status).toBe(404);
  });

  it("reads the body and answers 200 with BENCH=1", async () => {
    overrideEnv({ BENCH: "1" });
    expect((await post()).status).toBe(200);
    expect((await GET()).status).toBe(200);
  });
});
