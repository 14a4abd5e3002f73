import { createHash, randomUUID } from "node:crypto";
import type { OrganisationDirectory } from "../domain/organisation.js";
import type { ParsedPlan } from "../domain/plan.js";
import { ImportError } from "../import/errors.js";
import { formatBytes } from "../import/zip.js";
import { safeFileName } from "./attachments.js";
import { ensure, type ServiceContext } from "./context.js";
import type { AssessFn, ParseFn } from "./deps.js";
import { NotFoundError, ValidationError } from "./errors.js";
import { canImport } from "./permissions.js";
import { refreshFindings } from "./refresh-findings.js";
import type { StagedUpload } from "./store.js";
import type { ImportPreview, ImportService, ImportTarget, User } from "./types.js";

export interface ImportServiceOptions {
  parse: ParseFn;
  assess: AssessFn;
  maxImportBytes: number;
  stagedTtlMs: number;
}

export function createImportService(ctx: ServiceContext, opts: ImportServiceOptions): ImportService {
  const { store } = ctx;

  async function directory(): Promise<OrganisationDirectory> {
    const orgs = await store.organisations.list();
    return { organisations: orgs.map((o) => ({ name: o.name, aliases: [...o.aliases] })) };
  }

  async function parse(bytes: Buffer, fileName: string): Promise<ParsedPlan> {
    try {
      return await opts.parse(bytes, fileName, await directory());
    } catch (err) {
      if (err instanceof ImportError) {
        throw ValidationError.single(
          "file",
          `The selected file could not be read as an action plan: ${err.reason}`,
        );
      }
      throw err;
    }
  }

  /** Staged uploads belong to whoever uploaded them; to anyone else they do not exist. */
  async function staged(user: User, stagedId: string): Promise<StagedUpload> {
    const upload = await store.staged.get(stagedId);
    const expired = upload && Date.parse(upload.createdAt) + opts.stagedTtlMs < ctx.now().getTime();
    if (!upload || upload.userId !== user.id || expired) {
      throw new NotFoundError("This upload has expired or does not exist. Upload the file again.");
    }
    return upload;
  }

  async function checkTarget(target: ImportTarget): Promise<void> {
    if (target.kind === "version" && !(await store.plans.get(target.planId))) {
      throw ValidationError.single("planId", "Select the plan this file is a new version of");
    }
  }

  async function previewOf(
    upload: StagedUpload,
    parsed: ParsedPlan,
    target: ImportTarget,
  ): Promise<ImportPreview> {
    return {
      id: upload.id,
      fileName: upload.fileName,
      size: upload.bytes.length,
      stagedAt: upload.createdAt,
      parsed,
      target,
      diff: target.kind === "version" ? await store.plans.previewImport(target.planId, parsed) : null,
    };
  }

  return {
    async stage(user, file, target) {
      ensure(canImport(user), "You do not have permission to import plans");
      const fileName = safeFileName(file.fileName);
      if (file.bytes.length === 0) throw ValidationError.single("file", "The selected file is empty");
      if (file.bytes.length > opts.maxImportBytes) {
        throw ValidationError.single(
          "file",
          `The selected file must be smaller than ${formatBytes(opts.maxImportBytes)}`,
        );
      }
      await checkTarget(target);
      const parsed = await parse(file.bytes, fileName);
      if (parsed.actions.length === 0) {
        throw ValidationError.single(
          "file",
          "The selected file has no actions in it. Check it is the action plan.",
        );
      }
      const now = ctx.now();
      await store.staged.deleteOlderThan(new Date(now.getTime() - opts.stagedTtlMs).toISOString());
      const upload: StagedUpload = {
        id: randomUUID(),
        userId: user.id,
        fileName,
        bytes: file.bytes,
        createdAt: now.toISOString(),
      };
      await store.staged.put(upload);
      return previewOf(upload, parsed, target);
    },

    async preview(user, stagedId, target = { kind: "new" }) {
      ensure(canImport(user), "You do not have permission to import plans");
      const upload = await staged(user, stagedId);
      await checkTarget(target);
      return previewOf(upload, await parse(upload.bytes, upload.fileName), target);
    },

    async confirm(user, stagedId, target) {
      ensure(canImport(user), "You do not have permission to import plans");
      const upload = await staged(user, stagedId);
      await checkTarget(target);
      const parsed = await parse(upload.bytes, upload.fileName);
      return store
        .transaction(async (tx) => {
          const stored = await tx.plans.storeImport({
            parsed,
            planId: target.kind === "version" ? target.planId : null,
            fileName: upload.fileName,
            fileSha256: createHash("sha256").update(upload.bytes).digest("hex"),
            actorId: user.id,
            at: ctx.now().toISOString(),
          });
          await refreshFindings(tx, ctx, opts.assess, stored.planId);
          return { planId: stored.planId };
        })
        .then(async (result) => {
          // Only once the plan is committed is the upload no longer needed.
          await store.staged.delete(upload.id);
          return result;
        });
    },

    async discard(user, stagedId) {
      ensure(canImport(user), "You do not have permission to import plans");
      const upload = await staged(user, stagedId);
      await store.staged.delete(upload.id);
    },
  };
}
