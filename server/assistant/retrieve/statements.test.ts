import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import { analyze, splitLines, splitSentences } from "../../../ingest/text/index.ts";
import type { Chunk } from "../../../ingest/types.ts";
import type { Concept } from "../understand/concepts.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { TUNING } from "../tuning.ts";
import { bestEvidence, passagesOf, readStatements, termBag } from "../decide/evidence.ts";
import { heldTermNumbers, heldTextHoldsSideBySide, heldTextTerms, statementsOf, textHoldsAnyOf } from "./statements.ts";
import { sideBySide } from "../understand/sideBySide.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

/** passagesOf as it reads a chunk's own text */
function fromText(chunk: Chunk) {
  const boxes = TUNING.evidence.checkboxFields.includes(chunk.field);
  const spans = boxes ? splitLines(chunk.text) : splitSentences(chunk.text);
  return spans.flatMap((s, i) => {
    const one = termBag(chunk.text.slice(s.start, s.end));
    const out = [{ start: s.start, end: s.end, terms: [...one.terms], prefixes: [...one.prefixes] }];
    if (i + 1 < spans.length && !boxes) {
      const two = termBag(chunk.text.slice(s.start, spans[i + 1].end));
      out.push({ start: s.start, end: spans[i + 1].end, terms: [...two.terms], prefixes: [...two.prefixes] });
    }
    return out;
  });
}

describe("evidence over the statements ingest analysed", () => {
  it("gives every chunk of the seeds the passages its text gives, terms in the same order, and its text's terms", () => {
    readStatements(corpus.index);
    for (const chunk of corpus.index.chunks) {
      expect(statementsOf(chunk)).toBeDefined();
      expect(heldTextTerms(chunk)).toEqual(analyze(chunk.text));
      expect(passagesOf(chunk).map((p) => ({ start: p.start, end: p.end, terms: [...p.terms], prefixes: [...p.prefixes] }))).toEqual(fromText(chunk));
    }
  });

  it("says whether a chunk's text holds one of some terms as its analysed text does, and knows no chunk it does not hold", () => {
    readStatements(corpus.index);
    for (const wanted of [["psychiatr"], ["infirmi", "coordin"], ["zzzz"]]) {
      const numbers = heldTermNumbers(wanted)!;
      for (const chunk of corpus.index.chunks) expect(textHoldsAnyOf(chunk, numbers)).toBe(analyze(chunk.text).some((t) => wanted.includes(t)));
    }
    const stranger = { ...corpus.index.chunks[0], id: "x" };
    expect(textHoldsAnyOf(stranger, heldTermNumbers(["psychiatr"])!)).toBeUndefined();
  });

  it("finds the same best passage as from the chunks' text, and reads a chunk of no held index from its text", () => {
    readStatements(corpus.index);
    const chunks = corpus.index.chunksByFiche.get("lille--formations-premiers-secours-sante-mentale")!;
    const concepts: Concept[] = [{ phrases: [["pssm"]], df: 3, unknown: false }, { phrases: [["form"]], df: 30, unknown: false }];
    const query = { concepts, stats: corpus.stats, exact: new Set(["pssm"]), askedFields: [] };
    const held = bestEvidence(chunks, query)!;
    // copies are not the index's chunks: their passages come from their text
    const copies = chunks.map((c) => ({ ...c }));
    expect(statementsOf(copies[0])).toBeUndefined();
    const read = bestEvidence(copies, query)!;
    expect({ ...read, chunk: read.chunk.id }).toEqual({ ...held, chunk: held.chunk.id });
    expect(held.coverage).toBe(1);
  });

  it("finds the same best passage past 32 query terms, where the held chunk is indexed from its numbers", () => {
    readStatements(corpus.index);
    const chunks = corpus.index.chunksByFiche.get("lille--formations-premiers-secours-sante-mentale")!;
    const words = [...new Set(chunks.flatMap((c) => passagesOf(c).flatMap((p) => [...p.terms])))].slice(0, 40);
    expect(words.length).toBe(40);
    const concepts: Concept[] = words.map((w, i) => ({ phrases: [[w]], df: 1 + (i % 7), unknown: false }));
    const query = { concepts, stats: corpus.stats, exact: new Set<string>(), askedFields: [] };
    const held = bestEvidence(chunks, query)!;
    const read = bestEvidence(chunks.map((c) => ({ ...c })), query)!;
    expect({ ...read, chunk: read.chunk.id }).toEqual({ ...held, chunk: held.chunk.id });
    expect(held.covered.length).toBeGreaterThan(1);
  });

  it("reads a phrase's words side by side in its order, not across an enumeration that writes them the other way round", () => {
    // "bailleurs sociaux, quatre centres médico-sociaux": "social" then "centre", no "centre social"
    const seq = ["bailleur", "social", "quatr", "centr", "medico-social"];
    expect(sideBySide(seq, new Set(["centr", "social"]), 3)).toBe(false);
    expect(sideBySide(seq, new Set(["social", "quatr", "centr"]), 3)).toBe(true);
    expect(sideBySide(["centr", "social"], new Set(["centr", "social"]), 3)).toBe(true);
    // one word between them is the slack ("troubles graves du comportement": troubl grav comport)
    expect(sideBySide(["troubl", "grav", "comport"], new Set(["troubl", "comport"]), 3)).toBe(true);
  });

  it("says whether a chunk's text holds terms side by side as its analysed text does, read as numbers in place", () => {
    let yes = 0;
    let asked = 0;
    for (const [n, chunk] of corpus.index.chunks.entries()) {
      const seq = analyze(chunk.text);
      if (seq.length < 4) continue;
      // neighbours, words far apart, a word with one the text never writes, and three words in a window
      // (and two neighbours the other way round: a phrase is read in its order)
      const tries = [[seq[0], seq[1]], [seq[1], seq[0]], [seq[0], seq[seq.length - 1]], [seq[n % seq.length], "zzzunwritten"], [seq[1], seq[2], seq[3]]];
      for (const t of tries) {
        const terms = new Set(t);
        for (const window of [terms.size, terms.size + 2]) {
          const expected = sideBySide(seq, terms, window);
          expect(heldTextHoldsSideBySide(chunk, terms, window), `${chunk.id} ${t.join(" ")} ${window}`).toBe(expected);
          asked++;
          if (expected) yes++;
        }
      }
    }
    expect(asked).toBeGreaterThan(2000);
    expect(yes).toBeGreaterThan(500);
    expect(asked - yes).toBeGreaterThan(500);
    expect(heldTextHoldsSideBySide({ ...corpus.index.chunks[0], id: "elsewhere" }, new Set(["sant"]), 3)).toBeUndefined();
  });
});
