import type { Kysely } from "kysely";
import type { Store } from "../../services/store.js";
import type { Schema } from "../schema.js";
import {
  deleteStagedUpload,
  deleteStagedUploadsBefore,
  getStagedUpload,
  putStagedUpload,
} from "../staged-uploads.js";
import { translated } from "./errors.js";
import { iso, requireId, storeId, toBuffer } from "./ids.js";

/** Staged ids are random and each upload is its uploader's alone, so no partnership check is needed. */
export function stagedStore(db: Kysely<Schema>): Store["staged"] {
  return {
    async put(upload) {
      await translated(() =>
        putStagedUpload(db, {
          id: upload.id,
          userId: requireId(upload.userId, "user"),
          fileName: upload.fileName,
          content: upload.bytes,
          createdAt: new Date(upload.createdAt),
        }),
      );
    },
    async get(id) {
      const row = await getStagedUpload(db, id);
      return row
        ? {
            id: row.id,
            userId: storeId(row.userId),
            fileName: row.fileName,
            bytes: toBuffer(row.content),
            createdAt: iso(row.createdAt),
          }
        : null;
    },
    async delete(id) {
      await deleteStagedUpload(db, id);
    },
    async deleteOlderThan(at) {
      await deleteStagedUploadsBefore(db, new Date(at));
    },
  };
}
