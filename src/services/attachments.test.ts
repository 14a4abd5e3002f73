import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkAttachments, safeFileName, sniffAttachment } from "./attachments.js";
import { ValidationError } from "./errors.js";

const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const docx = Buffer.from(zipSync({ "word/document.xml": new TextEncoder().encode("<w:document/>") }));
const xlsx = Buffer.from(zipSync({ "xl/workbook.xml": new TextEncoder().encode("<workbook/>") }));
const otherZip = Buffer.from(zipSync({ "hello.txt": new TextEncoder().encode("hi") }));

describe("sniffAttachment", () => {
  it("recognises each allowed type by its content", () => {
    expect(sniffAttachment(pdf, "a.pdf")).toBe("pdf");
    expect(sniffAttachment(png, "a.png")).toBe("png");
    expect(sniffAttachment(jpg, "a.jpeg")).toBe("jpg");
    expect(sniffAttachment(docx, "a.docx")).toBe("docx");
    expect(sniffAttachment(xlsx, "a.xlsx")).toBe("xlsx");
    expect(sniffAttachment(Buffer.from("ref,status\n1,Green\n"), "a.csv")).toBe("csv");
    expect(sniffAttachment(Buffer.from("Minutes – 3 March £5"), "a.txt")).toBe("txt");
  });
  it("does not take the extension's word for it", () => {
    expect(sniffAttachment(Buffer.from("MZ\x90\x00executable"), "evil.pdf")).toBeNull();
    expect(sniffAttachment(otherZip, "a.docx")).toBeNull();
    expect(sniffAttachment(Buffer.from([0x41, 0, 0x42]), "binary.txt")).toBeNull();
  });
});

describe("checkAttachments", () => {
  it("accepts good files and gives them the media type of their content", () => {
    const [f] = checkAttachments(
      [{ fileName: "../../report.pdf", declaredType: "text/html", bytes: pdf }],
      1000,
    );
    expect(f).toMatchObject({ fileName: "report.pdf", mediaType: "application/pdf" });
  });
  it("refuses a file whose content and extension disagree", () => {
    expect(() =>
      checkAttachments([{ fileName: "photo.pdf", declaredType: "application/pdf", bytes: png }], 1000),
    ).toThrow(/must be a PDF, DOCX/);
  });
  it("refuses files over the size limit, empty files and unlisted types, naming each", () => {
    try {
      checkAttachments(
        [
          { fileName: "big.pdf", declaredType: "", bytes: Buffer.concat([pdf, Buffer.alloc(2000)]) },
          { fileName: "empty.txt", declaredType: "", bytes: Buffer.alloc(0) },
          { fileName: "page.html", declaredType: "text/html", bytes: Buffer.from("<script>") },
        ],
        1000,
      );
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      const messages = (err as ValidationError).problems.map((p) => p.message);
      expect(messages).toEqual([
        "The selected file big.pdf must be smaller than 1000 bytes",
        "The selected file empty.txt is empty",
        "The selected file page.html must be a PDF, DOCX, XLSX, PNG, JPG, TXT or CSV",
      ]);
    }
  });
  it("strips paths and control characters from names", () => {
    expect(safeFileName('C:\\Users\\x\\"ev\u0000il".pdf')).toBe("evil.pdf");
    expect(safeFileName("")).toBe("attachment");
  });
});
