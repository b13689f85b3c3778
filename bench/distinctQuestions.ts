// Questions nobody asked before, for the rows that must not be served from the response cache
// (server/responseCache.ts) nor from the query-embedding cache: the first words of one bench
// question joined to the last words of another, cut at half or at a third, then the same with
// each city of the corpus after it ("… Lille"). 30 questions give up to 1,740 splices a city (and
// without one; the few that coincide are skipped), so ×1 (the seeds' cities) has tens of
// thousands, more than a 10 s run sends; the bench reports any repeat.
import { QUERIES } from "./queries.ts";

const words = QUERIES.map((q) => q.replace(/[?]/g, "").trim().split(/\s+/));
const CUTS = [1 / 2, 1 / 3];
const cut = (w: string[], f: number) => Math.max(1, Math.round(w.length * f));

/** The n-th distinct question (n from 0), or undefined past the last. Cities vary slowest. */
export function distinctQuestion(n: number, cities: readonly string[]): string | undefined {
  const pairs = words.length * (words.length - 1);
  const perCity = 2 * pairs;
  const c = Math.floor(n / perCity);
  if (c > cities.length) return undefined;
  const r = n % perCity;
  const f = CUTS[r % 2]!;
  const p = Math.floor(r / 2);
  const a = Math.floor(p / (words.length - 1));
  let b = p % (words.length - 1);
  if (b >= a) b++; // never a question with itself
  const [first, second] = [words[a]!, words[b]!];
  const text = [...first.slice(0, cut(first, f)), ...second.slice(cut(second, f))].join(" ");
  return c === 0 ? text : `${text} ${cities[c - 1]}`;
}

/** Hands out distinct questions in order, each once; `repeats` counts the ones given again after the last (wrapped around). */
export class DistinctQuestions {
  private n = 0;
  private seen = new Set<string>();
  repeats = 0;
  constructor(private readonly cities: readonly string[]) {}
  next(): string {
    for (;;) {
      const q = distinctQuestion(this.n++, this.cities);
      if (q === undefined) {
        this.n = 0;
        this.repeats++;
        continue;
      }
      if (this.repeats > 0 || !this.seen.has(q)) {
        if (this.repeats === 0) this.seen.add(q);
        else this.repeats++;
        return q;
      }
    }
  }
  get given(): number {
    return this.seen.size;
  }
}
