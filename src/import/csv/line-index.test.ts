import { describe, expect, it } from "vitest";
import { LineIndex } from "./line-index.js";

describe("LineIndex", () => {
  it("counts CRLF, LF and lone CR as one line break each", () => {
    const text = "a\r\nb\nc\rd";
    const index = new LineIndex(Buffer.from(text, "utf8"));
    expect(["a", "b", "c", "d"].map((ch) => index.lineAt(text.indexOf(ch)))).toEqual([1, 2, 3, 4]);
  });

  it("puts the break itself on the line it ends", () => {
    const index = new LineIndex(Buffer.from("ab\r\ncd", "utf8"));
    expect([0, 2, 3, 4].map((o) => index.lineAt(o))).toEqual([1, 1, 1, 2]);
  });
});
