/**
 * A jsonb parameter. Always pass JSON text: node-postgres sends a JS array as a PostgreSQL array literal,
 * which jsonb rejects, and PGlite passes strings through unchanged — so text is the one form both accept.
 */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}
