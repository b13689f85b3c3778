import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { analyze, analyzeTerm, foldText, miniSearchAnalysis, stemWord, tokenize } from "./analyzeFrench.ts";

describe("foldText", () => {
  it("lowercases, strips accents, spells out ligatures and unifies apostrophes", () => {
    expect(foldText("Été À l’ÉCOLE")).toBe("ete a l'ecole");
    expect(foldText("Œuvre cœur ex æquo")).toBe("oeuvre coeur ex aequo");
    expect(foldText("l`accès l‘été")).toBe("l'acces l'ete");
  });
});

describe("tokenize", () => {
  it("removes elisions whatever the apostrophe and keeps the original case", () => {
    expect(tokenize("L'École d’art qu'il jusqu'à lorsqu'on puisqu'elle s'agit n'est c'est j'ai m'a t'es"))
      .toEqual(["École", "art", "il", "à", "on", "elle", "agit", "est", "est", "ai", "a", "es"]);
  });

  it("keeps numbers, including numbers split by a space", () => {
    expect(tokenize("le 3114 en 2023 pour 80 000 €")).toEqual(["le", "3114", "en", "2023", "pour", "80", "000"]);
  });

  it("emits a hyphenated word whole and then its parts", () => {
    expect(tokenize("les Villes-Santé")).toEqual(["les", "Villes-Santé", "Villes", "Santé"]);
  });

  it("splits a letters+digits code into its parts too", () => {
    expect(tokenize("la MDA14")).toEqual(["la", "MDA14", "MDA", "14"]);
  });
});

describe("stemWord", () => {
  it("conflates French inflections", () => {
    expect(stemWord("formations")).toBe(stemWord("formation"));
    expect(stemWord("psychologues")).toBe(stemWord("psychologue"));
    expect(stemWord("étudiants")).toBe(stemWord("étudiant"));
    expect(stemWord("élus")).toBe(stemWord("élu"));
    expect(stemWord("concernées")).toBe(stemWord("concerné"));
  });

  it("gives the same stem to a word typed without its accents", () => {
    expect(stemWord("etudiants")).toBe(stemWord("étudiants"));
    expect(stemWord("activites")).toBe(stemWord("activités"));
    expect(stemWord("precarite")).toBe(stemWord("précarité"));
    expect(stemWord("premieres")).toBe(stemWord("premières"));
    expect(stemWord("concernees")).toBe(stemWord("concernées"));
  });

  it("leaves numbers alone", () => {
    expect(stemWord("2023")).toBe("2023");
  });
});

describe("analyzeTerm", () => {
  it("drops French and English stop words", () => {
    for (const w of ["les", "Des", "qu", "dans", "the", "Which", "of"]) expect(analyzeTerm(w)).toEqual([]);
  });

  it("keeps words that look like stop words but carry meaning here", () => {
    expect(analyzeTerm("été")).toEqual(["ete"]);
    expect(analyzeTerm("ans")).not.toEqual([]);
  });

  it("keeps known acronyms whole in any case, where Snowball would cut them", () => {
    expect(analyzeTerm("ARS")).toEqual(["ars"]);
    expect(analyzeTerm("ars")).toEqual(["ars"]);
    expect(analyzeTerm("CCOMS")).toEqual(["ccoms"]);
    expect(analyzeTerm("cps")).toEqual(["cps"]);
    expect(analyzeTerm("PLUi")).toEqual(["plui"]);
  });

  it("indexes an unknown all-caps word whole and stemmed so headings still match", () => {
    expect(analyzeTerm("RENNES")).toEqual(["rennes", stemWord("rennes")]);
    expect(analyzeTerm("RENNES")).toContain(analyzeTerm("Rennes")[0]);
  });

  it("joins the stems of a compound so plural and singular compounds match", () => {
    expect(analyzeTerm("Villes-Santé")).toEqual(analyzeTerm("ville-santé"));
    expect(analyzeTerm("Bourg-en-Bresse")).toEqual([`bourg-${stemWord("bresse")}`]);
    expect(analyzeTerm("est-ce")).toEqual([]);
  });
});

describe("analyze", () => {
  it("runs the whole pipeline on a sentence", () => {
    expect(analyze("Les formations PSSM des élus à l'ARS")).toEqual(["format", "pssm", "elu", "ars"]);
  });

  it("maps a query and a document sentence to shared terms", () => {
    const doc = new Set(analyze("La Ville forme ses agents aux Premiers Secours en Santé Mentale (PSSM)."));
    for (const term of analyze("premier secours santé mentale pssm")) expect(doc).toContain(term);
  });
});

describe("miniSearchAnalysis", () => {
  const docs = [
    { id: 1, text: "Formation PSSM des agents municipaux" },
    { id: 2, text: "Balades vertes pour les étudiants" },
    { id: 3, text: "RENNES : Arts et Soins en Mouvement" },
  ];
  const index = new MiniSearch({ fields: ["text"], ...miniSearchAnalysis });
  index.addAll(docs);
  const ids = (q: string) => index.search(q).map((r) => r.id);

  it("matches an acronym whatever its case in the query", () => {
    expect(ids("PSSM")).toEqual([1]);
    expect(ids("pssm")).toEqual([1]);
  });

  it("matches a plural query against a singular document word", () => {
    expect(ids("formations")).toEqual([1]);
    expect(ids("etudiant")).toEqual([2]);
  });

  it("matches a city written in capitals from a query in title case", () => {
    expect(ids("Rennes")).toEqual([3]);
  });

  it("finds nothing for a query made only of stop words", () => {
    expect(ids("les des de la")).toEqual([]);
  });
});
