import { clearForwardedFor, clientIpOf } from "@/lib/http/client-ip";
import { parseEnv } from "@/lib/env";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIpOf: the client's address only where the platform wrote it", () => {
  const forged = { "x-forwarded-for": "198.51.100.9, 203.0.113.7", "x-real-ip": "198.51.100.10", "x-vercel-forwarded-for": "198.51.100.11" };

  it("with neither VERCEL nor TRUST_PROXY, forwarded headers the proxy did not clear are the client's claim: no address", () => {
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

  describe("self-hosted: proxy.ts clears the client's header, next start writes the socket's address", () => {
    /** What proxy.ts does, then what `next start` does after it: x-forwarded-for ??= the socket's address. */
    const throughProxy = (values: Record<string, string>, env = parseEnv({})) => {
      const cleared = headers(values);
      clearForwardedFor(cleared, env);
      if (!cleared.has("x-forwarded-for")) cleared.set("x-forwarded-for", "127.0.0.1");
      return cleared;
    };

    it("the forged header is gone and the socket's address counts", () => {
      expect(clientIpOf(throughProxy(forged), parseEnv({}))).toBe("127.0.0.1");
    });

    it("a client cannot send the proxy's mark itself (routes the proxy does not run on stay unknown)", () => {
      expect(clientIpOf(headers({ ...forged, "x-jiot-forwarded-cleared": "1" }), parseEnv({}))).toBeNull();
      expect(clientIpOf(headers({ ...forged, "x-jiot-forwarded-cleared": "" }), parseEnv({}))).toBeNull();
    });

    it("on Vercel or behind a named proxy the proxy leaves the header alone", () => {
      for (const flags of [{ VERCEL: "1" }, { TRUST_PROXY: "1" }]) {
        const env = parseEnv(flags);
        const kept = headers(forged);
        clearForwardedFor(kept, env);
        expect(kept.get("x-forwarded-for")).toBe(forged["x-forwarded-for"]);
        expect(kept.has("x-jiot-forwarded-cleared")).toBe(false);
      }
    });
  });

  it("refuses a malformed flag at start-up, naming it", () => {
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY must be "true" or "false"/);
  });
});
