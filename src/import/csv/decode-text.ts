import iconv from "iconv-lite";
import { ImportError } from "../errors.js";
import { detectEncoding } from "./detect-encoding.js";
import { decodeMixedUtf8, linesWithInvalidUtf8 } from "./mixed-utf8.js";

export interface DecodedText {
  text: string;
  encoding: string;
  warnings: { where: string; message: string }[];
}

/** Turns a text file's bytes into a string, refusing binary files. */
export function decodeText(buf: Uint8Array, fileName: string): DecodedText {
  const detected = detectEncoding(buf);
  if (detected.kind === "binary") throw new ImportError(fileName, "is a binary file, not CSV text");
  const body = buf.subarray(detected.bomLength);
  const text =
    detected.encoding === "mixed"
      ? decodeMixedUtf8(body)
      : // iconv-lite wants a Buffer; this view shares the bytes rather than copying them.
        iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), detected.encoding, {
          stripBOM: false,
        });
  if (detected.encoding.startsWith("utf-16") && text.includes("\u0000")) {
    throw new ImportError(fileName, "is a binary file, not CSV text");
  }
  const warnings = !detected.guessed
    ? []
    : detected.encoding === "mixed"
      ? [
          {
            where: `line ${linesWithInvalidUtf8(body).join(", ")}`,
            message: "mostly UTF-8 with some bytes that are not; those read as Windows-1252",
          },
        ]
      : [{ where: "file", message: "not valid UTF-8; read as Windows-1252" }];
  return { text, encoding: detected.encoding, warnings };
}
