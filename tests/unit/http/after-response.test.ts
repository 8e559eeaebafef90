import { afterResponse, setAfterResponseRunner, type AfterResponseRunner } from "@/lib/http/after-response";

const runs: Array<() => Promise<void>> = [];
const collect: AfterResponseRunner = (work) => runs.push(work);

afterEach(() => {
  runs.length = 0;
  jest.restoreAllMocks();
});

describe("afterResponse", () => {
  it("hands the work to the installed runner, which decides when it runs", async () => {
    setAfterResponseRunner(collect);
    let ran = false;
    afterResponse(async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    await runs[0]!();
    expect(ran).toBe(true);
  });

  it("logs a failure of the work instead of throwing it at whoever runs it", async () => {
    setAfterResponseRunner(collect);
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    afterResponse(async () => {
      throw new Error("Telegram is down");
    });
    await expect(runs[0]!()).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("Telegram is down"));
  });

  it("outside a Next.js request with no runner installed refuses the work instead of running or dropping it", () => {
    setAfterResponseRunner(null);
    let ran = false;
    expect(() =>
      afterResponse(async () => {
        ran = true;
      }),
    ).toThrow(/outside a request scope/);
    expect(ran).toBe(false);
  });
});
