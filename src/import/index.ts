/** The importer's public face: read a plan file (docx, xlsx, csv) into a ParsedPlan. */
export { DEFAULT_LIMITS, ImportError, type ReadLimits } from "./errors.js";
export { type InterpretOptions, interpret, NOT_A_PLAN } from "./interpret/interpret.js";
export { type ParseOptions, parseBuffer, parseFile } from "./parse-file.js";
export type { RawBlock, RawCell, RawDocument, RawParagraph, RawRow, RawTable } from "./raw.js";
