import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding } from "./detect-encoding.js";

const text = "Ref,Action,Lead\n1,“Review” £5 café – done,Jo\n";

describe("detectEncoding", () => {
  it("recognises a UTF-8 BOM", () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect(detectEncoding(buf)).toEqual({ kind: "text", encoding: "utf-8", bomLength: 3, guessed: false });
  });

  it("recognises UTF-16 BOMs in both byte orders", () => {
    expect(detectEncoding(iconv.encode(text, "utf-16le", { addBOM: true }))).toMatchObject({
      encoding: "utf-16le",
      bomLength: 2,
    });
    expect(detectEncoding(iconv.encode(text, "utf-16be", { addBOM: true }))).toMatchObject({
      encoding: "utf-16be",
      bomLength: 2,
    });
  });

  it("recognises UTF-16 without a BOM from the alternating NUL bytes", () => {
    expect(detectEncoding(iconv.encode(text, "utf-16le"))).toEqual({
      kind: "text",
      encoding: "utf-16le",
      bomLength: 0,
      guessed: false,
    });
    expect(detectEncoding(iconv.encode(text, "utf-16be"))).toMatchObject({
      encoding: "utf-16be",
      bomLength: 0,
    });
  });

  it("takes valid UTF-8 without a BOM as UTF-8", () => {
    expect(detectEncoding(Buffer.from(text, "utf8"))).toEqual({
      kind: "text",
      encoding: "utf-8",
      bomLength: 0,
      guessed: false,
    });
  });

  it("falls back to windows-1252, marked as a guess, for bytes that are not UTF-8", () => {
    expect(detectEncoding(iconv.encode(text, "windows-1252"))).toEqual({
      kind: "text",
      encoding: "windows-1252",
      bomLength: 0,
      guessed: true,
    });
  });

  it("calls a file with stray NUL bytes or many control bytes binary", () => {
    expect(
      detectEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x61, 0x62, 0x63])),
    ).toEqual({
      kind: "binary",
    });
    const controls = Buffer.from("abc\u0001\u0002\u0003\u0004def\u0005\u0006ghi", "latin1");
    expect(detectEncoding(controls)).toEqual({ kind: "binary" });
  });

  it("treats an empty buffer as (empty) UTF-8 text", () => {
    expect(detectEncoding(new Uint8Array(0))).toMatchObject({ kind: "text", encoding: "utf-8" });
  });
});

describe("detectEncoding on mixed files", () => {
  it("calls a mostly-UTF-8 file with a stray windows-1252 byte mixed", () => {
    const buf = Buffer.concat([
      Buffer.from("Ref,Action\n1,“Review” – café – ‘done’\n", "utf8"),
      Buffer.from([0xa3]),
    ]);
    expect(detectEncoding(buf)).toEqual({ kind: "text", encoding: "mixed", bomLength: 0, guessed: true });
  });
});
