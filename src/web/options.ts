import { randomBytes } from "node:crypto";
import type { Config } from "../config.js";
import type { AppOptions } from "./app.js";

/**
 * AppOptions from the validated configuration. Without SESSION_SECRET a random secret is made for this
 * process: everything works, but sign-ins and open forms do not survive a restart (say so at start-up).
 */
export function appOptionsFromConfig(
  config: Config,
  extra: Partial<AppOptions> = {},
): AppOptions & { secretIsEphemeral: boolean } {
  const secret = config.web.sessionSecret ?? randomBytes(32).toString("base64url");
  return {
    secret,
    secretIsEphemeral: config.web.sessionSecret === null,
    secureCookies: config.web.secureCookies,
    trustProxy: config.web.trustProxy,
    maxImportBytes: config.maxUploadBytes,
    maxAttachmentBytes: Math.min(config.maxUploadBytes, 20 * 1024 * 1024),
    ...extra,
  };
}
