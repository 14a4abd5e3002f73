import type { FastifyRequest } from "fastify";

/** Any origin will do: it only anchors relative paths so that the URL parser can say where they lead. */
const BASE = new URL("https://assure.invalid/");

/** Pages that make no sense to come back to after signing in. */
const NOT_RETURNED_TO = new Set(["/sign-in", "/sign-out"]);

/**
 * Only paths on this site may be returned to after sign-in (no open redirect). A value is kept only if it
 * is a path-absolute reference ("/…", never "//…" or "/\…"), holds no control characters, white space or
 * backslashes (browsers drop tabs and newlines inside URLs and read "\" as "/", which would turn
 * "/\t/evil.example" into "//evil.example"), and still names this site once parsed. Anything else is "/".
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u0020\u007f-\u009f\\\s]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE.origin || url.pathname.startsWith("//")) return "/";
  if (NOT_RETURNED_TO.has(url.pathname)) return "/";
  return value;
}

/**
 * Where a person was when their request needed them to sign in: the page itself for GET, otherwise the
 * page the form was on (the Referer's path and query, which Referrer-Policy: same-origin only sends from
 * this site; only the path is ever used, so another site's Referer cannot redirect anywhere but here).
 */
export function returnPathOf(request: FastifyRequest): string {
  if (request.method === "GET" || request.method === "HEAD") return safeReturnTo(request.url);
  const referer = request.headers.referer;
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return safeReturnTo(`${url.pathname}${url.search}`);
  } catch {
    return "/";
  }
}

/** The sign-in page, saying why the person was sent there and where they will go back to. */
export function signInPath(request: FastifyRequest): string {
  const params = new URLSearchParams();
  const returnTo = returnPathOf(request);
  if (returnTo !== "/") params.set("returnTo", returnTo);
  if (request.sessionEnded) params.set("signedOut", request.sessionEnded);
  const query = params.toString();
  return query ? `/sign-in?${query}` : "/sign-in";
}
