import type { Fill } from "exceljs";
import {
  type ColourSources,
  DEFAULT_INDEXED_PALETTE,
  OFFICE_THEME,
  parseIndexedPalette,
  parseThemeColours,
  resolveColour,
  type ThemeColours,
  type XlsxColour,
} from "./colours.js";

export interface WorkbookParts {
  themeXml?: string;
  stylesXml?: string;
}

/**
 * The colour context of one workbook. The theme and styles parts are read only when a cell first
 * needs them, since most plans use explicit RGB fills.
 */
export class WorkbookColours {
  private parts: WorkbookParts | undefined;
  private theme: ThemeColours | undefined;
  private indexed: readonly string[] | undefined;
  private readonly cache = new WeakMap<object, string | null>();

  constructor(
    private readonly loadParts: () => WorkbookParts,
    private readonly warn: (message: string) => void,
  ) {}

  private readonly sources: ColourSources = {
    theme: () => this.themeColours(),
    indexed: () => this.indexedPalette(),
  };

  private loaded(): WorkbookParts {
    this.parts ??= this.loadParts();
    return this.parts;
  }

  private themeColours(): ThemeColours {
    if (!this.theme) {
      const xml = this.loaded().themeXml;
      const parsed = xml ? parseThemeColours(xml) : null;
      if (!parsed)
        this.warn("theme colours read with the default Office theme (the workbook has no readable theme)");
      this.theme = parsed ?? OFFICE_THEME;
    }
    return this.theme;
  }

  private indexedPalette(): readonly string[] {
    if (!this.indexed) {
      const xml = this.loaded().stylesXml;
      this.indexed = (xml ? parseIndexedPalette(xml) : null) ?? DEFAULT_INDEXED_PALETTE;
    }
    return this.indexed;
  }

  /**
   * Background colour of a cell fill. Patterned fills show their foreground colour; the pattern's
   * background colour is ignored because LibreOffice writes an unrelated one. White counts as no fill.
   */
  fillColour(fill: Fill | undefined): string | null {
    if (!fill) return null;
    const cached = this.cache.get(fill);
    if (cached !== undefined) return cached;
    const hex = this.compute(fill);
    this.cache.set(fill, hex);
    return hex;
  }

  private compute(fill: Fill): string | null {
    let hex: string | null = null;
    if (fill.type === "pattern") {
      if (!fill.pattern || fill.pattern === "none") return null;
      hex = resolveColour(fill.fgColor as XlsxColour | undefined, this.sources);
    } else if (fill.type === "gradient") {
      const first = fill.stops?.[0];
      hex = resolveColour(first?.color as XlsxColour | undefined, this.sources);
    }
    return hex === "FFFFFF" ? null : hex;
  }
}
