import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { hashSecret } from "../services/context.js";
import { buildWorld, type World, type WorldOptions } from "../services/testing/harness.js";
import type { AppOptions } from "./app.js";
import { Browser, csrfFrom, testApp } from "./test-helpers.js";

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function start(
  over: Partial<AppOptions> = {},
  worldOpts: WorldOptions = {},
): Promise<{ w: World; b: Browser }> {
  const w = await buildWorld(worldOpts);
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
  it("locks an email address out after 5 failures in 15 minutes, then lets it in again", async () => {
    const { w, b } = await start();
    const email = w.users.editor.email;
    for (let i = 0; i < 5; i++) expect((await b.signIn(email, `wrong-${i}`)).statusCode).toBe(401);
    const locked = await b.signIn(email, password(w, email));
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain("Too many attempts to sign in");
    expect(locked.body).toContain("too many failed attempts to sign in with this email address");
    expect(locked.body).toContain("wait 15 minutes and try again");
    expect(Number(locked.headers["retry-after"])).toBe(15 * 60);
    expect(b.jar.cookies.has("assure-session")).toBe(false);
    // The same address in other capitals and spaces is the same email address.
    expect((await b.signIn(`  ${email.toUpperCase()} `, password(w, email))).statusCode).toBe(429);

    // Another person's email from the same address is not affected.
    expect((await b.signIn(w.users.viewer.email, password(w, w.users.viewer.email))).statusCode).toBe(303);

    w.clock.now = new Date(w.clock.now.getTime() + 15 * 60 * 1000 + 1000);
    const c = new Browser(b.app);
    expect((await c.signIn(email, password(w, email))).statusCode).toBe(303);
  });

  it("locks a client address out after too many failures across email addresses", async () => {
    const { w, b } = await start({}, { policies: { loginThrottle: { maxFailuresPerAddress: 3 } } });
    for (const who of ["a", "b", "c"]) {
      expect((await b.signIn(`${who}@nowhere.example.org`, "guess-1")).statusCode).toBe(401);
    }
    const locked = await b.signIn(w.users.viewer.email, password(w, w.users.viewer.email));
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain("too many failed attempts to sign in from your network");
    // Another address is not affected, and did not unlock this one by signing in.
    const elsewhere = new Browser(b.app, "192.0.2.10");
    expect((await elsewhere.signIn(w.users.viewer.email, password(w, w.users.viewer.email))).statusCode).toBe(
      303,
    );
    expect((await b.signIn(w.users.admin.email, password(w, w.users.admin.email))).statusCode).toBe(429);
  });
});

describe("client addresses behind a proxy", () => {
  const policies = { loginThrottle: { maxFailuresPerAddress: 2 } };
  const via = (b: Browser, client: string) => {
    const other = new Browser(b.app);
    other.headers = { "x-forwarded-for": client };
    return other;
  };

  it("counts each client the trusted proxy names", async () => {
    const { w, b } = await start({ trustProxy: ["127.0.0.1"] }, { policies });
    const a = via(b, "198.51.100.1");
    for (const who of ["x", "y"])
      expect((await a.signIn(`${who}@nowhere.example.org`, "no")).statusCode).toBe(401);
    const viewer = w.users.viewer.email;
    expect((await via(b, "198.51.100.1").signIn(viewer, password(w, viewer))).statusCode).toBe(429);
    expect((await via(b, "198.51.100.2").signIn(viewer, password(w, viewer))).statusCode).toBe(303);
  });

  it("ignores X-Forwarded-For when no proxy is trusted, so it cannot be used to slip a lockout", async () => {
    const { w, b } = await start({}, { policies });
    for (const [i, who] of ["x", "y"].entries()) {
      expect((await via(b, `198.51.100.${i}`).signIn(`${who}@nowhere.example.org`, "no")).statusCode).toBe(
        401,
      );
    }
    const viewer = w.users.viewer.email;
    expect((await via(b, "198.51.100.9").signIn(viewer, password(w, viewer))).statusCode).toBe(429);
  });
});

describe("session timeouts", () => {
  const minutes = (w: World, n: number) => {
    w.clock.now = new Date(w.clock.now.getTime() + n * 60 * 1000);
  };

  async function signedIn(role: keyof World["users"] = "viewer", worldOpts: WorldOptions = {}) {
    const { w, b } = await start({}, worldOpts);
    const email = w.users[role].email;
    expect((await b.signIn(email, password(w, email))).statusCode).toBe(303);
    return { w, b, email };
  }

  it("signs a person out after 30 minutes without a request, says why and returns them after sign-in", async () => {
    const { w, b, email } = await signedIn();
    const token = b.jar.cookies.get("assure-session") ?? "";
    minutes(w, 29);
    expect((await b.get("/")).statusCode).toBe(200);
    minutes(w, 30);
    const url = `/plans/${w.planId}?organisationId=${w.orgs.police}`;
    const res = await b.get(url);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(url)}&signedOut=idle`);
    expect(b.jar.cookies.has("assure-session")).toBe(false);
    // Deleted on the server, not only forgotten by the browser.
    expect(await w.store.sessions.find(hashSecret(token))).toBeNull();

    const page = await b.get(res.headers.location as string);
    expect(page.body).toContain("govuk-notification-banner");
    expect(page.body).toContain("You were signed out because you were inactive for 30 minutes");
    expect(page.body).toContain(`name="returnTo" value="${url.replace("&", "&amp;")}"`);
    const back = await b.post(
      "/sign-in",
      { email, password: password(w, email), returnTo: url },
      { csrf: csrfFrom(page.body) },
    );
    expect(back.headers.location).toBe(url);
    expect((await b.get(url)).statusCode).toBe(200);
  });

  it("keeps an active session, writing its last use at most once a minute", async () => {
    const { w, b } = await signedIn();
    const tokenHash = hashSecret(b.jar.cookies.get("assure-session") ?? "");
    const signedInAt = w.clock.now.toISOString();
    w.clock.now = new Date(w.clock.now.getTime() + 59_000);
    await b.get("/");
    expect((await w.store.sessions.find(tokenHash))?.lastSeenAt).toBe(signedInAt);
    w.clock.now = new Date(w.clock.now.getTime() + 1_000);
    await b.get("/");
    const touched = w.clock.now.toISOString();
    expect((await w.store.sessions.find(tokenHash))?.lastSeenAt).toBe(touched);
    for (let i = 0; i < 6; i++) {
      minutes(w, 25);
      expect((await b.get("/")).statusCode).toBe(200);
    }
  });

  it("ends a session 12 hours after sign-in however active it is", async () => {
    const { w, b } = await signedIn();
    for (let i = 0; i < 35; i++) {
      minutes(w, 20);
      expect((await b.get("/")).statusCode).toBe(200);
    }
    minutes(w, 20);
    const res = await b.get("/findings");
    expect(res.headers.location).toBe("/sign-in?returnTo=%2Ffindings&signedOut=expired");
    expect((await b.get(res.headers.location as string)).body).toContain(
      "You were signed out because you had been signed in for 12 hours",
    );
  });

  it("takes its timeouts from the configuration", async () => {
    const { w, b } = await signedIn("viewer", {
      policies: { sessions: { idleMs: 5 * 60 * 1000, absoluteMs: 60 * 60 * 1000 } },
    });
    minutes(w, 5);
    const res = await b.get("/");
    expect(res.headers.location).toBe("/sign-in?signedOut=idle");
    expect((await b.get(res.headers.location as string)).body).toContain("inactive for 5 minutes");
  });

  it("refuses a form sent after the session went idle, and sends the person back to the form's page", async () => {
    const { w, b } = await signedIn("editor");
    const url = `/actions/${w.actions["1"]}`;
    const form = await b.get(url);
    minutes(w, 31);
    const res = await b.app.inject({
      method: "POST",
      url: `${url}/updates`,
      headers: {
        ...b.jar.header(),
        "content-type": "application/x-www-form-urlencoded",
        referer: `http://localhost${url}?tab=update`,
      },
      payload: new URLSearchParams({
        _csrf: csrfFrom(form.body),
        status: "completed",
        progress: "Too late",
        "date-day": "14",
        "date-month": "1",
        "date-year": "2021",
        rowVersion: "1",
      }).toString(),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/sign-in?returnTo=${encodeURIComponent(`${url}?tab=update`)}&signedOut=idle`,
    );
    expect((await w.store.actions.get(w.actions["1"] ?? ""))?.rowVersion).toBe(1);
  });

  it("answers a sign-out from an idle session with the sign-in page, not an expired form", async () => {
    const { w, b } = await signedIn();
    const token = await b.token("/");
    minutes(w, 45);
    const res = await b.post("/sign-out", {}, { csrf: token });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/sign-in?signedOut=idle");
  });

  it("leaves API tokens alone: they are not sessions", async () => {
    const { w, b } = await signedIn("scrutineer");
    const apiToken = await w.services.auth.issueApiToken(w.users.scrutineer);
    minutes(w, 13 * 60);
    const res = await b.app.inject({
      method: "GET",
      url: "/api/v1/plans",
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(res.statusCode).toBe(200);
  });

  it("clears Secure __Host- cookies with the attributes they were set with", async () => {
    const { w, b } = await start({ secureCookies: true });
    const email = w.users.viewer.email;
    await b.signIn(email, password(w, email));
    const res = await b.post("/sign-out", {});
    const cleared = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
    for (const name of ["__Host-assure-session=", "__Host-assure-csrf="]) {
      const c = cleared.find((x) => x.startsWith(name));
      expect(c).toMatch(/Secure/);
      expect(c).toMatch(/Path=\//);
      expect(c).toMatch(/Expires=Thu, 01 Jan 1970/);
    }
  });
});
