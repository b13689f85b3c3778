// One writer at a time per index folder. The lock is a file created with O_EXCL (`wx`), which
// the kernel makes atomic on a local file system; it holds the writer's pid, host and start
// time so a lock left by a killed ingest is recognised and taken over instead of blocking
// every later build.
import { hostname } from "node:os";
import { open, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { IndexError, REBUILD_COMMAND } from "./indexError.ts";

export const LOCK_FILE = ".lock";

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface LockOptions {
  /** how long a second writer waits for the first before refusing (ms); 0 refuses at once */
  waitMs?: number;
  /** a lock from another host older than this is taken over (ms): its pid cannot be checked */
  staleMs?: number;
  log?: (line: string) => void;
}

export interface IndexLock {
  file: string;
  release(): Promise<void>;
}

const POLL_MS = 100;
/** a lock file still empty after this long was left by a writer killed while taking it */
const UNWRITTEN_GRACE_MS = 5_000;

/** Takes the index folder's write lock, waiting for a live holder up to `waitMs`. */
export async function acquireIndexLock(indexDir: string, opts: LockOptions = {}): Promise<IndexLock> {
  const file = join(indexDir, LOCK_FILE);
  const waitMs = opts.waitMs ?? 120_000;
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(JSON.stringify(owner));
      await handle.close();
      return { file, release: () => rm(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = await readOwner(file);
    if (holder === "gone") continue;
    if (holder === "unwritten" || isStale(holder, opts.staleMs ?? 30 * 60_000)) {
      opts.log?.(`index: taking over a lock left by ${holder === "unwritten" ? "a writer killed while taking it" : `pid ${holder.pid} (no longer running)`} (${file})`);
      // Two writers may both see the stale lock; only one of the next `wx` opens wins. (A third
      // arriving between that open and the other's rm could remove the fresh lock: the window
      // is a few microseconds after a crash, and needs three writers at once.)
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new IndexError(
        "INDEX_LOCKED",
        file,
        `another ingest (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}) is writing this index; wait for it to finish, or if no ingest runs, delete the lock file and run \`${REBUILD_COMMAND}\``,
      );
    }
    if (!announced) opts.log?.(`index: waiting for the ingest of pid ${holder.pid} to finish (${file})`);
    announced = true;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The holder; "gone" when released meanwhile; "unwritten" when empty for over a few seconds. */
async function readOwner(file: string): Promise<LockOwner | "gone" | "unwritten"> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw err;
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === "number" && typeof owner.host === "string" && typeof owner.startedAt === "string") return owner as LockOwner;
  } catch {
    // empty or partial: its writer is between open and write, or was killed there
  }
  const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
  return age > UNWRITTEN_GRACE_MS ? "unwritten" : { pid: -1, host: hostname(), startedAt: new Date().toISOString() };
}

function isStale(owner: LockOwner, staleMs: number): boolean {
  if (owner.host !== hostname()) return Date.now() - Date.parse(owner.startedAt) > staleMs;
  if (owner.pid === process.pid || owner.pid === -1) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists under another user, so it is alive
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}
