import type { ThemeColours } from "./colour.js";
import { hexColour } from "./colour.js";
import { attr, Ns, streamXml } from "./xml-stream.js";

/** System colours a theme may name instead of giving a hex value. */
const SYSTEM: Record<string, string> = { window: "FFFFFF", windowText: "000000" };

/** Reads the first a:clrScheme of a theme part: slot name (dk1, accent1, …) to hex. */
export function parseTheme(bytes: Uint8Array | undefined, fileName: string, part: string): ThemeColours {
  const colours = new Map<string, string>();
  if (!bytes) return colours;
  let inScheme = false;
  let done = false;
  let slot: string | null = null;
  streamXml(bytes, fileName, part, {
    open(ns, local, attrs) {
      if (done || ns !== Ns.A) return;
      if (local === "clrScheme") inScheme = true;
      else if (inScheme && slot === null) slot = local;
      else if (inScheme && slot !== null && !colours.has(slot)) {
        const hex =
          local === "srgbClr"
            ? hexColour(attr(attrs, "val"))
            : local === "sysClr"
              ? (hexColour(attr(attrs, "lastClr")) ?? SYSTEM[attr(attrs, "val") ?? ""] ?? null)
              : null;
        if (hex !== null) colours.set(slot, hex);
      }
    },
    close(ns, local) {
      if (done || ns !== Ns.A) return;
      if (local === "clrScheme") {
        inScheme = false;
        done = true;
      } else if (local === slot) slot = null;
    },
    text() {},
  });
  return colours;
}
