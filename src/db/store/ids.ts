import { NotFoundError } from "../../services/errors.js";

/**
 * The Store speaks in string ids and ISO text; the database in integer keys and Dates. These convert at
 * the boundary, so nothing past it sees the other's form.
 */

const MAX_INT4 = 2_147_483_647;
const INTEGER = /^[1-9][0-9]{0,9}$/;

/** The database key a Store id stands for, or null when it cannot be one (so nothing has that id). */
export function dbId(id: string | null | undefined): number | null {
  if (typeof id !== "string" || !INTEGER.test(id)) return null;
  const n = Number(id);
  return n <= MAX_INT4 ? n : null;
}

/** The key of something that must exist, for writes: an id that cannot be a key names nothing. */
export function requireId(id: string, what: string): number {
  const n = dbId(id);
  if (n === null) throw new NotFoundError(`No ${what} with id ${id}`);
  return n;
}

export function storeId(id: number): string {
  return String(id);
}

export function storeIdOrNull(id: number | null): string | null {
  return id === null ? null : String(id);
}

export function iso(at: Date): string {
  return at.toISOString();
}

export function isoOrNull(at: Date | null): string | null {
  return at === null ? null : at.toISOString();
}

/** Bytes from either driver (node-postgres: Buffer, PGlite: Uint8Array) as a Buffer of their own. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
