import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Services } from "../services/types.js";
import { type AppOptions, createApp } from "./app.js";

/** Helpers for tests that drive the app through app.inject like a browser would (cookies, CSRF tokens). */

export const TEST_SECRET = "test-secret-0123456789-abcdefghijklmnop";

export function testApp(services: Services, over: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return createApp(services, {
    secret: TEST_SECRET,
    secureCookies: false,
    maxImportBytes: 256 * 1024,
    maxAttachmentBytes: 64 * 1024,
    ...over,
  });
}

/** A browser's cookie jar, enough for one host. */
export class Jar {
  cookies = new Map<string, string>();

  store(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0 || c.value === "";
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  header(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {};
  }
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error("no CSRF token on the page");
  return m[1];
}

export class Browser {
  jar = new Jar();
  /** Sent with every request (e.g. a proxy's X-Forwarded-For). */
  headers: Record<string, string> = {};
  /** `remoteAddress`: the client's IP address as the server sees it (light-my-request's is 127.0.0.1). */
  constructor(
    readonly app: FastifyInstance,
    readonly remoteAddress?: string,
  ) {}

  private get from(): { remoteAddress?: string } {
    return this.remoteAddress ? { remoteAddress: this.remoteAddress } : {};
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: "GET",
      url,
      headers: { ...this.headers, ...this.jar.header(), ...headers },
      ...this.from,
    });
    this.jar.store(res);
    return res;
  }

  /** Posts a url-encoded form; fetches a token from `tokenFrom` first unless one is given. */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    opts: { tokenFrom?: string; csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    const token = opts.csrf === undefined ? await this.token(opts.tokenFrom ?? "/") : opts.csrf;
    if (token !== null) body.append("_csrf", token);
    for (const [k, v] of Object.entries(fields))
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await this.app.inject({
      method: "POST",
      url,
      headers: {
        ...this.headers,
        ...this.jar.header(),
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: body.toString(),
      ...this.from,
    });
    this.jar.store(res);
    return res;
  }

  /** Posts multipart/form-data, as a form with a file input does. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: { field: string; fileName: string; type: string; bytes: Buffer }[],
    opts: { tokenFrom?: string; csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const token = opts.csrf === undefined ? await this.token(opts.tokenFrom ?? "/") : opts.csrf;
    const boundary = `----assure${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    const all: [string, string][] = [
      ...(token !== null ? [["_csrf", token] as [string, string]] : []),
      ...Object.entries(fields),
    ];
    for (const [k, v] of all) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.fileName}"\r\nContent-Type: ${f.type}\r\n\r\n`,
        ),
        f.bytes,
        Buffer.from("\r\n"),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: "POST",
      url,
      headers: {
        ...this.headers,
        ...this.jar.header(),
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat(parts),
      ...this.from,
    });
    this.jar.store(res);
    return res;
  }

  async token(path: string): Promise<string> {
    return csrfFrom((await this.get(path)).body);
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.post("/sign-in", { email, password }, { tokenFrom: "/sign-in" });
  }
}
