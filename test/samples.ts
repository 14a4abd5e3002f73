import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The sample plans (the JTAI plan of seed 001 as .docx, .xlsx and .csv), kept in the repository. */
export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "demo", "plans");
