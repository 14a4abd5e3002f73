import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  ConflictError,
  type FieldProblem,
  ForbiddenError,
  NotFoundError,
  UnavailableError,
  ValidationError,
} from "../../services/errors.js";
import { signInPath } from "../return-to.js";

/** No one is signed in (pages redirect to sign in; the API answers 401). */
export class UnauthenticatedError extends Error {
  override name = "UnauthenticatedError";
  readonly statusCode = 401;
}

function isCsrfError(err: unknown): boolean {
  const code = (err as Partial<FastifyError> | null)?.code;
  return typeof code === "string" && code.startsWith("FST_CSRF");
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url === "/api" || request.url.startsWith("/api/");
}

interface Described {
  status: number;
  title: string;
  message: string;
  problems?: FieldProblem[];
}

const TOO_LARGE = new Set([
  "FST_REQ_FILE_TOO_LARGE",
  "FST_PARTS_LIMIT",
  "FST_FIELDS_LIMIT",
  "FST_ERR_CTP_BODY_TOO_LARGE",
]);

/** What a person (or API client) is told about an error; never a stack trace or internal detail. */
export function describeError(err: unknown): Described {
  const e = err as Partial<FastifyError> & { problems?: FieldProblem[] };
  if (err instanceof UnauthenticatedError) {
    return { status: 401, title: "Sign in to continue", message: "You need to sign in to use this service." };
  }
  if (err instanceof ForbiddenError) {
    return { status: 403, title: "You do not have permission", message: err.message };
  }
  if (err instanceof NotFoundError) return { status: 404, title: "Page not found", message: err.message };
  if (err instanceof ConflictError)
    return { status: 409, title: "Someone else has made a change", message: err.message };
  if (err instanceof ValidationError) {
    return { status: 400, title: "There is a problem", message: err.message, problems: err.problems };
  }
  if (err instanceof UnavailableError) {
    return { status: 503, title: "Sorry, this is not available", message: err.message };
  }
  if (isCsrfError(err)) {
    return {
      status: 403,
      title: "Sorry, this form has expired",
      message:
        "The form was missing its security token or it had expired. Go back, reload the page and try again.",
    };
  }
  if (e.statusCode === 429) {
    return {
      status: 429,
      title: "Too many requests",
      message: "You have made too many requests. Wait a few minutes and try again.",
    };
  }
  if (e.code === "FST_FILES_LIMIT") {
    return {
      status: 413,
      title: "Too many files",
      message: "You selected more files than one update can take. Go back, choose fewer files and try again.",
    };
  }
  if ((typeof e.code === "string" && TOO_LARGE.has(e.code)) || e.statusCode === 413) {
    return {
      status: 413,
      title: "The file is too large",
      message: "The file you sent is larger than this service accepts. Choose a smaller file.",
    };
  }
  if (e.statusCode === 415) {
    return {
      status: 415,
      title: "There is a problem",
      message: "The request was sent in a format this service does not accept.",
    };
  }
  if (e.statusCode === 404) return { status: 404, title: "Page not found", message: "" };
  if (e.validation || (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)) {
    return {
      status: e.statusCode ?? 400,
      title: "There is a problem",
      message: "The request could not be understood.",
    };
  }
  return {
    status: 500,
    title: "Sorry, there is a problem with the service",
    message: "Try again later. If it keeps happening, contact the partnership team.",
  };
}

async function sendPage(reply: FastifyReply, d: Described): Promise<void> {
  reply.code(d.status);
  try {
    await reply.render("errors/error.njk", { error: d });
  } catch (renderErr) {
    reply.log.error({ err: renderErr }, "error page failed to render");
    if (!reply.sent) await reply.type("text/plain; charset=utf-8").send(`${d.title}\n\n${d.message}`);
  }
}

/** The one error handler and the one not-found handler of the app. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (err, request, reply) => {
    const d = describeError(err);
    if (d.status >= 500) request.log.error({ err }, "request failed");
    else
      request.log.info(
        { status: d.status, code: (err as FastifyError).code, msg: (err as Error).message },
        "request refused",
      );

    if (isApiRequest(request)) {
      if (d.status === 401) reply.header("www-authenticate", 'Bearer realm="assure"');
      return reply
        .code(d.status)
        .send({ error: { status: d.status, title: d.title, message: d.message, problems: d.problems } });
    }
    // A form sent after its session ended fails its CSRF check (the token was bound to that session):
    // what the person needs to hear is that they were signed out, not that the form expired.
    if (d.status === 401 || (request.sessionEnded && isCsrfError(err))) {
      return reply.redirect(signInPath(request), 303);
    }
    return sendPage(reply, d);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const d: Described = { status: 404, title: "Page not found", message: "" };
    if (isApiRequest(request))
      return reply.code(404).send({ error: { status: 404, title: d.title, message: "No such resource" } });
    return sendPage(reply, d);
  });
}
