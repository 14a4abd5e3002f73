import { ConflictError, ValidationError } from "./errors.js";
import { MIN_PASSWORD_LENGTH, type PasswordHasher } from "./passwords.js";
import type { Store } from "./store.js";
import type { Role, User } from "./types.js";
import { toUser } from "./views.js";

/**
 * Creates a user with no signed-in actor: the first admin of an installation (`assure user add --admin`)
 * or the demo partnership's users. Everything after that goes through UserService and its role rules.
 * The audit log records it as done by the system.
 */
export async function bootstrapUser(
  store: Store,
  passwords: PasswordHasher,
  input: { email: string; name: string; password: string; role?: Role; organisationId?: string | null },
  now: () => Date = () => new Date(),
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw ValidationError.single("email", `${input.email} is not an email address`);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw ValidationError.single(
      "password",
      `The password must be ${MIN_PASSWORD_LENGTH} characters or more`,
    );
  }
  if (await store.users.byEmail(email))
    throw new ConflictError(`A user with the email ${email} already exists`);
  const role = input.role ?? "admin";
  const passwordHash = await passwords.hash(input.password);
  return store.transaction(async (tx) => {
    const record = await tx.users.create({
      email,
      name: input.name.trim() || email,
      role,
      organisationId: input.organisationId ?? null,
      passwordHash,
    });
    await tx.audit.append({
      at: now().toISOString(),
      actorId: null,
      action: "user.create",
      entityType: "user",
      entityId: record.id,
      before: null,
      after: { email, name: record.name, role, organisationId: record.organisationId },
    });
    return toUser(record, await tx.organisations.list());
  });
}
