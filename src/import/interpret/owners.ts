import type { OrganisationDirectory } from "../../domain/organisation.js";
import { resolveOrganisations } from "../../domain/organisations.js";
import type { Warning } from "../../domain/plan.js";

/** Headings that belong to the whole partnership rather than to one agency. */
const SHARED =
  /\bmulti[\s-]?agenc(?:y|ies)\b|\bsystem\b|\bpartnership\b|\ball\s+agencies\b|\bcross[\s-]agency\b/i;

export function isSharedHeading(text: string): boolean {
  return SHARED.test(text);
}

/**
 * Decides who owns sections and actions through the alias table, remembering every text it has
 * resolved (leads repeat across hundreds of rows).
 */
export class OwnerResolver {
  private readonly cache = new Map<string, string[]>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly warn: (w: Warning) => void,
  ) {}

  resolve(text: string): string[] {
    const key = text.trim();
    if (key === "") return [];
    let hit = this.cache.get(key);
    if (!hit) {
      hit = dedupe(resolveOrganisations(key, this.directory));
      this.cache.set(key, hit);
    }
    return hit;
  }

  /**
   * A section heading names its agency. A heading the alias table does not know still names one
   * (a partnership's own service), unless it is shared multi-agency work.
   */
  section(name: string, where: string): string[] {
    const found = this.resolve(name);
    if (found.length > 0 || isSharedHeading(name)) return found;
    return [this.unknown(name, where)];
  }

  /**
   * An organisation column first, then the lead's words, then the section's owner. Organisations a
   * lead names beside an organisation column (a joint lead from another agency) are owners too.
   */
  action(orgText: string, leadText: string, sectionOwners: readonly string[], where: string): string[] {
    const fromLead = this.resolve(leadText);
    const org = orgText.trim();
    if (org !== "") {
      let fromColumn = this.resolve(org);
      if (fromColumn.length === 0 && !isSharedHeading(org))
        fromColumn = [this.unknown(org.replace(/\s+/g, " "), where)];
      if (fromColumn.length > 0) return dedupe([...fromColumn, ...fromLead]);
    }
    if (fromLead.length > 0) return fromLead;
    return [...sectionOwners];
  }

  private unknown(name: string, where: string): string {
    if (!this.warned.has(name)) {
      this.warned.add(name);
      this.warn({ where, message: `organisation "${name}" is not in the alias table` });
    }
    return name;
  }
}

function dedupe(names: readonly string[]): string[] {
  return [...new Set(names)];
}
