// « le CCOMS de Lille », "the CCOMS, the WHO collaborating centre in Lille": a city named after a body is where that body
// sits, not where the actions asked about take place, when other cities' sheets write the body with that city (« animées
// par le CCOMS de Lille » in Nantes' sheet). The question then asks of every city's actions that draw on the body.
import { analyze, fold } from "../../../ingest/text/index.ts";
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import { TUNING } from "../tuning.ts";

/** An acronym, as questions and sheets write a body's. */
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu;

/** The cities of `cities` the question names as a body's seat (see above). */
export function bodySeats(question: string, cities: readonly string[], index: LoadedIndex): Set<string> {
  const seats = new Set<string>();
  if (cities.length === 0) return seats;
  for (const m of question.matchAll(ACRONYM)) {
    const after = question.slice(m.index + m[0].length, m.index + m[0].length + TUNING.understand.bodySeatWindow);
    for (const city of cities) {
      // the city after the acronym, in the same clause
      const at = after.search(new RegExp(`(?<![\\p{L}])${city.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u"));
      if (at < 0 || /[.?!;]/.test(after.slice(0, at))) continue;
      if (writtenElsewhereWith(m[0], city, index)) seats.add(city);
    }
  }
  return seats;
}

/** Whether a sheet of another city writes the acronym followed by the city (« CCOMS de Lille », « CCOMS Lille »). */
function writtenElsewhereWith(acronym: string, city: string, index: LoadedIndex): boolean {
  const [term] = analyze(acronym);
  const docs = term === undefined ? undefined : index.postings.terms.get(term)?.[0]?.docs;
  // only the chunks holding the city's words too are read (a common acronym, « CLSM », is in thousands at ×100)
  const cityDocs = analyze(city).map((t) => index.postings.terms.get(t)?.[0]?.docs);
  if (!docs || cityDocs.some((l) => !l)) return false;
  const phrase = new RegExp(`\\b${fold(acronym)} (?:de |d |du )?${fold(city).replace(/[^a-z0-9]+/g, " ")}\\b`);
  const [shortest, ...longer] = [docs, ...(cityDocs as Int32Array[])].sort((a, b) => a.length - b.length);
  const others = longer.map((l) => new Set(l));
  for (const d of shortest) {
    if (!others.every((l) => l.has(d))) continue;
    const chunk = index.chunks[d];
    if (index.ficheById.get(chunk.ficheId)?.city === city) continue;
    if (phrase.test(fold(chunk.text).replace(/[^a-z0-9]+/g, " "))) return true;
  }
  return false;
}

/** The question without the seats it names, nor the preposition before each (« de Lille », "in Lille"). */
export function withoutSeats(question: string, seats: ReadonlySet<string>): string {
  let out = question;
  for (const city of seats) out = out.replace(new RegExp(`(?:\\s+(?:de|du|d['’]|in|of|at|à))?\\s*(?<![\\p{L}])${city.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu"), "");
  return out;
}
