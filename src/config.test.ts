import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("defaults to a 30-minute idle timeout, a 12-hour session and 5 failed sign-ins in 15 minutes", () => {
    const c = loadConfig({});
    expect(c.sessions).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 });
    expect(c.loginThrottle).toEqual({
      maxFailuresPerUser: 5,
      maxFailuresPerAddress: 20,
      windowMs: 15 * 60_000,
    });
    expect(c.web.trustProxy).toBe(false);
  });

  it("reads session lifetimes and lockout thresholds from the environment", () => {
    const c = loadConfig({
      SESSION_IDLE_MINUTES: "15",
      SESSION_MAX_HOURS: "8",
      LOGIN_MAX_FAILURES: "3",
      LOGIN_MAX_FAILURES_PER_ADDRESS: "0",
      LOGIN_WINDOW_MINUTES: "60",
    });
    expect(c.sessions).toEqual({ idleMs: 15 * 60_000, absoluteMs: 8 * 3600_000 });
    expect(c.loginThrottle).toEqual({ maxFailuresPerUser: 3, maxFailuresPerAddress: 0, windowMs: 3600_000 });
  });

  it("refuses a bad session setting, naming it", () => {
    for (const [env, named] of [
      [{ SESSION_IDLE_MINUTES: "0" }, "SESSION_IDLE_MINUTES"],
      [{ SESSION_IDLE_MINUTES: "half an hour" }, "SESSION_IDLE_MINUTES"],
      [{ SESSION_IDLE_MINUTES: "7.5" }, "SESSION_IDLE_MINUTES"],
      [{ SESSION_MAX_HOURS: "-1" }, "SESSION_MAX_HOURS"],
      [{ SESSION_IDLE_MINUTES: "120", SESSION_MAX_HOURS: "1" }, "SESSION_IDLE_MINUTES"],
      [{ LOGIN_MAX_FAILURES: "0" }, "LOGIN_MAX_FAILURES"],
      [{ LOGIN_WINDOW_MINUTES: "x" }, "LOGIN_WINDOW_MINUTES"],
      [{ TRUST_PROXY: "2" }, "TRUST_PROXY"],
      [{ TRUST_PROXY: "10.0.0.0/33" }, "TRUST_PROXY"],
    ] as const) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(named);
    }
  });

  it("trusts only the proxies it is told of", () => {
    expect(loadConfig({ TRUST_PROXY: "true" }).web.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "false" }).web.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: " 10.0.0.0/8, 192.0.2.1 ,loopback,::1" }).web.trustProxy).toEqual([
      "10.0.0.0/8",
      "192.0.2.1",
      "loopback",
      "::1",
    ]);
  });
});
