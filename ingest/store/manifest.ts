// The index manifest: what was built from what, and with which format. Reading it checks the
// format version, so an index written by another version is refused, never misread.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { resolveIndexDir } from "./currentIndex.ts";
import { IndexError, REBUILD_COMMAND } from "./indexError.ts";
import { INDEX_FILES } from "./indexFiles.ts";

/** Bump when parsing, chunking or the index layout change, so old indexes count as stale. */
export const INDEX_FORMAT_VERSION = 13;

export const ManifestSchema = z.object({
  formatVersion: z.number().int(),
  corpusHash: z.string().regex(/^[0-9a-f]{64}$/),
  seedFiles: z.array(z.string()),
  embedder: z.object({
    id: z.string(),
    kind: z.enum(["builtin", "transformers", "openai"]),
    dimension: z.number().int().positive(),
    /** "builtin", "transformers" or the embeddings service's URL; optional: indexes before issue 13 lack them */
    provider: z.string().optional(),
    model: z.string().optional(),
  }),
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

/**
 * The manifest of an index folder (of the build its `current` names, see currentIndex.ts). Throws an IndexError: INDEX_MISSING when there is none,
 * INDEX_DAMAGED when it does not parse, INDEX_FORMAT when another format version wrote it.
 */
export async function readManifest(indexDirOrBuild: string): Promise<Manifest> {
  const indexDir = await resolveIndexDir(indexDirOrBuild);
  const file = join(indexDir, INDEX_FILES.manifest);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      throw new IndexError("INDEX_MISSING", file, `no index in ${indexDir}; build it with \`${REBUILD_COMMAND}\``);
    }
    throw new IndexError("INDEX_DAMAGED", file, `the index manifest is unreadable; rebuild with \`${REBUILD_COMMAND}\``);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new IndexError("INDEX_DAMAGED", file, `the index manifest is not JSON; rebuild with \`${REBUILD_COMMAND}\``);
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === "number" && version !== INDEX_FORMAT_VERSION) {
    throw new IndexError(
      "INDEX_FORMAT",
      file,
      `the index has format version ${version}, this version reads ${INDEX_FORMAT_VERSION}; rebuild with \`${REBUILD_COMMAND}\``,
    );
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new IndexError("INDEX_DAMAGED", file, `the index manifest does not match its schema; rebuild with \`${REBUILD_COMMAND}\``);
  }
  return parsed.data;
}
