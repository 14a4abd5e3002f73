import { audit, ensure, type ServiceContext } from "./context.js";
import { NotFoundError, ValidationError } from "./errors.js";
import { canRaiseChallenge, canRead, canResolveChallenge } from "./permissions.js";
import type { ChallengeRecord } from "./store.js";
import type { Challenge, ChallengeService } from "./types.js";

const MAX_CHALLENGE = 5_000;

export function toChallenge(
  c: ChallengeRecord,
  about: { planId: string; planTitle: string; ref: string; organisation: string | null },
  nameOf: (id: string | null) => string | null,
): Challenge {
  return {
    id: c.id,
    actionId: c.actionId,
    findingId: c.findingId,
    ...about,
    text: c.text,
    raisedBy: nameOf(c.raisedById) ?? "Unknown user",
    raisedAt: c.raisedAt,
    state: c.state,
    note: c.note,
    resolvedBy: nameOf(c.resolvedById),
    resolvedAt: c.resolvedAt,
  };
}

export function createChallengeService(ctx: ServiceContext): ChallengeService {
  const { store } = ctx;

  async function describeOne(c: ChallengeRecord): Promise<Challenge> {
    const [one] = await describe([c]);
    if (!one) throw new NotFoundError("Challenge not found");
    return one;
  }

  async function describe(records: ChallengeRecord[]): Promise<Challenge[]> {
    const [names, plans, actions] = await Promise.all([
      store.users.names(),
      store.plans.list(),
      store.actions.listAll(),
    ]);
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    return records.map((c) => {
      const action = actions.find((a) => a.id === c.actionId);
      const plan = plans.find((p) => p.id === action?.planId);
      return toChallenge(
        c,
        {
          planId: plan?.id ?? "",
          planTitle: plan?.title ?? "",
          ref: action?.ref ?? "",
          organisation: action?.organisations[0]?.name ?? null,
        },
        nameOf,
      );
    });
  }

  return {
    async list(user, filter) {
      ensure(canRead(user));
      return describe(await store.challenges.list(filter));
    },

    async create(user, input) {
      ensure(canRaiseChallenge(user), "You do not have permission to record a challenge");
      const action = await store.actions.get(input.actionId);
      if (!action) throw new NotFoundError("Action not found");
      const text = input.text.trim();
      if (!text) throw ValidationError.single("text", "Enter the challenge to put to the agency");
      if (text.length > MAX_CHALLENGE) {
        throw ValidationError.single(
          "text",
          `The challenge must be ${MAX_CHALLENGE.toLocaleString("en-GB")} characters or fewer`,
        );
      }
      if (input.findingId) {
        const findings = await store.findings.list({ actionId: action.id });
        if (!findings.some((f) => f.id === input.findingId)) {
          throw ValidationError.single("findingId", "Select a finding of this action, or none");
        }
      }
      const created = await store.transaction(async (tx) => {
        const c = await tx.challenges.create({
          actionId: action.id,
          findingId: input.findingId,
          text,
          raisedById: user.id,
          raisedAt: ctx.now().toISOString(),
        });
        await audit(tx, ctx, user, "challenge.raise", { type: "challenge", id: c.id }, null, {
          actionId: c.actionId,
          findingId: c.findingId,
          text: c.text,
        });
        return c;
      });
      return describeOne(created);
    },

    async resolve(user, challengeId, input) {
      ensure(canResolveChallenge(user), "You do not have permission to mark a challenge");
      const current = await store.challenges.get(challengeId);
      if (!current) throw new NotFoundError("Challenge not found");
      if (input.state !== "answered" && input.state !== "not-answered") {
        throw ValidationError.single("state", "Select whether the challenge was answered");
      }
      if (input.note.length > MAX_CHALLENGE) {
        throw ValidationError.single(
          "note",
          `The note must be ${MAX_CHALLENGE.toLocaleString("en-GB")} characters or fewer`,
        );
      }
      const updated = await store.transaction(async (tx) => {
        const c = await tx.challenges.resolve(challengeId, {
          state: input.state,
          note: input.note.trim(),
          resolvedById: user.id,
          resolvedAt: ctx.now().toISOString(),
        });
        await audit(
          tx,
          ctx,
          user,
          "challenge.resolve",
          { type: "challenge", id: c.id },
          { state: current.state, note: current.note },
          { state: c.state, note: c.note },
        );
        return c;
      });
      return describeOne(updated);
    },
  };
}
