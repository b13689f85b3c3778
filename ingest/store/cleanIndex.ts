// Removes what killed or superseded builds leave behind. Called by the writer while it holds
// the index lock, so nothing it removes can be another writer's work in progress.
import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { BUILDING_PREFIX, BUILDS_DIR, CURRENT_FILE, listBuilds, readCurrentId } from "./currentIndex.ts";

/** builds kept: the current one and the last good one before it (the server's fallback) */
export const KEPT_BUILDS = 2;

export async function cleanIndexLeftovers(indexDir: string, log?: (line: string) => void): Promise<void> {
  const removed: string[] = [];
  const remove = async (path: string) => {
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  };
  const buildsDir = join(indexDir, BUILDS_DIR);
  for (const name of await readdir(buildsDir).catch(() => [] as string[])) {
    if (name.startsWith(BUILDING_PREFIX)) await remove(join(buildsDir, name));
  }
  for (const name of await readdir(indexDir).catch(() => [] as string[])) {
    if (name.startsWith(`.${CURRENT_FILE}-`)) await remove(join(indexDir, name));
  }
  let current: string | undefined;
  try {
    current = await readCurrentId(indexDir);
  } catch {
    current = undefined; // a damaged pointer: keep every build, the next switch replaces it
  }
  if (current !== undefined) {
    const others = (await listBuilds(indexDir)).filter((id) => id !== current);
    for (const id of others.slice(KEPT_BUILDS - 1)) await remove(join(buildsDir, id));
  }
  // the writer before builds/ existed left `.index.building-*` and `index.old-*` beside INDEX_DIR
  const parent = dirname(indexDir);
  const base = basename(indexDir);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (name.startsWith(`.${base}.building-`) || name.startsWith(`${base}.old-`)) await remove(join(parent, name));
  }
  if (removed.length > 0) log?.(`index: removed ${removed.length} leftover(s) of earlier builds: ${removed.map((p) => basename(p)).join(", ")}`);
}
