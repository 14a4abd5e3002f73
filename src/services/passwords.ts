import { Algorithm, hash, verify } from "@node-rs/argon2";

/** Password hashing behind an interface so tests may trade strength for speed. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 passes, 1 lane. */
export const DEFAULT_ARGON2: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function argon2idHasher(params: Argon2Params = DEFAULT_ARGON2): PasswordHasher {
  return {
    hash: (password) => hash(password, { ...params, algorithm: Algorithm.Argon2id }),
    verify: async (passwordHash, password) => {
      try {
        return await verify(passwordHash, password);
      } catch {
        // A malformed stored hash is a wrong password, never a crash.
        return false;
      }
    },
  };
}

/** Shortest password accepted when an admin creates a user. */
export const MIN_PASSWORD_LENGTH = 12;
