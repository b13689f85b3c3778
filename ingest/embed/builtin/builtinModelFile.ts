// The saved form of the builtin embedder's model: a plain JSON object, validated on load so a
// corrupt, truncated or outdated file stops the server with the path and the rebuild command.
import { readFile, writeFile } from "node:fs/promises";
import { z } from "zod";

/** Bump when analyzeFrench or builtinFeatures change how a text becomes features: saved
 * models then fail to load and ask for a rebuild instead of embedding queries differently. */
export const BUILTIN_MODEL_VERSION = 1;

const modelSchema = z.object({
  kind: z.literal("builtin-lsa"),
  version: z.literal(BUILTIN_MODEL_VERSION),
  id: z.string().min(1),
  dimension: z.number().int().positive(),
  features: z.object({
    ngramMin: z.number().int().positive(),
    ngramMax: z.number().int().positive(),
    wordWeight: z.number().nonnegative(),
    gramWeight: z.number().nonnegative(),
    words: z.array(z.string()),
    wordIdf: z.array(z.number()),
    grams: z.array(z.string()),
    gramIdf: z.array(z.number()),
  }),
  /**
   * Feature x dimension projection, row-major int8 with one float32 scale per feature row,
   * base64. A quarter of float32's size (12.8 MB instead of 51 MB at 50k x 256; the seeds give
   * ~15k features, a 5 MB file) for an error of at most 0.4% of each row's largest entry.
   */
  projection: z.object({ scales: z.string(), values: z.string() }),
});

/** Plain JSON-serialisable model, as saved next to the index. */
export type BuiltinModel = z.infer<typeof modelSchema>;

/** The embedder id the index manifest records, e.g. `builtin-lsa-v1-d256`. */
export function builtinModelId(dimension: number): string {
  return `builtin-lsa-v${BUILTIN_MODEL_VERSION}-d${dimension}`;
}

export async function saveBuiltinModel(model: BuiltinModel, path: string): Promise<void> {
  await writeFile(path, JSON.stringify(model));
}

function checkSizes(m: BuiltinModel): string | undefined {
  const f = m.features;
  if (f.words.length !== f.wordIdf.length || f.grams.length !== f.gramIdf.length) return "vocabulary and idf lengths differ";
  const rows = f.words.length + f.grams.length;
  if (Buffer.byteLength(m.projection.scales, "base64") !== rows * 4) return "projection scales do not match the vocabulary";
  if (Buffer.byteLength(m.projection.values, "base64") !== rows * m.dimension) return "projection size does not match vocabulary x dimension";
  if (m.id !== builtinModelId(m.dimension)) return `id ${m.id} does not match dimension ${m.dimension}`;
  return undefined;
}

/** Loads and validates a saved model; any problem names the file and the rebuild command. */
export async function loadBuiltinModel(path: string): Promise<BuiltinModel> {
  const fail = (why: string) =>
    new Error(`builtinEmbedder: cannot load the model at ${path}: ${why}. Rebuild the index with \`npm run ingest\`.`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    // Both a missing file and a truncated/corrupt one land here; the cause is kept.
    throw fail(err instanceof Error ? err.message : String(err));
  }
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw fail(`not a builtin model v${BUILTIN_MODEL_VERSION} (${issues.join("; ")})`);
  }
  const problem = checkSizes(parsed.data);
  if (problem) throw fail(problem);
  return parsed.data;
}
