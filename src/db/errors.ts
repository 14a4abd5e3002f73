/** Someone else changed the row since the caller read it; the caller must reload and decide again. */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    message: string,
    readonly entity: string,
    readonly entityId: number,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(
    readonly entity: string,
    readonly entityId: number | string,
  ) {
    super(`No ${entity} with id ${entityId}`);
  }
}

/** The request is well-formed but the data does not allow it (e.g. updating a withdrawn action). */
export class InvalidStateError extends Error {
  override name = "InvalidStateError";
}
