/**
 * Rewrites the committed good fixtures and their expected JSON under test/fixtures/. Skipped unless
 * REGENERATE_FIXTURES=1, because the committed bytes are what the importer is tested against:
 *   REGENERATE_FIXTURES=1 npx vitest run test/make-fixtures
 * Review the diff of the expected JSON by eye before committing it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedFileName, GOOD_FIXTURES } from "./good-fixtures.js";

const FIXTURES_DIR = join(import.meta.dirname, "..", "fixtures");

describe.skipIf(process.env.REGENERATE_FIXTURES !== "1")("regenerate good fixtures", () => {
  for (const f of GOOD_FIXTURES) {
    it(f.file, async () => {
      const built = await f.build();
      expect(built.file).toBe(f.file);
      writeFileSync(join(FIXTURES_DIR, built.file), built.bytes);
      writeFileSync(
        join(FIXTURES_DIR, expectedFileName(built.file)),
        `${JSON.stringify(built.expected, null, 2)}\n`,
      );
    });
  }
});
