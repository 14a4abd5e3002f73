import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, ImportError } from "../errors.js";
import { checkWorkbookContainer } from "./workbook-guard.js";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function cfb(streamName: string): Uint8Array {
  const out = new Uint8Array(2048);
  out.set(CFB_MAGIC, 0);
  out.set(Buffer.from(streamName, "utf16le"), 1024);
  return out;
}

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportError) return err.reason;
    throw err;
  }
  throw new Error("expected an ImportError");
}

/**
 * A zip whose headers claim the entry is as small as its compressed data, so that the declared
 * sizes pass every check and only inflating reveals the bomb.
 */
function lyingBomb(): Uint8Array {
  const zip = zipSync({ "xl/workbook.xml": new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, view.getUint32(i + 18, true), true);
    if (sig === 0x02014b50) view.setUint32(i + 24, view.getUint32(i + 20, true), true);
  }
  return zip;
}

describe("checkWorkbookContainer", () => {
  it("says a password-protected workbook is password-protected", () => {
    expect(reason(() => checkWorkbookContainer(cfb("EncryptedPackage"), "p.xlsx", DEFAULT_LIMITS))).toMatch(
      /^is password-protected/,
    );
  });

  it("says a legacy .xls is one", () => {
    expect(reason(() => checkWorkbookContainer(cfb("Workbook"), "p.xlsx", DEFAULT_LIMITS))).toMatch(
      /legacy Excel 97–2003 \(\.xls\)/,
    );
  });

  it("says an .xlsb is one", () => {
    const xlsb = zipSync({ "xl/workbook.bin": new Uint8Array([1, 2, 3]) });
    expect(reason(() => checkWorkbookContainer(xlsb, "p.xlsx", DEFAULT_LIMITS))).toMatch(/binary \(\.xlsb\)/);
  });

  it("refuses a zip without a workbook part", () => {
    const other = zipSync({ "readme.txt": strToU8("hello") });
    expect(reason(() => checkWorkbookContainer(other, "p.xlsx", DEFAULT_LIMITS))).toBe(
      "is not an Excel workbook (it has no workbook part)",
    );
  });

  it("refuses a file over the size limit before reading it", () => {
    expect(
      reason(() =>
        checkWorkbookContainer(new Uint8Array(2048), "p.xlsx", { ...DEFAULT_LIMITS, maxFileBytes: 1024 }),
      ),
    ).toMatch(/more than the 1 KB limit/);
  });

  it("refuses a zip bomb that declares its sizes honestly", () => {
    const bomb = zipSync({ "xl/workbook.xml": new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    expect(reason(() => checkWorkbookContainer(bomb, "p.xlsx", DEFAULT_LIMITS))).toMatch(
      /zip bomb: .* expands \d+ times/,
    );
  });

  it("refuses a zip bomb whose headers lie about its size", () => {
    const bomb = lyingBomb();
    expect(reason(() => checkWorkbookContainer(bomb, "p.xlsx", DEFAULT_LIMITS))).toMatch(
      /zip bomb: "xl\/workbook\.xml" expands beyond its limit/,
    );
  });

  it("accepts an ordinary workbook container", () => {
    const ok = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
    expect(checkWorkbookContainer(ok, "p.xlsx", DEFAULT_LIMITS).map((e) => e.name)).toEqual([
      "xl/workbook.xml",
    ]);
  });
});
