import { audit, ensure, type ServiceContext } from "./context.js";
import { type FieldProblem, NotFoundError, ValidationError } from "./errors.js";
import { MIN_PASSWORD_LENGTH, type PasswordHasher } from "./passwords.js";
import { canManageOrganisations, canManageUsers, canRead, canViewAudit } from "./permissions.js";
import { type AuditService, isRole, type OrganisationService, type UserService } from "./types.js";
import { toUser } from "./views.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createOrganisationService(ctx: ServiceContext): OrganisationService {
  const { store } = ctx;
  const nameProblem = (field: string, value: string, what: string) => {
    if (!value.trim()) throw ValidationError.single(field, `Enter the ${what}`);
    if (value.length > 200)
      throw ValidationError.single(field, `The ${what} must be 200 characters or fewer`);
  };
  async function organisation(id: string) {
    const org = (await store.organisations.list()).find((o) => o.id === id);
    if (!org) throw new NotFoundError("Organisation not found");
    return org;
  }
  return {
    async list(user) {
      ensure(canRead(user));
      return store.organisations.list();
    },
    async create(user, name) {
      ensure(canManageOrganisations(user));
      nameProblem("name", name, "name of the organisation");
      return store.transaction(async (tx) => {
        const org = await tx.organisations.create(name.trim());
        await audit(tx, ctx, user, "organisation.create", { type: "organisation", id: org.id }, null, {
          name: org.name,
        });
        return org;
      });
    },
    async addAlias(user, organisationId, alias) {
      ensure(canManageOrganisations(user));
      nameProblem("alias", alias, "other name");
      const before = await organisation(organisationId);
      await store.transaction(async (tx) => {
        await tx.organisations.addAlias(organisationId, alias.trim());
        await audit(
          tx,
          ctx,
          user,
          "organisation.alias-add",
          { type: "organisation", id: organisationId },
          { aliases: before.aliases },
          { aliases: [...before.aliases, alias.trim()] },
        );
      });
    },
    async removeAlias(user, organisationId, alias) {
      ensure(canManageOrganisations(user));
      const before = await organisation(organisationId);
      if (!before.aliases.includes(alias))
        throw new NotFoundError("That name is not an alias of this organisation");
      await store.transaction(async (tx) => {
        await tx.organisations.removeAlias(organisationId, alias);
        await audit(
          tx,
          ctx,
          user,
          "organisation.alias-remove",
          { type: "organisation", id: organisationId },
          { aliases: before.aliases },
          { aliases: before.aliases.filter((a) => a !== alias) },
        );
      });
    },
  };
}

export function createUserService(ctx: ServiceContext, passwords: PasswordHasher): UserService {
  const { store } = ctx;
  return {
    async list(user) {
      ensure(canManageUsers(user));
      const [records, orgs] = await Promise.all([store.users.list(), store.organisations.list()]);
      return records.map((r) => toUser(r, orgs)).sort((a, b) => a.name.localeCompare(b.name));
    },

    async create(user, input) {
      ensure(canManageUsers(user));
      const orgs = await store.organisations.list();
      const problems: FieldProblem[] = [];
      const email = input.email.trim().toLowerCase();
      if (!input.name.trim()) problems.push({ field: "name", message: "Enter the person's full name" });
      if (!EMAIL.test(email)) {
        problems.push({
          field: "email",
          message: "Enter an email address in the correct format, like name@example.org",
        });
      } else if (await store.users.byEmail(email)) {
        problems.push({ field: "email", message: "A user with this email address already exists" });
      }
      if (!isRole(input.role)) problems.push({ field: "role", message: "Select the person's role" });
      if (input.organisationId && !orgs.some((o) => o.id === input.organisationId)) {
        problems.push({ field: "organisationId", message: "Select an organisation from the list" });
      } else if (input.role === "editor" && !input.organisationId) {
        problems.push({
          field: "organisationId",
          message: "Select the organisation an agency editor updates actions for",
        });
      }
      if (input.password.length < MIN_PASSWORD_LENGTH) {
        problems.push({
          field: "password",
          message: `Password must be ${MIN_PASSWORD_LENGTH} characters or more`,
        });
      }
      if (problems.length) throw new ValidationError(problems);
      const passwordHash = await passwords.hash(input.password);
      return store.transaction(async (tx) => {
        const record = await tx.users.create({
          email,
          name: input.name.trim(),
          role: input.role,
          organisationId: input.organisationId,
          passwordHash,
        });
        const created = toUser(record, orgs);
        await audit(tx, ctx, user, "user.create", { type: "user", id: created.id }, null, {
          email: created.email,
          name: created.name,
          role: created.role,
          organisationId: created.organisationId,
        });
        return created;
      });
    },

    async setDisabled(user, userId, disabled) {
      ensure(canManageUsers(user));
      if (userId === user.id) throw ValidationError.single("userId", "You cannot disable your own account");
      const target = await store.users.byId(userId);
      if (!target) throw new NotFoundError("User not found");
      await store.transaction(async (tx) => {
        await tx.users.setDisabled(userId, disabled);
        // Disabling takes effect at once: their sessions end with it.
        if (disabled) await tx.sessions.deleteForUser(userId);
        await audit(
          tx,
          ctx,
          user,
          disabled ? "user.disable" : "user.enable",
          { type: "user", id: userId },
          { disabled: target.disabled },
          { disabled },
        );
      });
    },
  };
}

export function createAuditService(ctx: ServiceContext): AuditService {
  return {
    async list(user, page, pageSize) {
      ensure(canViewAudit(user));
      const safePage = Math.max(1, Math.floor(page) || 1);
      const size = Math.min(200, Math.max(1, Math.floor(pageSize) || 50));
      const { entries, total } = await ctx.store.audit.list((safePage - 1) * size, size);
      return { items: entries, total, page: safePage, pageSize: size };
    },
  };
}
