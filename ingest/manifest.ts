// The index manifest: what was built from what. The server compares it with its own
// embedder and the seeds on disk, and refuses or rebuilds an index that does not match.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { INDEX_FILES } from "./indexFiles.ts";

/** Bump when parsing, chunking or the index layout change, so old indexes count as stale. */
export const INDEX_FORMAT_VERSION = 3;

export const ManifestSchema = z.object({
  formatVersion: z.number().int(),
  corpusHash: z.string().regex(/^[0-9a-f]{64}$/),
  seedFiles: z.array(z.string()),
  embedder: z.object({ id: z.string(), kind: z.enum(["builtin", "transformers"]), dimension: z.number().int().positive() }),
  hnsw: z.object({ space: z.literal("cosine"), M: z.number().int(), efConstruction: z.number().int(), efSearch: z.number().int() }),
  counts: z.object({
    documents: z.number().int(),
    fiches: z.number().int(),
    syntheses: z.number().int(),
    fields: z.number().int(),
    chunks: z.number().int(),
  }),
  builtAt: z.string(),
  buildMs: z.number(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** The manifest of an index folder, or undefined when there is none or it is unreadable. */
export async function readManifest(indexDir: string): Promise<Manifest | undefined> {
  try {
    return ManifestSchema.parse(JSON.parse(await readFile(join(indexDir, INDEX_FILES.manifest), "utf8")));
  } catch {
    return undefined;
  }
}
