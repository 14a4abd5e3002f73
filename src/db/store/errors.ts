import { ConflictError, NotFoundError } from "../../services/errors.js";
import * as db from "../errors.js";

const UNIQUE_VIOLATION = "23505";

function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * The data layer's errors as the services expect them. The data layer's messages are already written for
 * the person using the service, so they are kept; the original is the cause.
 */
export function translateError(err: unknown): unknown {
  if (err instanceof db.ConflictError) return new ConflictError(err.message, { cause: err });
  if (err instanceof db.NotFoundError) return new NotFoundError(err.message, { cause: err });
  // "The data does not allow it" (an action withdrawn since the form was opened, a name taken meanwhile):
  // what the person saw is out of date, which is the services' conflict.
  if (err instanceof db.InvalidStateError) return new ConflictError(err.message, { cause: err });
  if (sqlState(err) === UNIQUE_VIOLATION) {
    return new ConflictError("Someone else saved the same thing at the same moment. Reload and try again.", {
      cause: err,
    });
  }
  return err;
}

export async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw translateError(err);
  }
}
