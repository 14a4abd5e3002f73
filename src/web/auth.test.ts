import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../services/testing/harness.js";
import type { AppOptions } from "./app.js";
import { Browser, csrfFrom, testApp } from "./test-helpers.js";

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function start(over: Partial<AppOptions> = {}): Promise<{ w: World; b: Browser }> {
  const w = await buildWorld();
  app = await testApp(w.services, over);
  return { w, b: new Browser(app) };
}

const password = (w: World, email: string) => w.passwords[email] ?? "";

describe("sign in", () => {
  it("signs in, sets an httpOnly SameSite=Lax session cookie and shows who is signed in", async () => {
    const { w, b } = await start();
    const res = await b.signIn(w.users.editor.email, password(w, w.users.editor.email));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/");
    const cookie = String(
      ([] as string[]).concat(res.headers["set-cookie"] ?? []).find((c) => c.startsWith("assure-session=")),
    );
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const home = await b.get("/");
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("You are signed in as Editor Person, Agency editor, Thames Valley Police.");
  });

  it("uses Secure __Host- cookies when configured for production", async () => {
    const { w, b } = await start({ secureCookies: true });
    const res = await b.signIn(w.users.viewer.email, password(w, w.users.viewer.email));
    const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
    const session = cookies.find((c) => c.startsWith("__Host-assure-session="));
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/Path=\//);
    expect(String(res.headers["strict-transport-security"])).toContain("max-age=31536000");
  });

  it("refuses a wrong password with a GOV.UK error summary and no session", async () => {
    const { w, b } = await start();
    const res = await b.signIn(w.users.editor.email, "not-the-password");
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain("govuk-error-summary");
    expect(res.body).toContain('<a href="#email">Enter a correct email address and password</a>');
    expect(res.body).toContain("<title>Error: Sign in – Assure</title>");
    expect(b.jar.cookies.has("assure-session")).toBe(false);
  });

  it("asks for both fields when they are empty", async () => {
    const { b } = await start();
    const res = await b.signIn("", "");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Enter your email address");
    expect(res.body).toContain("Enter your password");
  });

  it("returns to the page asked for, but never to another site", async () => {
    const { w, b } = await start();
    const email = w.users.viewer.email;
    const ok = await b.post(
      "/sign-in",
      { email, password: password(w, email), returnTo: "/findings?kind=stale" },
      { tokenFrom: "/sign-in" },
    );
    expect(ok.headers.location).toBe("/findings?kind=stale");
    const b2 = new Browser(b.app);
    for (const evil of ["//evil.example", "https://evil.example/", "/\\evil.example"]) {
      const res = await b2.post(
        "/sign-in",
        { email, password: password(w, email), returnTo: evil },
        { tokenFrom: "/sign-in" },
      );
      expect(res.headers.location).toBe("/");
      b2.jar.cookies.clear();
    }
  });

  it("refuses disabled users", async () => {
    const { w, b } = await start();
    const res = await b.signIn(w.users.disabled.email, password(w, w.users.disabled.email));
    expect(res.statusCode).toBe(401);
  });
});

describe("session fixation", () => {
  it("never adopts a session id the browser arrived with", async () => {
    const { w, b } = await start();
    b.jar.cookies.set("assure-session", "attacker-chosen-value");
    await b.signIn(w.users.editor.email, password(w, w.users.editor.email));
    const issued = b.jar.cookies.get("assure-session");
    expect(issued).toBeTruthy();
    expect(issued).not.toBe("attacker-chosen-value");
    const attacker = new Browser(b.app);
    attacker.jar.cookies.set("assure-session", "attacker-chosen-value");
    expect((await attacker.get("/")).statusCode).toBe(303);
  });

  it("ends a planted live session at sign-in and issues a new one", async () => {
    const { w, b } = await start();
    const attacker = new Browser(b.app);
    await attacker.signIn(w.users.viewer.email, password(w, w.users.viewer.email));
    const planted = attacker.jar.cookies.get("assure-session") ?? "";
    b.jar.cookies.set("assure-session", planted);
    // Signed in (as the attacker's viewer), the sign-in form is reached from a page that has a token.
    const email = w.users.admin.email;
    await b.post("/sign-in", { email, password: password(w, email) }, { tokenFrom: "/" });
    expect(b.jar.cookies.get("assure-session")).not.toBe(planted);
    expect((await attacker.get("/")).statusCode).toBe(303);
    expect((await b.get("/")).body).toContain("Admin Person");
  });

  it("renews the CSRF secret at sign-in so a token from before no longer works", async () => {
    const { w, b } = await start();
    const before = await b.token("/sign-in");
    await b.signIn(w.users.viewer.email, password(w, w.users.viewer.email));
    const res = await b.post("/sign-out", {}, { csrf: before });
    expect(res.statusCode).toBe(403);
    expect((await b.get("/")).statusCode).toBe(200);
  });
});

describe("CSRF", () => {
  it("refuses a sign-in without a token", async () => {
    const { w, b } = await start();
    const res = await b.post(
      "/sign-in",
      { email: w.users.viewer.email, password: password(w, w.users.viewer.email) },
      { csrf: null },
    );
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("Sorry, this form has expired");
    expect(b.jar.cookies.has("assure-session")).toBe(false);
  });

  it("refuses a token from another browser's session", async () => {
    const { w, b } = await start();
    const other = new Browser(b.app);
    await other.signIn(w.users.viewer.email, password(w, w.users.viewer.email));
    const foreign = await other.token("/");
    await b.signIn(w.users.editor.email, password(w, w.users.editor.email));
    const res = await b.post("/sign-out", {}, { csrf: foreign });
    expect(res.statusCode).toBe(403);
    expect((await b.get("/")).statusCode).toBe(200);
  });

  it("puts a token in every form of a page", async () => {
    const { w, b } = await start();
    await b.signIn(w.users.admin.email, password(w, w.users.admin.email));
    const html = (await b.get("/")).body;
    const forms = html.match(/<form[^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) expect(csrfFrom(f)).toBeTruthy();
  });
});

describe("sign out", () => {
  it("ends the session on the server, not just in the browser", async () => {
    const { w, b } = await start();
    await b.signIn(w.users.viewer.email, password(w, w.users.viewer.email));
    const token = b.jar.cookies.get("assure-session") ?? "";
    const res = await b.post("/sign-out", {});
    expect(res.headers.location).toBe("/sign-in?signedOut=1");
    const replay = new Browser(b.app);
    replay.jar.cookies.set("assure-session", token);
    expect((await replay.get("/")).statusCode).toBe(303);
  });
});

describe("login rate limiting", () => {
  it("locks an email and address out after 5 failures in 15 minutes, then lets it in again", async () => {
    let now = Date.parse("2021-01-15T10:00:00Z");
    const { w, b } = await start({ now: () => now });
    const email = w.users.editor.email;
    for (let i = 0; i < 5; i++) expect((await b.signIn(email, `wrong-${i}`)).statusCode).toBe(401);
    const locked = await b.signIn(email, password(w, email));
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain("Too many attempts to sign in");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(b.jar.cookies.has("assure-session")).toBe(false);

    // Another person's email from the same address is not affected.
    expect((await b.signIn(w.users.viewer.email, password(w, w.users.viewer.email))).statusCode).toBe(303);

    now += 15 * 60 * 1000 + 1000;
    const c = new Browser(b.app);
    expect((await c.signIn(email, password(w, email))).statusCode).toBe(303);
  });
});
