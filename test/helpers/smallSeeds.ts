// Three small seed files (the Lille sheets) in a temporary folder: enough for a real index, and
// an ingest of them takes a fraction of a second, so fault tests can build many.
import { copyFile, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SEEDS_DIR } from "./buildTestIndex.ts";

export const SMALL_SEEDS = ["000_30462b69bc52c4d6.txt", "001_f1e927a9104c9bda.txt", "002_bca2bee90e86e92b.txt"];

export async function smallSeedsCopy(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "seeds-small-")), "seeds");
  await mkdir(dir);
  for (const f of SMALL_SEEDS) await copyFile(join(SEEDS_DIR, f), join(dir, f));
  return dir;
}

/** A seed the ingest refuses, naming its file and line: bytes that are not UTF-8 on line 4. */
export const BAD_SEED = Buffer.concat([Buffer.from("Titre\n\nVille Santé\tNancy\n"), Buffer.from([0xff, 0xfe, 0x00, 0x41])]);
