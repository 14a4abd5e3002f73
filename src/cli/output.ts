import { ImportError } from "../import/errors.js";

/** Exit codes of the CLI contract: 2 for a file that cannot be imported, 1 for anything else. */
export const EXIT_BAD_FILE = 2;
export const EXIT_FAILURE = 1;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export class UsageError extends Error {
  override name = "UsageError";
}

/** Turns any error into one clear line on stderr and the contract's exit code. */
export function failWith(err: unknown): never {
  if (err instanceof ImportError) {
    process.stderr.write(`assure: ${err.message}\n`);
    process.exit(EXIT_BAD_FILE);
  }
  if (err instanceof UsageError) {
    process.stderr.write(`assure: ${err.message}\n`);
    process.exit(EXIT_FAILURE);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`assure: ${message}\n`);
  if (process.env.ASSURE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(EXIT_FAILURE);
}
