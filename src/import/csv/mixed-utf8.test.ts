import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeMixedUtf8, scanUtf8 } from "./mixed-utf8.js";

describe("scanUtf8", () => {
  it("counts multi-byte sequences and stray bytes", () => {
    expect(scanUtf8(Buffer.from("café – £5", "utf8"))).toEqual({ multibyte: 3, invalid: 0 });
    expect(scanUtf8(iconv.encode("café – £5", "windows-1252"))).toEqual({ multibyte: 0, invalid: 3 });
  });

  it("rejects overlong forms and surrogates", () => {
    expect(scanUtf8(new Uint8Array([0xc0, 0xaf]))).toEqual({ multibyte: 0, invalid: 2 });
    expect(scanUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toEqual({ multibyte: 0, invalid: 3 });
  });
});

describe("decodeMixedUtf8", () => {
  it("reads UTF-8 as UTF-8 and stray bytes as windows-1252", () => {
    const buf = Buffer.concat([
      Buffer.from("“Review” – café, ", "utf8"),
      iconv.encode("£500 – ’", "windows-1252"),
      Buffer.from(" 😀", "utf8"),
    ]);
    expect(decodeMixedUtf8(buf)).toBe("“Review” – café, £500 – ’ 😀");
  });
});
