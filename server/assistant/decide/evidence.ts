// Evidence passages. A sheet answers "does X" when one passage of it — a sentence, or two
// neighbouring ones — states the question's specific concepts together, not when they are
// scattered over its fields. The sheet's title counts as part of every passage (it says what
// the action is). Administrative fields (budget, funders, contact, date) are evidence only for
// a question that asks for them.
import { analyze, splitSentences, type Span } from "../../../ingest/text/index.ts";
import type { Chunk } from "../../../ingest/types.ts";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import { idf } from "../retrieve/corpusStats.ts";
import type { Concept } from "../understand/concepts.ts";
import { TUNING } from "../tuning.ts";

const { adminFields, derivedFormPrefix, checkboxFields } = TUNING.evidence;

/** Analysed terms of a text, with the prefixes that let a stem meet its derived forms. */
export interface TermBag {
  terms: Set<string>;
  prefixes: Set<string>;
}

export interface Evidence extends Span {
  chunk: Chunk;
  /** idf-weighted share of the concepts the passage (with the title) states */
  coverage: number;
  /** the same, from the passage's own words */
  own: number;
  covered: Concept[];
}

export function termBag(text: string): TermBag {
  const terms = new Set(analyze(text));
  const prefixes = new Set<string>();
  for (const t of terms) for (let n = derivedFormPrefix.min; n <= derivedFormPrefix.max; n++) if (t.length >= n) prefixes.add(t.slice(0, n));
  return { terms, prefixes };
}

/** One ticked box per line ("…(écoles, etc.)" is one box, whatever its full stops). */
function linesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    if (line.trim()) out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

/** Analysed passages of the chunks read lately: chunks live as long as the index, so a WeakMap would
 * keep every chunk ever read; this one is emptied when full (the seeds' 697 chunks all fit). */
const passageCache = new Map<Chunk, (Span & TermBag)[]>();
const titleCache = new Map<Chunk, TermBag>();
const { evidenceCacheChunks } = TUNING.scale;
function remember<V>(cache: Map<Chunk, V>, chunk: Chunk, value: V): V {
  if (cache.size >= evidenceCacheChunks) cache.clear();
  cache.set(chunk, value);
  return value;
}

/** A chunk's passages: each sentence, and each pair of neighbouring sentences — except in the
 * form's checkbox lists, where each ticked box (a line) is a statement of its own and two
 * neighbouring boxes say nothing together. */
export function passagesOf(chunk: Chunk): (Span & TermBag)[] {
  let out = passageCache.get(chunk);
  if (out) return out;
  const boxes = checkboxFields.includes(chunk.field);
  const spans = boxes ? linesOf(chunk.text) : splitSentences(chunk.text);
  out = [];
  for (let i = 0; i < spans.length; i++) {
    out.push({ ...spans[i], ...termBag(chunk.text.slice(spans[i].start, spans[i].end)) });
    if (i + 1 < spans.length && !boxes) out.push({ start: spans[i].start, end: spans[i + 1].end, ...termBag(chunk.text.slice(spans[i].start, spans[i + 1].end)) });
  }
  remember(passageCache, chunk, out);
  return out;
}

/**
 * A question term is in a bag as itself or, unless it must match exactly (an acronym), as a
 * derived form sharing its first letters ("forment" ~ "formation", "étudiants" ~ "étudiante").
 */
function termIn(t: string, bag: TermBag, exact: ReadonlySet<string>): boolean {
  if (bag.terms.has(t)) return true;
  if (exact.has(t) || t.length < derivedFormPrefix.min) return false;
  return bag.prefixes.has(t.slice(0, Math.min(derivedFormPrefix.max, t.length)));
}

export function bagCovers(c: Concept, bag: TermBag, exact: ReadonlySet<string>): boolean {
  return c.phrases.some((phrase) => phrase.every((t) => termIn(t, bag, exact)));
}

/** A concept weighs as its best alternative's rarest term. */
export const conceptWeight = (c: Concept, stats: CorpusStats): number => idf(stats, c.df);

/** More of the concepts; then more of them in the passage's own words; then the shorter passage, which says it more directly. */
function better(a: Evidence, b: Evidence): boolean {
  const eps = 1e-9;
  if (Math.abs(a.coverage - b.coverage) > eps) return a.coverage > b.coverage;
  if (Math.abs(a.own - b.own) > eps) return a.own > b.own;
  return a.end - a.start < b.end - b.start;
}

export interface EvidenceQuery {
  concepts: Concept[];
  stats: CorpusStats;
  /** terms that match only as themselves (acronyms the question names) */
  exact: ReadonlySet<string>;
  /** administrative fields the question asks for, which then count as evidence */
  askedFields: readonly string[];
  /** when set, only these fields are evidence ("… parmi leurs porteurs") */
  onlyFields?: readonly string[];
  /** concepts every evidence passage must state itself (acronyms the question names) */
  required?: readonly Concept[];
}

export function isEvidenceField(field: string, askedFields: readonly string[]): boolean {
  return !adminFields.includes(field) || askedFields.includes(field);
}

/** The passage of these chunks that states most of the concepts. */
export function bestEvidence(chunks: readonly Chunk[], q: EvidenceQuery): Evidence | undefined {
  const weights = q.concepts.map((c) => conceptWeight(c, q.stats));
  const total = weights.reduce((s, w) => s + w, 0);
  const share = (covered: boolean[]) => (total === 0 ? 1 : covered.reduce((s, yes, i) => s + (yes ? weights[i] : 0), 0) / total);
  let best: Evidence | undefined;
  for (const chunk of chunks) {
    if (q.onlyFields ? !q.onlyFields.includes(chunk.field) : !isEvidenceField(chunk.field, q.askedFields)) continue;
    // the title and the field label frame every passage ("Déterminants…" over a ticked box)
    let title = titleCache.get(chunk);
    if (!title) title = remember(titleCache, chunk, termBag(`${chunk.title} ${chunk.fieldLabel}`));
    const inTitle = q.concepts.map((c) => bagCovers(c, title, q.exact));
    for (const p of passagesOf(chunk)) {
      if (q.required?.some((c) => !bagCovers(c, p, q.exact))) continue;
      const own = q.concepts.map((c) => bagCovers(c, p, q.exact));
      const withTitle = own.map((yes, i) => yes || inTitle[i]);
      const ev: Evidence = { chunk, start: p.start, end: p.end, coverage: share(withTitle), own: share(own), covered: q.concepts.filter((_, i) => withTitle[i]) };
      if (!best || better(ev, best)) best = ev;
    }
  }
  return best;
}
