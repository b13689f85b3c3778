import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { INDEX_FORMAT_VERSION } from "./manifest.ts";
import { listSeedFiles } from "../parse/parseSeeds.ts";

/** sha256 over the index format version and every seed file's name and bytes, in name order. */
export async function corpusHash(seedsDir: string): Promise<{ hash: string; files: string[] }> {
  const hash = createHash("sha256").update(`format:${INDEX_FORMAT_VERSION}\0`);
  const files = await listSeedFiles(seedsDir);
  for (const file of files) hash.update(file).update("\0").update(await readFile(join(seedsDir, file))).update("\0");
  return { hash: hash.digest("hex"), files };
}
