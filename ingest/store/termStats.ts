// Per-index term statistics the server's answers read (server/assistant/retrieve/corpusStats.ts):
// each analysed term's chunk frequency, each sheet's terms, the folded words of the corpus.
// Computed once at ingest and saved with the index: analysing every chunk at each start took
// 0.8 s at ×10 and ~10 s at ×100 (issue 11), on every worker.
import { analyze, fold } from "../text/index.ts";
import type { Chunk, Fiche } from "../types.ts";

export interface TermStats {
  chunkCount: number;
  /** analysed term -> number of chunks holding it (in `${title} ${text}`) */
  df: Record<string, number>;
  /** sheet id -> its analysed terms, space-separated (terms never hold a space) */
  ficheTerms: Record<string, string>;
  /** folded surface words of every text, titles and cities included */
  words: string[];
}

const WORD_RUN = /[a-z0-9]+/g;
const HYPHENATED = /[a-z0-9]+(?:-[a-z0-9]+)+/g;

export function termStatsOf(chunks: Chunk[], fiches: Fiche[]): TermStats {
  const df = new Map<string, number>();
  const ficheTerms = new Map<string, Set<string>>();
  const words = new Set<string>();
  for (const c of chunks) {
    const terms = new Set(analyze(`${c.title} ${c.text}`));
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    const set = ficheTerms.get(c.ficheId) ?? new Set<string>();
    for (const t of terms) set.add(t);
    ficheTerms.set(c.ficheId, set);
    const folded = fold(c.text);
    // the runs of letters and digits, in text order (what splitting on everything else leaves, without its empty strings)
    for (const w of folded.match(WORD_RUN) ?? []) words.add(w);
    // "co-financement" is also written "cofinancement": keep the joined form of hyphenated words
    if (folded.includes("-")) for (const m of folded.match(HYPHENATED) ?? []) words.add(m.replace(/-/g, ""));
  }
  for (const f of fiches) for (const w of fold(`${f.city} ${f.title}`).split(/[^a-z0-9]+/)) if (w) words.add(w);
  return {
    chunkCount: chunks.length,
    df: Object.fromEntries(df),
    ficheTerms: Object.fromEntries([...ficheTerms].map(([id, set]) => [id, [...set].join(" ")])),
    words: [...words],
  };
}
