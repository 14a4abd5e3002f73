import type { PasswordHasher } from "../services/passwords.js";
import type { Store } from "../services/store.js";
import type { Role, User } from "../services/types.js";
import { toUser } from "../services/views.js";

export class CliUserError extends Error {
  override name = "CliUserError";
}

/**
 * A user made from the command line (or by the demo loader), above all the first admin, whom no admin
 * can create. Recorded in the audit log with no actor, because nobody signed in did it.
 */
export async function createUserFromCli(
  store: Store,
  passwords: PasswordHasher,
  input: {
    email: string;
    name: string;
    password: string;
    role: Role;
    organisationId: string | null;
    now?: Date;
  },
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new CliUserError(`"${input.email}" is not an email address`);
  if (input.password.length < 12) throw new CliUserError("the password must be at least 12 characters");
  return store.transaction(async (tx) => {
    if (await tx.users.byEmail(email))
      throw new CliUserError(`a user with the email ${email} already exists`);
    const record = await tx.users.create({
      email,
      name: input.name,
      role: input.role,
      organisationId: input.organisationId,
      passwordHash: await passwords.hash(input.password),
    });
    await tx.audit.append({
      at: (input.now ?? new Date()).toISOString(),
      actorId: null,
      action: "user.create-from-cli",
      entityType: "user",
      entityId: record.id,
      before: null,
      after: { email, role: input.role, organisationId: input.organisationId },
    });
    return toUser(record, await tx.organisations.list());
  });
}
