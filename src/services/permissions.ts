import type { Role, User } from "./types.js";

/**
 * Every role rule of Assure, in one place. Services call these before reading or writing; pages call the
 * same functions only to decide what to show, so a hidden button is never the only protection.
 */

function active(user: User | null | undefined): user is User {
  return !!user && !user.disabled;
}

function hasRole(user: User | null | undefined, ...roles: Role[]): boolean {
  return active(user) && roles.includes(user.role);
}

/** Everyone signed in reads every plan, action, finding and challenge. */
export function canRead(user: User | null | undefined): boolean {
  return active(user);
}

/**
 * Admins update any live action; an agency editor only actions owned by their organisation (an action
 * with several owners: any of them). Withdrawn actions take no more updates.
 */
export function canUpdateAction(
  user: User | null | undefined,
  action: { organisations: readonly { id: string }[]; withdrawn: boolean },
): boolean {
  if (!active(user) || action.withdrawn) return false;
  if (user.role === "admin") return true;
  if (user.role !== "editor" || !user.organisationId) return false;
  return action.organisations.some((o) => o.id === user.organisationId);
}

export function canImport(user: User | null | undefined): boolean {
  return hasRole(user, "admin");
}

export function canRaiseChallenge(user: User | null | undefined): boolean {
  return hasRole(user, "admin", "scrutineer");
}

export function canResolveChallenge(user: User | null | undefined): boolean {
  return hasRole(user, "admin", "scrutineer");
}

export function canManageOrganisations(user: User | null | undefined): boolean {
  return hasRole(user, "admin");
}

export function canManageUsers(user: User | null | undefined): boolean {
  return hasRole(user, "admin");
}

export function canViewAudit(user: User | null | undefined): boolean {
  return hasRole(user, "admin");
}

/** Any signed-in person may hold a token for the API; it carries their own role and no more. */
export function canHoldApiToken(user: User | null | undefined): boolean {
  return active(user);
}
