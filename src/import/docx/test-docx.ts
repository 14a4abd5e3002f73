import { strToU8, type Zippable, zipSync } from "fflate";

/** Builds small .docx files from hand-written XML for tests. */

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface DocxParts {
  /** Body content (wrapped in w:document/w:body), or a whole part if it starts with "<?xml" or "<!". */
  document?: string;
  /** Content of w:styles, or a whole part. */
  styles?: string;
  /** Content of a:clrScheme, or a whole part. */
  theme?: string;
  footer?: string;
  header?: string;
  /** dc:title of docProps/core.xml. */
  title?: string;
  /** Further parts by zip path, written as given. */
  extra?: Record<string, string | Uint8Array>;
}

const whole = (xml: string) => xml.startsWith("<?xml") || xml.startsWith("<!");

export function documentXml(body: string): string {
  if (whole(body)) return body;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NS}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

export function makeDocx(parts: DocxParts): Uint8Array {
  const files: Zippable = {};
  const rels: string[] = [];
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  if (parts.document !== undefined) files["word/document.xml"] = strToU8(documentXml(parts.document));
  if (parts.styles !== undefined) {
    files["word/styles.xml"] = strToU8(
      whole(parts.styles)
        ? parts.styles
        : `<?xml version="1.0"?><w:styles xmlns:w="${W_NS}">${parts.styles}</w:styles>`,
    );
    rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  if (parts.theme !== undefined) {
    files["word/theme/theme1.xml"] = strToU8(
      whole(parts.theme)
        ? parts.theme
        : `<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:clrScheme name="Office">${parts.theme}</a:clrScheme></a:themeElements></a:theme>`,
    );
    rels.push(`<Relationship Id="rIdT" Type="${REL}/theme" Target="theme/theme1.xml"/>`);
  }
  for (const kind of ["header", "footer"] as const) {
    const xml = parts[kind];
    if (xml === undefined) continue;
    const root = kind === "header" ? "w:hdr" : "w:ftr";
    files[`word/${kind}1.xml`] = strToU8(
      whole(xml) ? xml : `<?xml version="1.0"?><${root} xmlns:w="${W_NS}">${xml}</${root}>`,
    );
    rels.push(`<Relationship Id="rId${kind}" Type="${REL}/${kind}" Target="${kind}1.xml"/>`);
  }
  files["word/_rels/document.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  if (parts.title !== undefined) {
    files["docProps/core.xml"] = strToU8(
      `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${parts.title}</dc:title></cp:coreProperties>`,
    );
  }
  for (const [name, content] of Object.entries(parts.extra ?? {})) {
    files[name] = typeof content === "string" ? strToU8(content) : content;
  }
  return zipSync(files);
}

/** A paragraph with one run of text; `ppr` and `rpr` are inner XML of w:pPr and w:rPr. */
export function p(text: string, ppr = "", rpr = ""): string {
  const props = ppr ? `<w:pPr>${ppr}</w:pPr>` : "";
  const run =
    text === ""
      ? ""
      : `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  return `<w:p>${props}${run}</w:p>`;
}

/** A cell; `content` is its paragraphs (a bare string becomes one paragraph), `tcpr` inner XML of w:tcPr. */
export function tc(content: string, tcpr = ""): string {
  const inner = content.startsWith("<") ? content : p(content);
  return `<w:tc>${tcpr ? `<w:tcPr>${tcpr}</w:tcPr>` : ""}${inner}</w:tc>`;
}

export function tr(cells: string[], trpr = ""): string {
  return `<w:tr>${trpr ? `<w:trPr>${trpr}</w:trPr>` : ""}${cells.join("")}</w:tr>`;
}

export function tbl(rows: string[], tblpr = ""): string {
  return `<w:tbl><w:tblPr>${tblpr}</w:tblPr>${rows.join("")}</w:tbl>`;
}
