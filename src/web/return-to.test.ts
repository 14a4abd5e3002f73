import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { returnPathOf, safeReturnTo, signInPath } from "./return-to.js";

describe("safeReturnTo", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    for (const ok of ["/", "/plans/3", "/findings?kind=stale&planId=2", "/actions/9#history", "/a%2F%2Fb"]) {
      expect(safeReturnTo(ok)).toBe(ok);
    }
  });

  it("refuses anything that could lead off the site", () => {
    const evil = [
      "https://evil.example/",
      "http:evil.example",
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ /evil.example",
      "/\u0000/evil.example",
      "/\u00a0/evil.example",
      "javascript:alert(1)",
      "evil.example",
      " /plans",
      "",
      `/${"a".repeat(3000)}`,
    ];
    for (const value of evil) expect(safeReturnTo(value), JSON.stringify(value)).toBe("/");
    expect(safeReturnTo(undefined)).toBe("/");
    expect(safeReturnTo(null)).toBe("/");
  });

  it("does not return to signing in or out", () => {
    expect(safeReturnTo("/sign-in?returnTo=/x")).toBe("/");
    expect(safeReturnTo("/sign-out")).toBe("/");
  });
});

describe("where to return after signing in", () => {
  const request = (over: Partial<FastifyRequest>) =>
    ({ method: "GET", url: "/", headers: {}, sessionEnded: null, ...over }) as FastifyRequest;

  it("is the page asked for, or for a form the page it was sent from (its path only)", () => {
    expect(returnPathOf(request({ url: "/plans/2?sort=due" }))).toBe("/plans/2?sort=due");
    const post = (referer?: string) => request({ method: "POST", url: "/x", headers: { referer } });
    expect(returnPathOf(post("https://assure.example.org/actions/4?tab=1"))).toBe("/actions/4?tab=1");
    expect(returnPathOf(post("https://evil.example/actions/4"))).toBe("/actions/4");
    expect(returnPathOf(post("not a url"))).toBe("/");
    expect(returnPathOf(post())).toBe("/");
  });

  it("says why the person was signed out", () => {
    expect(signInPath(request({ url: "/findings", sessionEnded: "idle" }))).toBe(
      "/sign-in?returnTo=%2Ffindings&signedOut=idle",
    );
    expect(signInPath(request({ url: "/", sessionEnded: "expired" }))).toBe("/sign-in?signedOut=expired");
    expect(signInPath(request({ url: "//evil.example" }))).toBe("/sign-in");
  });
});
