import { describe, expect, it } from "vitest";
import { citedNumbers, keepCitedSentences, splitSentences } from "./keepCitedSentences.ts";

describe("splitSentences", () => {
  it("keeps markers written after the full stop with their sentence", () => {
    expect(splitSentences("Lille forme aux PSSM. [1] Poitiers aussi [2].")).toEqual(["Lille forme aux PSSM. [1]", "Poitiers aussi [2]."]);
  });

  it("does not cut decimals, abbreviations or list numbers", () => {
    expect(splitSentences("Budget de 1.5 M€ selon M. Durand [1].")).toEqual(["Budget de 1.5 M€ selon M. Durand [1]."]);
    expect(splitSentences("1. Lille [1].")).toEqual(["1. Lille [1]."]);
  });
});

describe("citedNumbers", () => {
  it("reads single and grouped markers", () => {
    expect(citedNumbers("a [1] b [2, 3][4;5]")).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("keepCitedSentences", () => {
  it("keeps sentences whose markers all point at a citation", () => {
    const out = keepCitedSentences("Lille forme aux PSSM [1]. Poitiers organise des balades [2].", [1, 2]);
    expect(out).toEqual({ text: "Lille forme aux PSSM [1]. Poitiers organise des balades [2].", kept: 2, dropped: 0 });
  });

  it("drops a sentence citing a number that is not a citation", () => {
    const out = keepCitedSentences("Lille forme aux PSSM [1]. Paris aussi [9].", [1, 2]);
    expect(out.text).toBe("Lille forme aux PSSM [1].");
    expect(out.dropped).toBe(1);
  });

  it("drops a sentence mixing a valid and an invalid marker", () => {
    expect(keepCitedSentences("A [1][9]. B [2].", [1, 2]).text).toBe("B [2].");
  });

  it("drops sentences without any marker", () => {
    expect(keepCitedSentences("Voici la réponse. Lille forme aux PSSM [1].", [1]).text).toBe("Lille forme aux PSSM [1].");
  });

  it("keeps list lines and removes the ones left empty", () => {
    const text = "Villes concernées :\n- Lille : PSSM [1]\n- Nantes : rien\n- Poitiers : balades [2]";
    expect(keepCitedSentences(text, [1, 2]).text).toBe("- Lille : PSSM [1]\n- Poitiers : balades [2]");
  });

  it("returns an empty text when nothing is cited", () => {
    expect(keepCitedSentences("Je ne sais pas.", [1])).toEqual({ text: "", kept: 0, dropped: 1 });
  });
});
