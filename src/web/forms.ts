/**
 * One view of a submitted form, whether it came url-encoded (@fastify/formbody) or as multipart with
 * its fields attached to the body (@fastify/multipart, attachFieldsToBody).
 */

export interface FilePart {
  fileName: string;
  mimetype: string;
  bytes: Buffer;
  /** The file went over the route's size limit and was cut short. */
  truncated: boolean;
}

export interface Form {
  get(name: string): string;
  all(name: string): string[];
  files(name: string): FilePart[];
}

interface MultipartField {
  type: "field";
  value: unknown;
}
interface MultipartFile {
  type: "file";
  filename: string;
  mimetype: string;
  _buf: Buffer | null;
  file: { truncated?: boolean };
}

function isPart(v: unknown): v is MultipartField | MultipartFile {
  return typeof v === "object" && v !== null && "type" in v && (v.type === "field" || v.type === "file");
}

export function readForm(body: unknown): Form {
  const values = new Map<string, string[]>();
  const files = new Map<string, FilePart[]>();
  if (typeof body === "object" && body !== null) {
    for (const [name, raw] of Object.entries(body)) {
      for (const v of Array.isArray(raw) ? raw : [raw]) {
        if (isPart(v)) {
          if (v.type === "field") {
            values.set(name, [...(values.get(name) ?? []), String(v.value ?? "")]);
          } else if (v.filename || (v._buf && v._buf.length > 0)) {
            // A file input left empty still sends a part with no name and no bytes: that is no file.
            const part: FilePart = {
              fileName: v.filename,
              mimetype: v.mimetype,
              bytes: v._buf ?? Buffer.alloc(0),
              truncated: v.file?.truncated === true,
            };
            files.set(name, [...(files.get(name) ?? []), part]);
          }
        } else if (typeof v === "string") {
          values.set(name, [...(values.get(name) ?? []), v]);
        }
      }
    }
  }
  return {
    get: (name) => values.get(name)?.[0] ?? "",
    all: (name) => values.get(name) ?? [],
    files: (name) => files.get(name) ?? [],
  };
}

/** Reads a query-string value that may be repeated or missing. */
export function queryValue(query: unknown, name: string): string {
  if (typeof query !== "object" || query === null) return "";
  const v = (query as Record<string, unknown>)[name];
  if (Array.isArray(v)) return typeof v[0] === "string" ? v[0] : "";
  return typeof v === "string" ? v : "";
}
