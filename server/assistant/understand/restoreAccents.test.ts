import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Corpus } from "./queryContext.ts";
import { analyze } from "../../../ingest/text/index.ts";
import { restoreAccents } from "./restoreAccents.ts";
import { understandQuestion } from "./understandQuestion.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

describe("restoreAccents", () => {
  it("spells a word no chunk holds as typed the way the sheets write it", () => {
    // "dedié" and "dédié" are one term to the sheets ("dedi"); "dedie" is "ded"
    expect(analyze(restoreAccents("actions sans budget dedie", corpus.stats))).toEqual(analyze("actions sans budget dédié"));
    expect(restoreAccents("actions sans budget dedie", corpus.stats)).toBe("actions sans budget dedié");
  });

  it("leaves alone the words the corpus knows as typed and the words it knows in no spelling", () => {
    expect(restoreAccents("la vie des quartiers", corpus.stats)).toBe("la vie des quartiers");
    expect(restoreAccents("zootherapie", corpus.stats)).toBe("zootherapie");
  });

  it("puts back only a spelling the lexicon knows as a word", () => {
    // "remîs" shares "remise"'s stem to the stemmer, and is no French word
    expect(restoreAccents("manuel remis aux stagiaires", corpus.stats)).toBe("manuel remîs aux stagiaires");
    expect(restoreAccents("manuel remis aux stagiaires", corpus.stats, (w) => w === "remis")).toBe("manuel remis aux stagiaires");
    expect(restoreAccents("actions sans budget dedie", corpus.stats, (w) => w === "dedié")).toBe("actions sans budget dedié");
  });

  it("keeps an accentless French question from passing for one on a topic the corpus lacks", () => {
    const q = understandQuestion(corpus, { question: "quelles actions tournent sans aucun budget dedie ?" });
    expect(q.concepts.filter((c) => c.unknown)).toEqual([]);
  });
});
