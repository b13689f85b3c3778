// The layout that keeps a complete index in place at every instant:
//
//   INDEX_DIR/current            the id of the build being served (one line)
//   INDEX_DIR/builds/<id>/       complete builds, each with its manifest
//   INDEX_DIR/builds/.building-* a build being written (or left by a killed one)
//
// A build is written under `.building-*`, renamed to `builds/<id>` when complete, then
// `current` is replaced by renaming a temporary file over it: rename(2) is atomic, so a reader
// sees the old id or the new one, never a half-written folder nor no index at all. An
// INDEX_DIR holding the files directly (the layout before builds/) still loads as is.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { IndexError, REBUILD_COMMAND } from "./indexError.ts";

export const CURRENT_FILE = "current";
export const BUILDS_DIR = "builds";
export const BUILDING_PREFIX = ".building-";

const BUILD_ID = /^[0-9A-Za-z_-]{1,100}$/;

/** Sortable by time: `20261128T100203123Z-<pid>`. */
export function newBuildId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:.]/g, "")}-${process.pid}`;
}

export function buildDir(indexDir: string, id: string): string {
  return join(indexDir, BUILDS_DIR, id);
}

/** The id `current` points at; undefined when there is no pointer (no build, or the flat layout). */
export async function readCurrentId(indexDir: string): Promise<string | undefined> {
  const file = join(indexDir, CURRENT_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw new IndexError("INDEX_DAMAGED", file, `the index pointer is unreadable (${(err as Error).message}); rebuild with \`${REBUILD_COMMAND}\``);
  }
  const id = text.trim();
  if (!BUILD_ID.test(id)) throw new IndexError("INDEX_DAMAGED", file, `the index pointer does not name a build; rebuild with \`${REBUILD_COMMAND}\``);
  return id;
}

/**
 * The folder to read an index from: the build `current` names, or INDEX_DIR itself when it has
 * no pointer (a build folder, or an index written before builds/ existed).
 */
export async function resolveIndexDir(indexDir: string): Promise<string> {
  const id = await readCurrentId(indexDir);
  if (id === undefined) return indexDir;
  const dir = buildDir(indexDir, id);
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) {
    throw new IndexError("INDEX_DAMAGED", join(indexDir, CURRENT_FILE), `the index pointer names build ${id}, which is not in ${join(indexDir, BUILDS_DIR)}; rebuild with \`${REBUILD_COMMAND}\``);
  }
  return dir;
}

/** Complete builds, newest first (a killed build never got its final name). */
export async function listBuilds(indexDir: string): Promise<string[]> {
  try {
    const names = await readdir(join(indexDir, BUILDS_DIR));
    return names.filter((n) => BUILD_ID.test(n) && !n.startsWith(".")).sort().reverse();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
}
