import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import { rankForQuestion } from "../retrieve/rankForQuestion.ts";
import { personForms } from "../understand/concepts.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import { decideAnswer } from "./decideAnswer.ts";
import { affirmsPerson } from "./personEvidence.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

describe("a person asked", () => {
  it("reads agent nouns by their ending, in both genders and numbers, and nothing else", () => {
    expect(personForms("psychiatre")).toEqual(["psychiatre", "psychiatres"]);
    expect(personForms("Éducatrices")).toEqual(["educatrice", "educatrices", "educateur", "educateurs"]);
    expect(personForms("pharmaciens")).toContain("pharmacienne");
    expect(personForms("psychiatrie")).toBeUndefined();
    // endings that also make things: "secteur", "levier", "atelier", "soutien"
    for (const w of ["secteur", "levier", "atelier", "soutien", "quartier"]) expect(personForms(w), w).toBeUndefined();
  });

  it("is there where a passage writes the person, not the discipline, and not where the passage says it is lacking", () => {
    const forms = personForms("psychiatre")!;
    expect(affirmsPerson("Elle prévoit l'intervention d'une psychiatre périnatale.", forms)).toBe(true);
    expect(affirmsPerson("Partenariat avec le secteur de psychiatrie et l'hôpital psychiatrique.", forms)).toBe(false);
    expect(affirmsPerson("Aucun psychiatre n'était disponible pour la soirée.", forms)).toBe(false);
    expect(affirmsPerson("Manque important d'orthophonistes et de psychiatres/psychologues", forms)).toBe(false);
    // a lack said in another sentence does not reach this one
    expect(affirmsPerson("Aucun budget. Un psychiatre siège au comité.", forms)).toBe(true);
  });

  it("lists the sheets where the person takes part, each citing the passage that writes the person, in both languages", async () => {
    for (const question of ["Dans quelles actions un psychiatre intervient-il directement ?", "Which actions actually have a psychiatrist taking part?"]) {
      const q = understandQuestion(corpus, { question });
      const d = decideAnswer(q, await rankForQuestion(q));
      expect(d.kind, question).toBe("list");
      const sheets = d.kind === "list" ? d.sheets : [];
      expect(sheets.length, question).toBeGreaterThan(0);
      for (const s of sheets) {
        // every listed sheet writes the person in the passage it cites; the discipline ("psychiatrie") alone lists none
        expect(s.evidence, s.ficheId).toBeDefined();
        expect(affirmsPerson(s.evidence!.chunk.text.slice(s.evidence!.start, s.evidence!.end), personForms("psychiatre")!), s.ficheId).toBe(true);
      }
      const writingOnlyTheDiscipline = corpus.index.fiches.filter((f) => {
        const texts = (corpus.index.chunksByFiche.get(f.id) ?? []).map((c) => c.text);
        return texts.some((t) => /psychiatri/i.test(t)) && !texts.some((t) => /psychiatres?\b/i.test(t));
      });
      expect(writingOnlyTheDiscipline.length).toBeGreaterThan(0);
      for (const f of writingOnlyTheDiscipline) expect(sheets.map((s) => s.ficheId), question).not.toContain(f.id);
    }
  });
});
