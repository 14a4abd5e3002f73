import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OrganisationDirectory } from "../domain/organisation.js";
import { projectRoot } from "../paths.js";
import { bootstrapUser } from "../services/bootstrap.js";
import type { PasswordHasher } from "../services/passwords.js";
import type { Store } from "../services/store.js";
import type { Role, Services, User } from "../services/types.js";

export interface DemoCredential {
  role: Role;
  email: string;
  password: string;
  organisation: string | null;
}

/** Plans of the demo partnership, oldest first; each becomes a plan of its own. */
const DEMO_PLANS = ["jtai-mental-health-action-plan.docx"];

const DEMO_USERS: {
  role: Exclude<Role, "admin">;
  email: string;
  name: string;
  organisation: string | null;
}[] = [
  {
    role: "editor",
    email: "hospital.editor@example.org",
    name: "Hospital safeguarding lead",
    organisation: "Milton Keynes University Hospital NHS Foundation Trust",
  },
  {
    role: "editor",
    email: "police.editor@example.org",
    name: "Police safeguarding lead",
    organisation: "Thames Valley Police",
  },
  { role: "scrutineer", email: "scrutineer@example.org", name: "Independent Scrutineer", organisation: null },
  { role: "viewer", email: "viewer@example.org", name: "Board member", organisation: null },
];

export function newPassword(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Loads the demo partnership into an empty database: the organisations of the seeds with their
 * aliases, the sample plan imported through the same path a person uses, and a user per role with a
 * fresh password. Returns the credentials so the caller can print them once.
 */
export async function loadDemo(deps: {
  store: Store;
  services: Services;
  passwords: PasswordHasher;
  directory: OrganisationDirectory;
}): Promise<DemoCredential[] | null> {
  if ((await deps.store.users.list()).length > 0) return null;
  const { services } = deps;
  const adminPassword = newPassword();
  const admin: User = await bootstrapUser(deps.store, deps.passwords, {
    email: "admin@example.org",
    name: "Partnership admin",
    password: adminPassword,
    role: "admin",
    organisationId: null,
  });
  const credentials: DemoCredential[] = [
    { role: "admin", email: admin.email, password: adminPassword, organisation: null },
  ];

  const existing = new Set((await services.organisations.list(admin)).map((o) => o.name));
  for (const org of deps.directory.organisations) {
    if (existing.has(org.name)) continue;
    const created = await services.organisations.create(admin, org.name);
    for (const alias of org.aliases) await services.organisations.addAlias(admin, created.id, alias);
  }

  for (const file of DEMO_PLANS) {
    const bytes = readFileSync(join(projectRoot(), "demo", "plans", file));
    const preview = await services.imports.stage(admin, { fileName: file, bytes }, { kind: "new" });
    await services.imports.confirm(admin, preview.id, { kind: "new" });
  }

  const orgs = await services.organisations.list(admin);
  for (const u of DEMO_USERS) {
    const organisationId = u.organisation ? (orgs.find((o) => o.name === u.organisation)?.id ?? null) : null;
    const password = newPassword();
    await services.users.create(admin, {
      email: u.email,
      name: u.name,
      role: u.role,
      organisationId,
      password,
    });
    credentials.push({ role: u.role, email: u.email, password, organisation: u.organisation });
  }
  return credentials;
}

export function formatCredentials(credentials: DemoCredential[]): string {
  const lines = [
    "Demo partnership loaded. These passwords are shown once; sign in at the address below.",
    ...credentials.map(
      (c) =>
        `  ${c.role.padEnd(10)} ${c.email.padEnd(30)} ${c.password}${c.organisation ? `  (${c.organisation})` : ""}`,
    ),
  ];
  return lines.join("\n");
}
