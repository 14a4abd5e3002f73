import { describe, expect, it } from "vitest";
import {
  canImport,
  canManageUsers,
  canRaiseChallenge,
  canRead,
  canResolveChallenge,
  canUpdateAction,
  canViewAudit,
} from "./permissions.js";
import type { Role, User } from "./types.js";

function user(role: Role, organisationId: string | null = null, disabled = false): User {
  return {
    id: "u",
    email: "u@x.org",
    name: "U",
    role,
    organisationId,
    organisationName: null,
    disabled,
    createdAt: "",
  };
}

const owned = (...ids: string[]) => ({
  organisations: ids.map((id) => ({ id, name: id })),
  withdrawn: false,
});

describe("canUpdateAction", () => {
  it("lets an editor update actions of their own organisation only", () => {
    expect(canUpdateAction(user("editor", "police"), owned("police"))).toBe(true);
    expect(canUpdateAction(user("editor", "police"), owned("health"))).toBe(false);
  });
  it("lets any of several owning organisations update a joint action", () => {
    expect(canUpdateAction(user("editor", "council"), owned("police", "council"))).toBe(true);
    expect(canUpdateAction(user("editor", "police"), owned("police", "council"))).toBe(true);
  });
  it("refuses an editor with no organisation, and actions with no owner", () => {
    expect(canUpdateAction(user("editor", null), owned("police"))).toBe(false);
    expect(canUpdateAction(user("editor", "police"), owned())).toBe(false);
  });
  it("lets admins update anything live and refuses scrutineers and viewers", () => {
    expect(canUpdateAction(user("admin"), owned("health"))).toBe(true);
    expect(canUpdateAction(user("scrutineer", "police"), owned("police"))).toBe(false);
    expect(canUpdateAction(user("viewer", "police"), owned("police"))).toBe(false);
  });
  it("refuses withdrawn actions and disabled users", () => {
    expect(canUpdateAction(user("admin"), { ...owned("police"), withdrawn: true })).toBe(false);
    expect(canUpdateAction(user("editor", "police", true), owned("police"))).toBe(false);
  });
});

describe("role rules", () => {
  const table: [string, (u: User) => boolean, Role[]][] = [
    ["read", canRead, ["admin", "editor", "scrutineer", "viewer"]],
    ["import", canImport, ["admin"]],
    ["manage users", canManageUsers, ["admin"]],
    ["view audit", canViewAudit, ["admin"]],
    ["raise challenge", canRaiseChallenge, ["admin", "scrutineer"]],
    ["resolve challenge", canResolveChallenge, ["admin", "scrutineer"]],
  ];
  for (const [name, rule, allowed] of table) {
    it(`${name}: only ${allowed.join(", ")}`, () => {
      for (const role of ["admin", "editor", "scrutineer", "viewer"] as Role[]) {
        expect(rule(user(role, "org")), role).toBe(allowed.includes(role));
        expect(rule(user(role, "org", true)), `disabled ${role}`).toBe(false);
      }
    });
  }
});
