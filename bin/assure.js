#!/usr/bin/env node
// The CLI runs from the compiled output; `npm ci` builds it through the prepare script.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const entry = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "src", "cli", "main.js");
if (!existsSync(entry)) {
  console.error("assure: not built yet; run `npm run build` first");
  process.exit(1);
}
await import(entry);
