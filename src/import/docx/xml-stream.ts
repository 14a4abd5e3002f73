import { SaxesParser } from "saxes";
import { ImportError } from "../errors.js";

/** Namespaces the reader cares about; transitional and strict OOXML spell them differently. */
export const Ns = { Other: 0, W: 1, Mc: 2, A: 3, Dc: 4, Rel: 5 } as const;
export type Ns = (typeof Ns)[keyof typeof Ns];

const NAMESPACES: Record<string, Ns> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": Ns.W,
  "http://purl.oclc.org/ooxml/wordprocessingml/main": Ns.W,
  "http://schemas.openxmlformats.org/markup-compatibility/2006": Ns.Mc,
  "http://schemas.openxmlformats.org/drawingml/2006/main": Ns.A,
  "http://purl.oclc.org/ooxml/drawingml/main": Ns.A,
  "http://purl.org/dc/elements/1.1/": Ns.Dc,
  "http://schemas.openxmlformats.org/package/2006/relationships": Ns.Rel,
};

export type Attrs = Record<string, string>;

export interface XmlHandler {
  open(ns: Ns, local: string, attrs: Attrs): void;
  close(ns: Ns, local: string): void;
  text(text: string): void;
}

interface Scope {
  prefixes: Map<string, Ns>;
  names: Map<string, readonly [Ns, string]>;
  /** Depth of the element that opened this scope. */
  depth: number;
}

/**
 * Reads an attribute by its local name whatever prefix the producer gave it. OOXML attributes are
 * normally `w:val`, but some writers leave them unprefixed.
 */
export function attr(attrs: Attrs, local: string): string | undefined {
  const direct = attrs[`w:${local}`] ?? attrs[local];
  if (direct !== undefined) return direct;
  for (const key in attrs) {
    const colon = key.indexOf(":");
    if (colon >= 0 && key.slice(colon + 1) === local && !key.startsWith("xmlns")) return attrs[key];
  }
  return undefined;
}

/** OOXML on/off values: absent means on; "false", "0", "off" mean off. */
export function isOn(attrs: Attrs): boolean {
  const v = attr(attrs, "val");
  return v === undefined || !(v === "false" || v === "0" || v === "off");
}

export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * Streams one XML part into a handler, resolving namespace prefixes itself (saxes' own namespace
 * mode costs twice the time). Any DOCTYPE is refused: OOXML never needs one, and entity
 * declarations are the route to expansion attacks.
 */
export function streamXml(bytes: Uint8Array, fileName: string, part: string, handler: XmlHandler): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const scopes: Scope[] = [{ prefixes: new Map(), names: new Map(), depth: 0 }];
  const text = decodeXml(bytes);
  let nextDeclaration = text.indexOf("xmlns");
  let depth = 0;
  const stack: (readonly [Ns, string])[] = [];

  const resolve = (scope: Scope, qname: string): readonly [Ns, string] => {
    let hit = scope.names.get(qname);
    if (hit === undefined) {
      const colon = qname.indexOf(":");
      const prefix = colon < 0 ? "" : qname.slice(0, colon);
      hit = [scope.prefixes.get(prefix) ?? Ns.Other, colon < 0 ? qname : qname.slice(colon + 1)] as const;
      scope.names.set(qname, hit);
    }
    return hit;
  };

  parser.on("doctype", () => {
    throw new ImportError(
      fileName,
      `refused: ${part} contains a DOCTYPE declaration, which Word never writes`,
    );
  });
  parser.on("error", (err) => {
    throw new ImportError(fileName, `has malformed XML in ${part} (${oneLine(err.message)})`);
  });
  parser.on("opentag", (tag) => {
    depth++;
    const attrs = tag.attributes as Attrs;
    let scope = scopes[scopes.length - 1] as Scope;
    // Scanning every element's attributes for declarations doubles the parse time, so only the
    // start tags that contain the next "xmlns" in the text are scanned.
    if (nextDeclaration >= 0 && parser.position > nextDeclaration) {
      nextDeclaration = text.indexOf("xmlns", parser.position);
      let declared: Map<string, Ns> | null = null;
      for (const key in attrs) {
        if (key.charCodeAt(0) !== 120 || !key.startsWith("xmlns")) continue;
        if (key.length !== 5 && key.charCodeAt(5) !== 58) continue;
        declared ??= new Map(scope.prefixes);
        declared.set(key.length === 5 ? "" : key.slice(6), NAMESPACES[attrs[key] ?? ""] ?? Ns.Other);
      }
      if (declared) {
        scope = { prefixes: declared, names: new Map(), depth };
        scopes.push(scope);
      }
    }
    const name = resolve(scope, tag.name);
    stack.push(name);
    handler.open(name[0], name[1], attrs);
  });
  parser.on("closetag", () => {
    const name = stack.pop();
    if (name) handler.close(name[0], name[1]);
    const scope = scopes[scopes.length - 1] as Scope;
    if (scope.depth === depth && scopes.length > 1) scopes.pop();
    depth--;
  });
  parser.on("text", (t) => handler.text(t));
  parser.on("cdata", (t) => handler.text(t));
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(fileName, `has malformed XML in ${part} (${oneLine((err as Error).message)})`);
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
