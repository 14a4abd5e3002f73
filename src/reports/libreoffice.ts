import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Converts a document with headless LibreOffice and returns the converted bytes' file name list.
 * Used to check that generated reports open cleanly in an office suite other than the one that wrote them.
 */
export async function convertWithLibreOffice(
  bytes: Buffer,
  fileName: string,
  to: "pdf" | "csv",
): Promise<{ outputs: string[]; dir: string; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "assure-lo-"));
  const input = join(dir, fileName);
  writeFileSync(input, bytes);
  const profile = join(dir, "profile");
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      join(dir, "out"),
      input,
    ],
    { timeout: 120_000 },
  );
  let outputs: string[] = [];
  try {
    outputs = readdirSync(join(dir, "out"));
  } catch {
    outputs = [];
  }
  return { outputs, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
