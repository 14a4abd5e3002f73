/**
 * Test support: what the services showed, with every id replaced by a label given in order of first
 * appearance, so runs over different stores (integer ids in the database, random ones in memory) can be
 * compared value for value. The kind of an id comes from its key, or from the collection it sits in.
 */

type Kind =
  | "plan"
  | "action"
  | "organisation"
  | "user"
  | "finding"
  | "challenge"
  | "update"
  | "attachment"
  | "version"
  | "audit";

const ID_KEYS: Record<string, Kind> = {
  planId: "plan",
  actionId: "action",
  organisationId: "organisation",
  findingId: "finding",
  actorId: "user",
  userId: "user",
  raisedById: "user",
  resolvedById: "user",
  importedById: "user",
};

/** What the objects under a key are, when that says what their `id` is. */
const CHILD_KINDS: Record<string, Kind> = {
  organisations: "organisation",
  findings: "finding",
  timeline: "update",
  attachments: "attachment",
  challenges: "challenge",
  versions: "version",
  plans: "plan",
  myActions: "action",
  action: "action",
  user: "user",
};

const ENTITY_KINDS: Record<string, Kind> = {
  plan: "plan",
  action: "action",
  organisation: "organisation",
  user: "user",
  challenge: "challenge",
};

/** Values that depend on the wall clock rather than the services' clock. */
const CLOCK_KEYS = new Set(["createdAt"]);

export class Transcript {
  private readonly labels = new Map<string, string>();
  private readonly counts = new Map<Kind, number>();

  /** `replace`: text that differs between runs by design (e.g. a random tag in email addresses). */
  constructor(private readonly replace: Record<string, string> = {}) {}

  private text(value: string): string {
    let out = value;
    for (const [from, to] of Object.entries(this.replace)) out = out.split(from).join(to);
    return out;
  }

  private label(kind: Kind, id: unknown): unknown {
    if (typeof id !== "string") return id;
    const key = `${kind}\u0000${id}`;
    let label = this.labels.get(key);
    if (!label) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      label = `${kind}#${n}`;
      this.labels.set(key, label);
    }
    return label;
  }

  /** `kind` says what an `id` directly on `value` (or on its elements) identifies. */
  normalise(value: unknown, kind?: Kind): unknown {
    if (Array.isArray(value)) return value.map((v) => this.normalise(v, kind));
    if (Buffer.isBuffer(value)) return { bytes: value.toString("base64") };
    if (typeof value === "string") return this.text(value);
    if (value === null || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    // Sorted, so labels are handed out in the same order whatever order the keys were written in.
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (key === "id") {
        if (!kind) throw new Error(`An id with no known kind: ${JSON.stringify(record).slice(0, 200)}`);
        out[key] = this.label(kind, v);
      } else if (ID_KEYS[key]) {
        out[key] = this.label(ID_KEYS[key], v);
      } else if (key === "entityId") {
        const entityKind = ENTITY_KINDS[String(record.entityType)];
        out[key] = entityKind ? this.label(entityKind, v) : v;
      } else if (CLOCK_KEYS.has(key)) {
        out[key] = typeof v === "string" ? "(wall clock)" : v;
      } else {
        out[key] = this.normalise(v, CHILD_KINDS[key]);
      }
    }
    return out;
  }
}
