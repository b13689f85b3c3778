// One real index built from the seeds per test process (vitest worker), in a temp folder.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIndex } from "../../ingest/buildIndex.ts";

export const SEEDS_DIR = fileURLToPath(new URL("../../seeds", import.meta.url));

let built: Promise<string> | undefined;

export function getTestIndexDir(): Promise<string> {
  built ??= (async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "fiches-test-")), "index");
    await buildIndex({ seedsDir: SEEDS_DIR, indexDir: dir, embedder: "builtin", log: () => {} });
    return dir;
  })();
  return built;
}
