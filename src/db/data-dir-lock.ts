import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

/**
 * PGlite is a whole PostgreSQL running inside this process; two processes opening one data directory
 * (the service and `assure import`, say) would both write its files and corrupt it. A lock file beside
 * the directory makes the second one stop with a message instead.
 */
export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DataDirInUseError; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir.replace(/[/\\]+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let holder = Number.NaN;
      try {
        holder = Number.parseInt(readFileSync(path, "utf8"), 10);
      } catch {
        // Unreadable lock: treat as held, below.
      }
      if (Number.isInteger(holder) && holder !== process.pid && !alive(holder)) {
        // Left behind by a process that ended without cleaning up.
        try {
          unlinkSync(path);
        } catch {
          // Someone else removed it first; try again.
        }
        continue;
      }
      const who = Number.isInteger(holder)
        ? `process ${holder}${holder === process.pid ? " (this one)" : ""}`
        : "another process";
      throw new DataDirInUseError(
        `The embedded database in ${dataDir} is in use by ${who}. Stop that Assure process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share. (Lock file: ${path})`,
      );
    }
  }
  throw new DataDirInUseError(`Could not lock the embedded database in ${dataDir} (lock file ${path}).`);
}
