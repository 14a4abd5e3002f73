import type { Kysely } from "kysely";
import type { Schema } from "./schema.js";

/** A plan file uploaded and read, waiting for its uploader to confirm the import. */
export interface StagedUploadRow {
  id: string;
  userId: number;
  fileName: string;
  content: Uint8Array;
  createdAt: Date;
}

export async function putStagedUpload(db: Kysely<Schema>, upload: StagedUploadRow): Promise<void> {
  await db.insertInto("stagedUpload").values(upload).execute();
}

export async function getStagedUpload(db: Kysely<Schema>, id: string): Promise<StagedUploadRow | undefined> {
  const row = await db
    .selectFrom("stagedUpload")
    .select(["id", "userId", "fileName", "content", "createdAt"])
    .where("id", "=", id)
    .executeTakeFirst();
  // node-postgres gives a Buffer, PGlite a Uint8Array; callers get the same type from both.
  return (
    row && {
      ...row,
      content: new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength),
    }
  );
}

export async function deleteStagedUpload(db: Kysely<Schema>, id: string): Promise<void> {
  await db.deleteFrom("stagedUpload").where("id", "=", id).execute();
}

/** Throws away uploads staged before `before`; returns how many. */
export async function deleteStagedUploadsBefore(db: Kysely<Schema>, before: Date): Promise<number> {
  const r = await db.deleteFrom("stagedUpload").where("createdAt", "<", before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
