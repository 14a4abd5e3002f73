import "./augment.js";
import { createHash } from "node:crypto";
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";
import type { Services } from "../services/types.js";
import { navigationFor } from "./navigation.js";
import { govukDir, publicDir } from "./paths.js";
import { isApiRequest, registerErrorHandling } from "./plugins/errors.js";
import { createViewEnvironment, registerViews } from "./plugins/views.js";
import { registerRoutes } from "./routes/index.js";

export interface AppOptions {
  /** Signs cookies and keys CSRF tokens: at least 32 random characters, the same across restarts. */
  secret: string;
  /** Mark cookies Secure (and use __Host- names); on in production, where the service is behind HTTPS. */
  secureCookies: boolean;
  /** Largest plan file accepted for import. */
  maxImportBytes: number;
  /** Largest evidence file accepted with an update. */
  maxAttachmentBytes: number;
  /** Most files with one update. */
  maxAttachmentsPerUpdate?: number;
  logger?: FastifyServerOptions["logger"];
  trustProxy?: FastifyServerOptions["trustProxy"];
  /** Re-read views on every request (development). */
  watchViews?: boolean;
}

export interface WebConfig extends Required<Omit<AppOptions, "logger" | "trustProxy" | "watchViews">> {
  sessionCookie: string;
  csrfCookie: string;
  /**
   * The attributes the session and CSRF cookies are set with, and must be cleared with: a browser only
   * accepts a __Host- cookie, even an emptied one, when it is Secure with Path=/.
   */
  cookieOptions: { path: "/"; httpOnly: true; sameSite: "lax"; secure: boolean };
}

const STATIC_PREFIXES = ["/assets/", "/govuk/", "/static/"];
/**
 * Asked for by browsers on their own, alongside pages: reading the session there would end an idle one
 * unseen, and the page asked for next would no longer say why the person was signed out.
 */
const NO_SESSION_PATHS = new Set(["/favicon.ico"]);

/** The CSRF token is bound to the session cookie, so a token from before sign-in is useless after it. */
export function csrfUserInfo(request: FastifyRequest): string {
  return request.sessionToken
    ? createHash("sha256").update(`csrf:${request.sessionToken}`).digest("base64url")
    : "anonymous";
}

export async function createApp(services: Services, options: AppOptions): Promise<FastifyInstance> {
  if (options.secret.length < 32) throw new Error("The cookie secret must be at least 32 characters");
  const secure = options.secureCookies;
  const config: WebConfig = {
    secret: options.secret,
    secureCookies: secure,
    maxImportBytes: options.maxImportBytes,
    maxAttachmentBytes: options.maxAttachmentBytes,
    maxAttachmentsPerUpdate: options.maxAttachmentsPerUpdate ?? 5,
    // __Host- cookies are refused by browsers unless Secure, so only use the prefix when they are.
    sessionCookie: secure ? "__Host-assure-session" : "assure-session",
    csrfCookie: secure ? "__Host-assure-csrf" : "assure-csrf",
    cookieOptions: { path: "/", httpOnly: true, sameSite: "lax", secure },
  };

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorateRequest("user", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("sessionEnded", null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
  });
  await app.register(cookie, { secret: options.secret });
  await app.register(formbody);
  await app.register(multipart, {
    attachFieldsToBody: true,
    // Over-size files are marked truncated rather than thrown, so the form can say which file and why.
    throwFileSizeLimit: false,
    limits: {
      fileSize: options.maxAttachmentBytes,
      files: config.maxAttachmentsPerUpdate,
      fields: 50,
      fieldSize: 100 * 1024,
      parts: 60,
    },
  });
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: config.csrfCookie,
    cookieOpts: { ...config.cookieOptions, signed: true },
    getUserInfo: csrfUserInfo,
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const field = body?._csrf;
      if (typeof field === "string") return field;
      if (field && typeof field === "object" && "value" in field) return String(field.value);
      const header = req.headers["x-csrf-token"];
      return typeof header === "string" ? header : "";
    },
    csrfOpts: { hmacKey: options.secret },
  });
  await app.register(rateLimit, { global: false });

  await app.register(fastifyStatic, {
    root: govukDir,
    prefix: "/govuk/",
    allowedPath: (path) => path === "/govuk-frontend.min.css" || path === "/govuk-frontend.min.js",
    maxAge: "1d",
    index: false,
  });
  await app.register(fastifyStatic, {
    root: `${govukDir}/assets`,
    prefix: "/assets/",
    decorateReply: false,
    maxAge: "7d",
    index: false,
  });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: "/static/",
    decorateReply: false,
    maxAge: "1h",
    index: false,
  });

  const env = createViewEnvironment({ watch: options.watchViews });
  registerViews(app, {
    env,
    baseContext: (reply: FastifyReply) => {
      const request = reply.request;
      const path = request.url.split("?")[0] ?? "/";
      return {
        user: request.user,
        csrfToken: reply.generateCsrf({ userInfo: csrfUserInfo(request) }),
        currentPath: path,
        navigation: navigationFor(request.user, path),
      };
    },
  });

  // Who is asking: the session cookie for pages, only a Bearer token for the API (a cookie there would
  // make the API open to cross-site requests).
  app.addHook("onRequest", async (request, reply) => {
    if (STATIC_PREFIXES.some((p) => request.url.startsWith(p)) || NO_SESSION_PATHS.has(request.url)) return;
    if (isApiRequest(request)) {
      const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
      if (m?.[1]) request.user = await services.auth.apiTokenUser(m[1]);
      return;
    }
    const token = request.cookies[config.sessionCookie];
    if (!token) return;
    const session = await services.auth.resumeSession(token);
    if (session.status === "idle" || session.status === "expired") {
      // Ended just now: the browser forgets the cookie, forms on this response are bound to no session
      // (as the next request will be), and pages that need a user send the person to sign in, saying why.
      request.sessionEnded = session.status;
      reply.clearCookie(config.sessionCookie, config.cookieOptions);
      return;
    }
    request.sessionToken = token;
    if (session.status === "active") request.user = session.user;
  });

  // Every form post carries a CSRF token bound to the session; the API is exempt as it takes no cookies.
  app.addHook("preHandler", (request, reply, done) => {
    const unsafe = request.method !== "GET" && request.method !== "HEAD" && request.method !== "OPTIONS";
    if (!unsafe || isApiRequest(request)) return done();
    app.csrfProtection(request, reply, done);
  });

  // Pages and answers about a signed-in person's partnership stay out of shared and browser caches.
  app.addHook("onSend", async (request, reply) => {
    if (request.user && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });

  registerErrorHandling(app);
  await registerRoutes(app, services, config);
  return app;
}
