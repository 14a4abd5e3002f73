import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { projectRoot } from "../paths.js";

/** Views and static files are read from src/ even when the code runs from dist/ (tsc copies no .njk). */
export const viewsDir = join(projectRoot(), "src", "web", "views");
export const publicDir = join(projectRoot(), "src", "web", "public");

const require = createRequire(import.meta.url);
/** node_modules/govuk-frontend/dist: its nunjucks macros are imported as "govuk/components/…". */
export const govukDist = join(dirname(require.resolve("govuk-frontend/package.json")), "dist");
export const govukDir = join(govukDist, "govuk");
