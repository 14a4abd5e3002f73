import type { FastifyReply, FastifyRequest } from "fastify";
import { ForbiddenError, ValidationError } from "../../services/errors.js";
import type { FileDownload, User } from "../../services/types.js";
import { formErrors } from "../form-errors.js";
import { UnauthenticatedError } from "../plugins/errors.js";

/** The signed-in user; routes under requireUser always have one, this narrows the type. */
export function userOf(request: FastifyRequest): User {
  if (!request.user) throw new UnauthenticatedError();
  return request.user;
}

export async function requireUser(request: FastifyRequest): Promise<void> {
  if (!request.user) throw new UnauthenticatedError();
}

/**
 * Runs a form's work; a ValidationError re-renders the form with the GOV.UK error summary instead of
 * leaving the page. Anything else goes to the app's error handler.
 */
export async function withForm(
  reply: FastifyReply,
  work: () => Promise<void>,
  rerender: (errors: ReturnType<typeof formErrors>) => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    reply.code(400);
    await rerender(formErrors(err.problems));
  }
}

/** Content-Disposition with the name both as plain ASCII and as UTF-8 (RFC 6266). */
export function sendDownload(reply: FastifyReply, file: FileDownload, inline = false): FastifyReply {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  reply.header(
    "content-disposition",
    `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  );
  reply.header("x-content-type-options", "nosniff");
  reply.header("cache-control", "private, no-store");
  return reply.type(file.mediaType).send(file.bytes);
}

export { safeReturnTo } from "../return-to.js";

/** Refuses early with the standard 403 page; services check the same rule again. */
export function ensureAllowed(allowed: boolean): void {
  if (!allowed) throw new ForbiddenError();
}
