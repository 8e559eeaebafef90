import { clientIpOf } from "@/lib/http/client-ip";
import { parseEnv } from "@/lib/env";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIpOf: the client's address only where the platform wrote it", () => {
  const forged = { "x-forwarded-for": "198.51.100.9, 203.0.113.7", "x-real-ip": "198.51.100.10", "x-vercel-forwarded-for": "198.51.100.11" };

  it("with neither VERCEL nor TRUST_PROXY, forwarded headers are the client's claim: no address", () => {
    expect(clientIpOf(headers(forged), parseEnv({}))).toBeNull();
    expect(clientIpOf(headers({}), parseEnv({}))).toBeNull();
  });

  it("on Vercel, the edge's x-vercel-forwarded-for, then x-forwarded-for, then x-real-ip", () => {
    const env = parseEnv({ VERCEL: "1" });
    expect(clientIpOf(headers(forged), env)).toBe("198.51.100.11");
    expect(clientIpOf(headers({ "x-forwarded-for": "203.0.113.1" }), env)).toBe("203.0.113.1");
    expect(clientIpOf(headers({ "x-real-ip": "203.0.113.2" }), env)).toBe("203.0.113.2");
    expect(clientIpOf(headers({}), env)).toBeNull();
  });

  it("behind one trusted proxy, the last x-forwarded-for entry (the one the proxy appended)", () => {
    const env = parseEnv({ TRUST_PROXY: "1" });
    expect(clientIpOf(headers(forged), env)).toBe("203.0.113.7");
    expect(clientIpOf(headers({ "x-real-ip": "198.51.100.10" }), env)).toBeNull();
  });

  it("refuses a malformed flag at start-up, naming it", () => {
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY must be "true" or "false"/);
  });
});
