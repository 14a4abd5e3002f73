import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";

const require = createRequire(import.meta.url);
/**
 * Injected with page.evaluate rather than page.addScriptTag: the service's Content-Security-Policy
 * (script-src 'self') rightly refuses the inline script addScriptTag writes, and evaluating over the
 * DevTools protocol is not subject to it.
 */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Each element, with what axe says is wrong with it. */
  targets: string[];
}

interface AxeResult {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

declare global {
  interface Window {
    axe?: { run(context: Document, options: unknown): Promise<AxeResult> };
  }
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    // resultTypes only trims the passes and incompletes axe reports in detail; violations are complete.
    (tags) =>
      window.axe?.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    WCAG_TAGS,
  );
  if (!result) throw new Error("axe-core did not load into the page");
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.map((n) => {
      const why = (n.failureSummary ?? "")
        .split("\n")
        .slice(1)
        .map((l) => l.trim())
        .filter(Boolean)
        .join("; ");
      return `${n.target.map(String).join(" ")}${why ? ` [${why}]` : ""}`;
    }),
  }));
}

/**
 * What a page is made of, for axe's purposes: its elements, classes, roles and ARIA attributes, without
 * its words, ids or links, and with runs of identical table rows and list items counted once. Two pages
 * alike in this (the same action page for two actions, say) need checking once.
 */
export function pageShape(html: string): string {
  let s = html
    .replace(/<script[\s\S]*?<\/script>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/>[^<]+</g, "><");
  s = s.replace(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g, (_m, tag: string, attrs: string) => {
    const kept = [
      ...attrs.matchAll(
        /\s((?:class|role|type|aria-(?!describedby|controls|labelledby)[a-z]+)(?:="[^"]*")?)/g,
      ),
    ]
      .map((m) => m[1])
      .join(" ");
    return `<${tag}${kept ? ` ${kept}` : ""}>`;
  });
  for (const tag of ["tr", "li", "option"]) {
    s = s.replace(new RegExp(`(<${tag}[ >][\\s\\S]*?</${tag}>)(?:\\1)+`, "g"), "$1");
  }
  return createHash("sha256").update(s).digest("hex").slice(0, 16);
}

/** A path with its ids (any segment with a digit in it) made general: /actions/:id. */
function generalPath(url: string): string {
  return new URL(url).pathname
    .split("/")
    .map((seg) => (/\d/.test(seg) ? ":id" : seg))
    .join("/");
}

/** The part of the DevTools protocol's Fetch.requestPaused event read here. */
interface PausedResponse {
  requestId: string;
  request: { method: string; url: string };
  responseStatusCode?: number;
  responseHeaders?: { name: string; value: string }[];
}

interface Visited {
  url: string;
  html: string;
  /** The window the page was shown in: a narrow screen lays it out (and may fail it) differently. */
  viewport: { width: number; height: number } | null;
}

/**
 * Every HTML page the browser is served while a flow runs is kept (the first time each method, address
 * and status is seen) and checked with axe-core at the end, so no page a flow visits, error pages and
 * re-rendered forms included, escapes the check because a test forgot to ask for it.
 *
 * Each page is checked by replaying its HTML at its own address in a separate page: with the service's
 * scripts running when the flow ran with JavaScript, with every script blocked when it ran without
 * (axe itself cannot run in a page whose JavaScript is disabled: its timers never fire), so the check
 * sees the document and stylesheets as that person saw them.
 */
export class AxeAuditor {
  private readonly visited = new Map<string, Visited>();
  private readonly pending: Promise<void>[] = [];
  readonly problems: string[] = [];
  readonly results = new Map<string, AxeViolation[]>();

  constructor(
    private readonly browser: Browser,
    private readonly javaScriptEnabled: boolean,
  ) {}

  /**
   * Starts keeping every page this browser page is served. Each document is paused as its response
   * arrives, over the DevTools protocol, and its body read before the browser has it: reading it from
   * Playwright's response afterwards races the flow's next navigation, which discards the body. The
   * browser still makes every request itself, so uploads and cookies are exactly as the flow sent them.
   */
  watch(page: Page): void {
    const taking = page
      .context()
      .newCDPSession(page)
      .then(async (cdp) => {
        cdp.on("Fetch.requestPaused", (event) => {
          this.pending.push(this.take(cdp, event, page.viewportSize()));
        });
        await cdp.send("Fetch.enable", {
          patterns: [{ urlPattern: "*", resourceType: "Document", requestStage: "Response" }],
        });
      });
    this.pending.push(taking);
  }

  private async take(cdp: CDPSession, event: PausedResponse, viewport: Visited["viewport"]) {
    const { requestId, request, responseStatusCode: status = 0, responseHeaders = [] } = event;
    try {
      const type = responseHeaders.find((h) => h.name.toLowerCase() === "content-type")?.value ?? "";
      if ((status < 300 || status >= 400) && type.startsWith("text/html")) {
        const { body, base64Encoded } = await cdp.send("Fetch.getResponseBody", { requestId });
        const html = base64Encoded ? Buffer.from(body, "base64").toString("utf8") : body;
        this.keep(`${request.method} ${status}`, request.url, html, viewport);
      }
    } catch (err) {
      this.problems.push(
        `${request.method} ${status} ${request.url}: its HTML could not be read for checking (${(err as Error).message})`,
      );
    } finally {
      // The page may already be closing, when there is nothing left to continue.
      await cdp.send("Fetch.continueRequest", { requestId }).catch(() => undefined);
    }
  }

  private keep(prefix: string, url: string, html: string, viewport: Visited["viewport"]): void {
    const width = viewport ? ` @${viewport.width}` : "";
    const key = `${prefix} ${generalPath(url)} ${pageShape(html)}${width}`;
    if (!this.visited.has(key)) this.visited.set(key, { url, html, viewport });
  }

  /** Waits until every page served so far has been kept: call before closing the pages watched. */
  async settle(): Promise<void> {
    while (this.pending.length) await Promise.all(this.pending.splice(0));
  }

  /** Checks every page kept so far that has not been checked yet. */
  async auditAll(): Promise<void> {
    await this.settle();
    const todo = [...this.visited].filter(([key]) => !this.results.has(key));
    if (todo.length === 0) return;
    const context: BrowserContext = await this.browser.newContext({ javaScriptEnabled: true });
    try {
      const replay = await context.newPage();
      let current: Visited | null = null;
      await replay.route("**/*", (route) => {
        const request = route.request();
        if (current && request.url() === current.url && request.resourceType() === "document") {
          return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: current.html });
        }
        if (!this.javaScriptEnabled && request.resourceType() === "script") return route.abort();
        return route.continue();
      });
      for (const [key, visited] of todo) {
        current = visited;
        await replay.setViewportSize(visited.viewport ?? { width: 1280, height: 720 });
        await replay.goto(visited.url, { waitUntil: "load" });
        this.results.set(key, await runAxe(replay));
      }
    } finally {
      await context.close();
    }
  }

  /** The addresses checked, one per distinct page. */
  pagesChecked(): string[] {
    return [...this.results.keys()].map((key) => this.describe(key));
  }

  private describe(key: string): string {
    const [method, status] = key.split(" ");
    const visited = this.visited.get(key);
    const url = new URL(visited?.url ?? "http://unknown/");
    const width = visited?.viewport ? `, ${visited.viewport.width} px wide` : "";
    return `${method} ${url.pathname}${url.search} (${status}${width})`;
  }

  /** Every violation, one line per page and rule, naming the elements; empty when all pages pass. */
  report(): string[] {
    const lines = [...this.problems];
    for (const [key, violations] of this.results) {
      for (const v of violations) {
        lines.push(
          `${this.describe(key)}: ${v.id} (${v.impact ?? "no impact given"}) ${v.help} — ${v.targets.join(", ")}`,
        );
      }
    }
    return lines;
  }
}
