import type { FastifyInstance, FastifyReply } from "fastify";
import nunjucks from "nunjucks";
import { registerFilters } from "../filters.js";
import { govukDist, viewsDir } from "../paths.js";

/** Autoescape is on: every value a view prints is escaped unless a filter marks it safe on purpose. */
export function createViewEnvironment(opts: { watch?: boolean } = {}): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader([viewsDir, govukDist], { noCache: opts.watch === true });
  const env = new nunjucks.Environment(loader, {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  registerFilters(env);
  return env;
}

export interface ViewsOptions {
  env: nunjucks.Environment;
  /** What every page's layout needs, built per reply (user, CSRF token, navigation). */
  baseContext(reply: FastifyReply): Record<string, unknown>;
}

export function renderToString(
  env: nunjucks.Environment,
  template: string,
  context: object,
): Promise<string> {
  return new Promise((resolve, reject) => {
    env.render(template, context, (err, html) => (err ? reject(err) : resolve(html ?? "")));
  });
}

/** Decorates the root instance (not a plugin, so the decorator is seen by every route). */
export function registerViews(app: FastifyInstance, opts: ViewsOptions): void {
  app.decorateReply("render", async function render(this: FastifyReply, template: string, context = {}) {
    const html = await renderToString(opts.env, template, { ...opts.baseContext(this), ...context });
    this.type("text/html; charset=utf-8");
    await this.send(html);
  });
}
