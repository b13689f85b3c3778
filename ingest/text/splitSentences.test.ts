import { describe, expect, it } from "vitest";
import { splitSentences } from "./splitSentences.ts";

const pieces = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("ends a sentence at a stop followed by a space, and at a line break", () => {
    expect(pieces("Une phrase. Une autre !\nUn item\n\nFin")).toEqual(["Une phrase.", "Une autre !", "Un item", "Fin"]);
  });

  it("keeps a stop not followed by a space inside its sentence, losing no text", () => {
    expect(pieces("Un budget de 3.5 millions. Voir www.ville.fr pour plus.")).toEqual(["Un budget de 3.5 millions.", "Voir www.ville.fr pour plus."]);
    expect(pieces("Lieux de vie (écoles, etc.)\nLogement")).toEqual(["Lieux de vie (écoles, etc.)", "Logement"]);
  });

  it("covers every non-blank character of the text", () => {
    const text = "A. B.C. D… e?! f.)g\n  h .i";
    const covered = splitSentences(text).reduce((n, s) => n + text.slice(s.start, s.end).replace(/\s/g, "").length, 0);
    expect(covered).toBe(text.replace(/\s/g, "").length);
  });
});
