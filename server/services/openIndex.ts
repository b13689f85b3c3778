// Opens the index at start-up and keeps the service up through index faults (DESIGN.md,
// "Faults and floods"): a stale index is rebuilt; when the rebuild fails (a bad seed) or the
// current build is damaged, the last complete build serves, flagged stale with the reason; a
// damaged index falls back to rebuilding from the seeds; only when nothing loads does start-up
// stop, with the command that fixes it.
import { tryBuildIndex, indexStaleness } from "../../ingest/ensureIndex.ts";
import { buildDir, IndexError, listBuilds, REBUILD_COMMAND, resolveIndexDir } from "../../ingest/store/index.ts";
import type { OpenAIEmbedderConfig } from "../../ingest/config.ts";
import type { EmbedderSetting } from "../../ingest/embed/index.ts";

export interface OpenIndexOptions {
  seedsDir: string;
  indexDir: string;
  embedder: EmbedderSetting;
  modelDir?: string;
  openai?: OpenAIEmbedderConfig;
  log: (line: string) => void;
  /** warnings: what an operator must fix */
  warn: (line: string) => void;
}

export interface Opened<T> {
  value: T;
  /** the build folder it was loaded from */
  dir: string;
  /** set when this is not the index the seeds describe: why, and what to fix */
  stale?: string;
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function openIndex<T>(opts: OpenIndexOptions, load: (dir: string) => Promise<T>): Promise<Opened<T>> {
  const build = {
    seedsDir: opts.seedsDir,
    indexDir: opts.indexDir,
    embedder: opts.embedder,
    ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
    ...(opts.openai ? { openai: opts.openai } : {}),
    log: opts.log,
  };
  let built = false;
  let buildFailure: string | undefined;
  const rebuild = async (why: string) => {
    opts.log(`index: building (${why})`);
    built = true;
    const err = await tryBuildIndex(build);
    buildFailure = err ? reasonOf(err) : undefined;
    if (buildFailure) opts.warn(`index: the rebuild failed: ${buildFailure}; fix it, then run \`${REBUILD_COMMAND}\` (or restart)`);
  };
  const tryLoad = async (dir: () => Promise<string>): Promise<Opened<T> | { failure: string }> => {
    try {
      const resolved = await dir();
      return { value: await load(resolved), dir: resolved };
    } catch (err) {
      return { failure: reasonOf(err) };
    }
  };

  const stale = await indexStaleness(build).catch((err: unknown) => `the index could not be checked: ${reasonOf(err)}`);
  if (stale) await rebuild(stale);
  else opts.log(`index: up to date in ${opts.indexDir}`);

  let current = await tryLoad(() => resolveIndexDir(opts.indexDir));
  if ("failure" in current && !built) {
    opts.warn(`index: ${current.failure}`);
    await rebuild("the current index does not load");
    if (!buildFailure) current = await tryLoad(() => resolveIndexDir(opts.indexDir));
  }
  if (!("failure" in current)) {
    return buildFailure ? { ...current, stale: `the rebuild failed: ${buildFailure}; serving the previous index` } : current;
  }
  const loadFailure = current.failure;
  opts.warn(`index: ${loadFailure}`);

  const currentDir = await resolveIndexDir(opts.indexDir).catch(() => undefined);
  for (const id of await listBuilds(opts.indexDir)) {
    const dir = buildDir(opts.indexDir, id);
    if (dir === currentDir) continue;
    const previous = await tryLoad(async () => dir);
    if ("failure" in previous) continue;
    const why = [loadFailure, buildFailure && `the rebuild failed: ${buildFailure}`].filter(Boolean).join("; ");
    opts.warn(`index: serving the previous build ${id} until this is fixed`);
    return { ...previous, stale: `${why}; serving the previous build ${id}` };
  }
  throw new IndexError(
    "INDEX_MISSING",
    opts.indexDir,
    `no index can be served: ${loadFailure}${buildFailure ? `; and the rebuild failed: ${buildFailure}` : ""}. Fix the seeds, then run \`${REBUILD_COMMAND}\``,
  );
}
