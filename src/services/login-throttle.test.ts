import { describe, expect, it } from "vitest";
import { addressKey, userKey } from "./login-throttle.js";

describe("login throttle keys", () => {
  it("counts an email address however it is typed", () => {
    expect(userKey("  Editor@Example.ORG ")).toBe("user:editor@example.org");
    expect(userKey("ｅditor@example.org")).toBe("user:editor@example.org");
    expect(userKey("x".repeat(5000))).toHaveLength(5 + 320);
  });

  it("counts IPv4 as it is, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64", () => {
    expect(addressKey("192.0.2.33")).toBe("ip:192.0.2.33");
    expect(addressKey("::ffff:192.0.2.33")).toBe("ip:192.0.2.33");
    expect(addressKey("::ffff:c000:221")).toBe("ip:192.0.2.33");
    expect(addressKey("2001:db8:aa:bb:1:2:3:4")).toBe("ip:2001:db8:aa:bb::/64");
    expect(addressKey("2001:DB8:AA:BB::9")).toBe("ip:2001:db8:aa:bb::/64");
    expect(addressKey("2001:db8::1")).toBe("ip:2001:db8:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("ip:fe80:0:0:0::/64");
    expect(addressKey("::1")).toBe("ip:0:0:0:0::/64");
  });

  it("has no key for what is not an address", () => {
    for (const bad of ["", "   ", "localhost", "1.2.3", "999.1.1.1", null, undefined]) {
      expect(addressKey(bad)).toBeNull();
    }
  });
});
