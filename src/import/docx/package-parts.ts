import { attr, Ns, streamXml } from "./xml-stream.js";

export interface Relationship {
  type: string;
  /** Zip path of the target, resolved against the source part's folder. */
  target: string;
  external: boolean;
}

/** Reads a .rels part; targets come back as zip paths. */
export function parseRels(
  bytes: Uint8Array | undefined,
  fileName: string,
  part: string,
  sourceFolder: string,
): Relationship[] {
  const rels: Relationship[] = [];
  if (!bytes) return rels;
  streamXml(bytes, fileName, part, {
    open(ns, local, attrs) {
      if (local !== "Relationship" || (ns !== Ns.Rel && ns !== Ns.Other)) return;
      const type = attr(attrs, "Type") ?? "";
      const target = attr(attrs, "Target") ?? "";
      const external = attr(attrs, "TargetMode") === "External";
      rels.push({ type, target: external ? target : resolvePath(sourceFolder, target), external });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** Finds the relationship of a given kind (the last segment of its type URI). */
export function relTarget(rels: readonly Relationship[], kind: string): string | undefined {
  return rels.find((r) => !r.external && r.type.endsWith(`/${kind}`))?.target;
}

export function resolvePath(folder: string, target: string): string {
  const parts = target.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

export function folderOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

/** dc:title from docProps/core.xml, or null when absent or blank. */
export function parseCoreTitle(bytes: Uint8Array | undefined, fileName: string, part: string): string | null {
  if (!bytes) return null;
  let inTitle = false;
  let title = "";
  streamXml(bytes, fileName, part, {
    open(ns, local) {
      if (ns === Ns.Dc && local === "title") inTitle = true;
    },
    close(ns, local) {
      if (ns === Ns.Dc && local === "title") inTitle = false;
    },
    text(t) {
      if (inTitle) title += t;
    },
  });
  const trimmed = title.replace(/\s+/g, " ").trim();
  return trimmed === "" ? null : trimmed;
}
