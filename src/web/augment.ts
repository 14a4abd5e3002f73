import type { User } from "../services/types.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in person (session cookie for pages, Bearer token for /api/v1), or null. */
    user: User | null;
    /**
     * The raw session cookie value, whether or not it named a live session; null when there was none or
     * when the session it named ended on this request (the cookie is being cleared).
     */
    sessionToken: string | null;
    /** Set when this request found its session idle or past its lifetime, and ended it. */
    sessionEnded: "idle" | "expired" | null;
  }
  interface FastifyReply {
    /** Renders a Nunjucks view with the layout's context (user, CSRF token, navigation). */
    render(template: string, context?: Record<string, unknown>): Promise<void>;
  }
  interface FastifyContextConfig {
    /** Pages reachable without signing in. */
    public?: boolean;
  }
}
