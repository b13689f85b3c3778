import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { foldText } from "../../../ingest/text/index.ts";
import { getSeedSheets } from "../../../test/helpers/seedSheets.ts";
import { detectLanguage, expandQuery, loadGlossary, parseGlossary, questionLanguage, type Glossary } from "./expandQuery.ts";

let glossary: Glossary;
beforeAll(async () => {
  glossary = await loadGlossary();
});

describe("glossary.json", () => {
  it("covers the domain broadly: 200+ entries, sheet fields included", () => {
    expect(glossary.entries.length).toBeGreaterThanOrEqual(200);
    const fields = new Set(glossary.entries.map((e) => e.field).filter(Boolean));
    for (const f of ["budget", "partners", "funders", "contact", "period", "porteur", "territory"]) expect(fields).toContain(f);
  });

  it("is rejected with its path and the failing key when malformed", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "glossary-")), "glossary.json");
    await writeFile(path, JSON.stringify({ version: 1, languageMarkers: { en: ["the"], fr: ["le"] }, entries: [{ en: ["x"] }] }));
    await expect(loadGlossary(path)).rejects.toThrow(new RegExp(`${path}.*entries\\.0\\.fr`));
    await writeFile(path, "{ not json");
    await expect(loadGlossary(path)).rejects.toThrow(path);
  });

  it("names the source of every entry, and refuses an entry without one", () => {
    for (const e of glossary.entries) expect(e.source.trim(), e.en[0]).not.toBe("");
    const data = { version: 1, languageMarkers: { en: ["the"], fr: ["le"] }, entries: [{ en: ["x"], fr: ["y"] }] };
    expect(() => parseGlossary(data, "inline")).toThrow(/inline.*source/);
  });

  it("holds terminology, not the corpus's titles: no term is a whole sheet title", async () => {
    const norm = (s: string) => (foldText(s).match(/[a-z0-9]+/g) ?? []).join(" ");
    const titles = new Set((await getSeedSheets()).map((f) => norm(f.title)));
    expect(titles.size).toBeGreaterThan(20);
    const lifted = glossary.entries.flatMap((e) => [...e.en, ...e.fr]).filter((t) => titles.has(norm(t)));
    expect(lifted).toEqual([]);
  });

  it("refuses an entry naming a field that does not exist", () => {
    const data = { version: 1, languageMarkers: { en: ["the"], fr: ["le"] }, entries: [{ en: ["x"], fr: ["y"], field: "price", source: "test" }] };
    expect(() => parseGlossary(data, "inline")).toThrow(/inline.*field/);
  });
});

describe("detectLanguage", () => {
  it.each([
    ["Quelles villes forment aux PSSM ?", "fr"],
    ["Budget des Espaces Écoute Santé ?", "fr"],
    ["actions similaires aux Balades vertes de Poitiers", "fr"],
    ["sante mentale des jeunes a Lille", "fr"],
    ["Which cities run PSSM trainings?", "en"],
    ["budget of the Espaces Ecoute Santé?", "en"],
    ["mental health first aid Lille", "en"],
    ["Who funds the listening spaces?", "en"],
    // an English opening, however many French names follow
    ["Which mental health actions draw on politique de la ville / contrat de ville money?", "en"],
    ["Liste des actions de la ville de Lille", "fr"],
    // English words French also writes, in an English order (French says « prévention du suicide »)
    ["suicide prevention", "en"],
    ["prévention du suicide", "fr"],
    ["prevention suicide", "fr"],
  ] as const)("%s -> %s", (question, lang) => {
    expect(detectLanguage(question, glossary)).toBe(lang);
  });

  it("defaults to French when nothing tells (a bare name or acronym)", () => {
    expect(detectLanguage("Lille", glossary)).toBe("fr");
    expect(detectLanguage("PSSM", glossary)).toBe("fr");
  });
});

describe("expandQuery", () => {
  it("reads a word right after a subject pronoun or a modal as a verb, not a noun-only entry ('they book' is no library)", () => {
    const booked = expandQuery("making psychologists less intimidating for teenagers so they book a first appointment sooner", glossary);
    expect(booked.added).not.toContain("bibliothèque");
    // the noun keeps its entry, and so does a verb entry after a pronoun ("they train": training)
    expect(expandQuery("Which cities lend books to patients?", glossary).added).toContain("bibliothèque");
    expect(expandQuery("Which cities say they train their staff?", glossary).added).toContain("formation");
    // an inverted modal ("Where can residents…", "Can residents…") has its subject after it, not a verb
    expect(expandQuery("Where can residents talk to a psychologist for free?", glossary).added).toContain("habitants");
    expect(expandQuery("Can residents get support?", glossary).added).toContain("habitants");
    expect(expandQuery("so that we can book a room", glossary).added).not.toContain("bibliothèque");
  });

  it("translates 'neighbours' as a translator would (voisins, voisinage), not as residents at large", () => {
    const { added } = expandQuery("Which cities handle complaints from neighbours?", glossary);
    expect(added).toContain("voisinage");
    expect(added).not.toContain("habitants");
  });

  it("reads 'local community centres' as community centres: no term of the glossary is 'community' with a modifier that says nothing more", () => {
    expect(expandQuery("Where are sessions held in local community centres?", glossary).added).toContain("centres sociaux");
  });

  it("reads a French plural in -aux as the glossary's singular in -al ('hôpitaux': hôpital, centre hospitalier)", () => {
    const { frenchSynonyms } = expandQuery("Des actions en lien avec les hôpitaux ?", glossary, "fr");
    expect(frenchSynonyms?.some((entry) => entry[0] === "hôpital" && entry.includes("centre hospitalier"))).toBe(true);
  });

  it("gives door-knocking and street teams their French ('porte-à-porte', 'équipe mobile'), not the street's public spaces", () => {
    const { added } = expandQuery("Who does outreach, like door-knocking or street teams going out to people?", glossary);
    expect(added).toContain("porte-à-porte");
    expect(added).toContain("équipe mobile");
    expect(added).not.toContain("espace public");
  });

  it("gives motion its French as movement (« mouvement »), which the dictionary renders as the parliamentary « motion »", () => {
    expect(expandQuery("Which events put arts in motion?", glossary).added).toContain("mouvement");
  });

  it("gives a flyer its French words, the English word among them, not those of a guide or a tool", () => {
    const r = expandQuery("What's the headline of the flyer?", glossary);
    expect(r.concepts).toContainEqual(expect.arrayContaining(["flyer", "prospectus"]));
    expect(r.added).not.toContain("outil");
  });

  it("adds the French names of mental health first aid and training to an English question", () => {
    const r = expandQuery("Which cities run mental health first aid trainings?", glossary);
    expect(r.lang).toBe("en");
    expect(r.added).toContain("premiers secours en santé mentale");
    expect(r.added).toContain("formation");
    expect(r.added).toContain("ville");
    expect(r.expanded.startsWith("Which cities run mental health first aid trainings? ")).toBe(true);
    expect(r.expanded).toContain("premiers secours en santé mentale");
  });

  it("gives a theatre its French, not « représentation », which the sheets write for perceptions; a show gives it", () => {
    const theatre = expandQuery("Which actions have a theatre as partner?", glossary);
    expect(theatre.added).toContain("spectacle");
    expect(theatre.added).not.toContain("représentation");
    expect(expandQuery("a stage performance by patients", glossary).added).toContain("représentation");
  });

  it("gives demystifying its French, dédramatiser and déstigmatiser with it", () => {
    const r = expandQuery("demystifying what psychologists do", glossary);
    expect(r.added).toEqual(expect.arrayContaining(["démystifier", "dédramatiser"]));
  });

  it("gives reluctance its French", () => {
    expect(expandQuery("their reluctance to see a psychologist", glossary).added).toContain("réticence");
  });

  it("gives endocrine disruptors and indoor air their French", () => {
    const r = expandQuery("awareness of endocrine disruptors and indoor air quality", glossary);
    expect(r.added).toEqual(expect.arrayContaining(["perturbateurs endocriniens", "qualité de l'air intérieur"]));
  });

  it("reads 'a seat at the table' as participation", () => {
    expect(expandQuery("actions giving residents a seat at the table", glossary).added).toContain("participation des habitants");
  });

  it("gives neighbour complaints and feeling unsafe their French", () => {
    const r = expandQuery("mental health work tied to neighbour complaints or people feeling unsafe", glossary);
    expect(r.added).toContain("voisinage");
    expect(r.added).toContain("sentiment d'insécurité");
  });

  it("gives multi-agency work and individual cases their French", () => {
    const r = expandQuery("multi-agency meetings on individual cases", glossary);
    expect(r.added).toContain("pluriprofessionnel");
    expect(r.added).toContain("situations individuelles");
  });

  it("expands an acronym, without repeating what the question already says", () => {
    const r = expandQuery("PSSM trainings in Lille", glossary);
    expect(r.added).toContain("premiers secours en santé mentale");
    expect(r.added).not.toContain("PSSM");
  });

  it("prefers the multi-word entry over the words it contains", () => {
    const r = expandQuery("support for social landlords", glossary);
    expect(r.added).toContain("bailleurs sociaux");
    expect(r.added).not.toContain("lien social");
  });

  it("prefers the leftmost of two overlapping terms of the same length", () => {
    const r = expandQuery("is there a peer support group for carers?", glossary);
    expect(r.added).toContain("pair-aidance");
    expect(r.added).not.toContain("groupe de parole");
  });

  it("matches singular and plural forms both ways", () => {
    expect(expandQuery("what about the neighbourhood of the priority area", glossary).added).toContain("quartier");
    expect(expandQuery("actions for teenager", glossary).added).toContain("adolescents");
    expect(expandQuery("actions for the teenagers", glossary).added).toContain("adolescents");
  });

  it("maps the English names of sheet fields to their French labels and reports the fields", () => {
    const r = expandQuery("Who are the partners and funders, and what is the budget?", glossary);
    expect(r.added).toEqual(expect.arrayContaining(["partenaires", "partenaires financiers", "budget de fonctionnement annuel"]));
    expect(r.fields).toEqual(["partners", "funders", "budget"]);
    expect(expandQuery("who leads the project and over what period?", glossary).fields).toEqual(["porteur", "period"]);
  });

  it("leaves a French question unchanged, and names the glossary terms of several words it writes (not field labels)", () => {
    const q = "Quelles villes forment leurs agents aux premiers secours en santé mentale ?";
    const r = expandQuery(q, glossary);
    expect(r).toMatchObject({ lang: "fr", expanded: q, added: [], concepts: [], fields: [], leftover: [] });
    // the entry's alternatives, the term as written first
    expect(r.frenchTerms.map((t) => t[0])).toContain("premiers secours en santé mentale");
    expect(r.frenchTerms.find((t) => t[0] === "premiers secours en santé mentale")).toContain("PSSM");
    expect(expandQuery("Quel est le rôle de la collectivité ?", glossary).frenchTerms).toEqual([]);
  });

  it("reads \"community safety\", hyphenated or not, as one term (public tranquillity), not a community and a safety", () => {
    for (const q of ["Any actions that bring in the police or community-safety services?", "community safety and mental health"]) {
      const r = expandQuery(q, glossary);
      expect(r.labels).toContain(q.includes("-") ? "community-safety" : "community safety");
      expect(r.labels).not.toContain("community");
      expect(r.concepts.find((c) => c.includes("tranquillité publique"))).toBeDefined();
    }
  });

  it("reads \"close to home\" as nearness (« proximité »), not as housing", () => {
    const r = expandQuery("Where can residents talk to a psychologist close to home?", glossary);
    expect(r.added).toContain("proximité");
    expect(r.added).not.toContain("logement");
  });

  it("keeps welfare benefits apart from access to rights, which a translator does not give for \"welfare\"", () => {
    const welfare = expandQuery("Which projects are aimed at people on welfare?", glossary).concepts.flat();
    expect(welfare).toEqual(expect.arrayContaining(["prestations sociales", "allocations"]));
    expect(welfare).not.toContain("accès aux droits");
    expect(expandQuery("Which actions help people with access to rights?", glossary).concepts.flat()).toContain("accès aux droits");
  });

  it("reads « soutien psy », French's common short form, as psychological support", () => {
    const r = expandQuery("Quelles villes proposent un soutien psy dans les quartiers ?", glossary);
    expect(r.frenchTerms.find((t) => t[0] === "soutien psy")).toEqual(expect.arrayContaining(["soutien psychologique", "permanence d'écoute"]));
  });

  it("leaves an English question with no glossary term as it is", () => {
    const r = expandQuery("What is going on in Lille and in Caen?", glossary);
    expect(r).toMatchObject({ lang: "en", expanded: "What is going on in Lille and in Caen?", added: [] });
  });
});

describe("expandQuery typo tolerance", () => {
  it("reads a long English word one edit from a glossary word as that word, and leaves short words alone", () => {
    const right = expandQuery("projects run with a university", glossary);
    const typo = expandQuery("projects run with a univeristy", glossary);
    expect(typo.concepts).toEqual(right.concepts);
    expect(typo.concepts.length).toBeGreaterThan(0);
    expect(expandQuery("projects run with a unicorn", glossary).concepts).not.toEqual(right.concepts);
  });

  it("translates housing and planning terms a translator would give: subletting is sous-location, burying a road enfouissement", () => {
    for (const q of ["how much did the subletting cost?", "who paid for sub-letting the flats?"]) {
      expect(expandQuery(q, glossary).concepts.some((c) => c.includes("sous-location")), q).toBe(true);
    }
    // urban planning: a road put underground, a motorway junction
    const planning = expandQuery("what would burying the interchange change?", glossary).concepts;
    expect(planning.some((c) => c.includes("enfouissement"))).toBe(true);
    expect(planning.some((c) => c.includes("échangeur"))).toBe(true);
  });

  it("leaves alone a word the dictionary knows, even one edit from a glossary word", () => {
    // "hosted" is one letter from "hostel" (emergency housing)
    const housing = (concepts: string[][]) => concepts.some((c) => c.includes("hébergement d'urgence"));
    expect(housing(expandQuery("which cities hosted sessions", glossary).concepts)).toBe(true);
    expect(housing(expandQuery("which cities hosted sessions", glossary, undefined, (w) => w === "hosted").concepts)).toBe(false);
    expect(housing(expandQuery("which cities offer a hostel", glossary, undefined, (w) => w === "hosted").concepts)).toBe(true);
  });
});

describe("questionLanguage", () => {
  it("is the language expandQuery detects, typos and a dictionary included", () => {
    const isWord = (w: string) => w === "hosted";
    for (const q of ["Quelles villes forment aux PSSM ?", "which cities run PSSM trainings?", "univeristy students hosted", "Lille", "green walks nature students", "santé mentale des étudiants à Poitiers", "budget of the conseil local de santé mentale"])
      for (const dict of [undefined, isWord]) expect(questionLanguage(q, glossary, dict), q).toBe(expandQuery(q, glossary, undefined, dict).lang);
  });
});

describe("expandQuery: one meaning per entry", () => {
  it("translates decision-makers as « décideurs », not as the scenarios or the decision-making an entry once shared with them", () => {
    const added = expandQuery("Which actions are aimed at decision-makers?", glossary).added;
    expect(added).toContain("décideurs");
    expect(added).not.toContain("scénarios");
    expect(added).not.toContain("prise de décision");
  });
});

describe("expandQuery: what a translator gives, not a neighbouring topic", () => {
  it("gives physical activity no « sédentarité », housing no « expulsion », air quality no « sols », dance no « corps »", () => {
    expect(expandQuery("Which cities run physical activity sessions?", glossary).added).not.toContain("sédentarité");
    expect(expandQuery("Which actions help people keep their housing?", glossary).added).not.toContain("expulsion");
    expect(expandQuery("Which actions deal with air quality?", glossary).added).not.toContain("sols");
    expect(expandQuery("Which cities use dance?", glossary).added).not.toContain("corps");
    // each keeps its own entry
    expect(expandQuery("Which actions prevent evictions?", glossary).added).toContain("expulsion");
    expect(expandQuery("Which actions tackle sedentary lifestyles?", glossary).added).toContain("sédentarité");
  });
});
