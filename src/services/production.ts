import { engineAssess, importerParse, reportRenderer } from "./adapters.js";
import type { SessionPolicy } from "./deps.js";
import { createServices } from "./index.js";
import type { LoginThrottlePolicy } from "./login-throttle.js";
import { argon2idHasher, type PasswordHasher } from "./passwords.js";
import type { Store } from "./store.js";
import type { Services } from "./types.js";

export interface ProductionServicesOptions {
  store: Store;
  /** Shown on the scrutiny reports. */
  partnershipName: string;
  maxImportBytes?: number;
  maxAttachmentBytes?: number;
  passwords?: PasswordHasher;
  now?: () => Date;
  sessions?: Partial<SessionPolicy>;
  loginThrottle?: Partial<LoginThrottlePolicy>;
}

/** The services as `npm start` runs them: the real importer, assurance engine, reports and argon2id. */
export function createProductionServices(opts: ProductionServicesOptions): Services {
  return createServices({
    store: opts.store,
    parse: importerParse,
    assess: engineAssess,
    reports: reportRenderer(opts.partnershipName),
    passwords: opts.passwords ?? argon2idHasher(),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.sessions ? { sessions: opts.sessions } : {}),
    ...(opts.loginThrottle ? { loginThrottle: opts.loginThrottle } : {}),
    ...(opts.maxImportBytes ? { maxImportBytes: opts.maxImportBytes } : {}),
    ...(opts.maxAttachmentBytes ? { maxAttachmentBytes: opts.maxAttachmentBytes } : {}),
  });
}
