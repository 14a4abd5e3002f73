import { createActionService } from "./action-service.js";
import { createAuditService, createOrganisationService, createUserService } from "./admin-service.js";
import { createAuthService } from "./auth-service.js";
import { createChallengeService } from "./challenge-service.js";
import { createContext } from "./context.js";
import { DEFAULT_SESSION_POLICY, DEFAULTS, type ServiceDeps } from "./deps.js";
import { createFindingService } from "./finding-service.js";
import { createImportService } from "./import-service.js";
import { DEFAULT_LOGIN_THROTTLE } from "./login-throttle.js";
import { createPlanService } from "./plan-service.js";
import { createReportService } from "./report-service.js";
import type { Services } from "./types.js";

/** Wires every service over one store (hmpps-template's services/index.ts). */
export function createServices(deps: ServiceDeps): Services {
  const ctx = createContext(deps.store, deps.now);
  return {
    auth: createAuthService(ctx, deps.passwords, {
      sessions: { ...DEFAULT_SESSION_POLICY, ...deps.sessions },
      loginThrottle: { ...DEFAULT_LOGIN_THROTTLE, ...deps.loginThrottle },
    }),
    plans: createPlanService(ctx),
    actions: createActionService(ctx, deps.assess, deps.maxAttachmentBytes ?? DEFAULTS.maxAttachmentBytes),
    imports: createImportService(ctx, {
      parse: deps.parse,
      assess: deps.assess,
      maxImportBytes: deps.maxImportBytes ?? DEFAULTS.maxImportBytes,
      stagedTtlMs: deps.stagedTtlMs ?? DEFAULTS.stagedTtlMs,
    }),
    findings: createFindingService(ctx),
    challenges: createChallengeService(ctx),
    organisations: createOrganisationService(ctx),
    users: createUserService(ctx, deps.passwords),
    audit: createAuditService(ctx),
    reports: createReportService(ctx, deps.reports),
    health: {
      async check() {
        try {
          return { database: (await deps.store.ping()) ? "ok" : "unavailable" };
        } catch {
          return { database: "unavailable" };
        }
      },
    },
  };
}

export type {
  AssessFn,
  AssessmentInput,
  ParseFn,
  ReportInput,
  ReportRenderer,
  ServiceDeps,
  SessionPolicy,
} from "./deps.js";
export { DEFAULT_SESSION_POLICY } from "./deps.js";
export { DEFAULT_LOGIN_THROTTLE, type LoginThrottlePolicy } from "./login-throttle.js";
export type * from "./types.js";
