// Builds the index when it is missing or stale: seeds changed (corpus hash, which also
// covers the index format version) or the embedder the server will run changed.
import { buildIndex, type BuildOptions } from "./buildIndex.ts";
import { chooseEmbedder } from "./embed/index.ts";
import { corpusHash, IndexError, readManifest, type Manifest } from "./store/index.ts";

export async function indexStaleness(opts: BuildOptions): Promise<string | undefined> {
  let manifest: Manifest;
  try {
    manifest = await readManifest(opts.indexDir);
  } catch (err) {
    // a missing, damaged or other-format index is rebuilt; the reason is logged
    if (err instanceof IndexError) return err.code === "INDEX_MISSING" ? "no index" : err.message;
    throw err;
  }
  const { hash } = await corpusHash(opts.seedsDir);
  if (manifest.corpusHash !== hash) return "the seeds changed since the index was built";
  const choice = chooseEmbedder(opts.embedder, opts.modelDir, opts.openai);
  if (manifest.embedder.kind !== choice.kind) return `the index was built with ${manifest.embedder.kind}, the server runs ${choice.kind}`;
  return undefined;
}

/**
 * Builds the index and returns the failure instead of throwing it, for a caller that can keep
 * serving the previous build (the server at start and on a seed change).
 */
export async function tryBuildIndex(opts: BuildOptions): Promise<Error | undefined> {
  try {
    await buildIndex(opts);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

export async function ensureIndex(opts: BuildOptions): Promise<void> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const stale = await indexStaleness(opts);
  if (!stale) {
    log(`index: up to date in ${opts.indexDir}`);
    return;
  }
  log(`index: building (${stale})`);
  await buildIndex(opts);
}
