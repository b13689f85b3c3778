// Serves the build `current` names and follows it: when an ingest switches the pointer (see
// ingest/store/currentIndex.ts), the new build is loaded beside the old one and swapped in
// with one assignment. Every call reads the services once, so a request in flight finishes on
// the build it started with; nothing is closed under it (the old build is garbage-collected).
// fs.watch reports the rename at once on Linux but is unreliable on network and container
// file systems, so a poll backs it up.
import { watch, type FSWatcher } from "node:fs";
import { resolveIndexDir } from "../../ingest/store/index.ts";
import type { AssistantServices, ReadyInfo } from "../assistant/types.ts";
import type { Opened } from "./openIndex.ts";

export interface LiveIndexOptions {
  indexDir: string;
  initial: Opened<AssistantServices>;
  load: (dir: string) => Promise<AssistantServices>;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** how often the pointer is read when no file event came (ms); 0: only on events */
  pollMs: number;
  /** events within this window make one reload (an ingest renames twice) */
  debounceMs?: number;
}

export interface LiveIndex {
  /** a stable facade the app is built over; each call goes to the build serving now */
  services: AssistantServices;
  /** loads the build `current` names now, if it is not the one serving; resolves when done */
  check(): Promise<void>;
  /** a reason to show in /ready until the next successful load (a failed seed rebuild) */
  markStale(reason: string | undefined): void;
  close(): Promise<void>;
}

export function createLiveIndex(opts: LiveIndexOptions): LiveIndex {
  let serving = opts.initial;
  let stale = opts.initial.stale;
  /** a build that failed to load is not retried until the pointer moves again */
  let failedDir: string | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const reload = async () => {
    let dir: string;
    try {
      dir = await resolveIndexDir(opts.indexDir);
    } catch (err) {
      return opts.warn(`index: ${(err as Error).message}; still serving ${serving.dir}`);
    }
    if (dir === serving.dir || dir === failedDir) return;
    try {
      const services = await opts.load(dir);
      if (closed) return;
      serving = { value: services, dir };
      stale = undefined;
      failedDir = undefined;
      opts.log(`index: now serving ${dir} (built ${services.ready().builtAt})`);
    } catch (err) {
      failedDir = dir;
      stale = `the new build does not load: ${(err as Error).message}; serving ${serving.dir}`;
      opts.warn(`index: ${stale}`);
    }
  };
  // one reload at a time; a change seen during one makes one more
  const check = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await reload();
      } while (again && !closed);
    })().finally(() => (running = undefined));
    return running;
  };
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), opts.debounceMs ?? 200);
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(opts.indexDir, { persistent: false }, (_event, file) => {
      if (file === null || file === "current") schedule();
    });
    watcher.on("error", () => watcher?.close());
  } catch {
    watcher = undefined; // no inotify here (or no folder yet): the poll alone follows the pointer
  }
  const poll = opts.pollMs > 0 ? setInterval(schedule, opts.pollMs) : undefined;
  poll?.unref();

  const now = () => serving.value;
  const services: AssistantServices = {
    search: (q, o) => now().search(q, o),
    ask: (r) => now().ask(r),
    listFiches: () => now().listFiches(),
    getFiche: (id) => now().getFiche(id),
    similar: (id, k) => now().similar(id, k),
    ready: (): ReadyInfo => ({ ...now().ready(), ...(stale ? { stale: true, staleReason: stale } : { stale: false }) }),
    close: async () => {
      await close();
      await now().close?.();
    },
  };
  const close = async () => {
    closed = true;
    clearTimeout(timer);
    if (poll) clearInterval(poll);
    watcher?.close();
    await running;
  };
  return { services, check, markStale: (reason) => (stale = reason), close };
}
