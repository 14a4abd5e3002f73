/**
 * Errors services throw for the web layer to turn into pages and status codes. Messages are written for
 * the person using the service: they say what happened and what to do.
 */

export class NotFoundError extends Error {
  override name = "NotFoundError";
  readonly statusCode = 404;
}

export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  readonly statusCode = 403;
  constructor(message = "You do not have permission to do this") {
    super(message);
  }
}

/** Someone else saved first: the caller's copy is stale and nothing was written. */
export class ConflictError extends Error {
  override name = "ConflictError";
  readonly statusCode = 409;
}

export interface FieldProblem {
  /** The form field (its id) the problem belongs to. */
  field: string;
  message: string;
}

/** Input a person can correct; each problem names its field for the error summary. */
export class ValidationError extends Error {
  override name = "ValidationError";
  readonly statusCode = 400;
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => p.message).join("; "));
    this.problems = problems;
  }

  static single(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

/** A part of the service that is switched off or not installed here. */
export class UnavailableError extends Error {
  override name = "UnavailableError";
  readonly statusCode = 503;
}

/**
 * Sign-in refused without checking the password: too many recent failures for this email address
 * ("user") or from this client address ("address").
 */
export class TooManyAttemptsError extends Error {
  override name = "TooManyAttemptsError";
  readonly statusCode = 429;
  constructor(
    readonly scope: "user" | "address",
    /** Seconds until another attempt may be made; at least 1. */
    readonly retryAfterSeconds: number,
  ) {
    super("Too many attempts to sign in. Wait and try again.");
  }
}
