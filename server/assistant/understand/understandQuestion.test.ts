import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import { createQueryExpander } from "./createQueryExpander.ts";
import { createCorpus, type Corpus } from "./queryContext.ts";
import { understandQuestion } from "./understandQuestion.ts";
import { splitExamples } from "./concepts.ts";
import { detectIntent } from "./detectIntent.ts";
import { analyze } from "../../../ingest/text/index.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

const PSSM_IDS = ["lille--formations-premiers-secours-sante-mentale", "caen--former-aux-premiers-secours-sante"];
const history = [
  { role: "user" as const, content: "Quelles villes forment aux PSSM ?" },
  { role: "assistant" as const, content: "…", ficheIds: PSSM_IDS },
];

describe("understandQuestion", () => {
  it("computes its concepts, terminology and entities on first use, from getters of the context's prototype (own accessors made V8 promote every question's objects)", () => {
    const q = understandQuestion(corpus, { question: "Quelles villes forment aux PSSM ?", k: 3 });
    for (const part of ["concepts", "terminology", "entities"]) expect(Object.getOwnPropertyDescriptor(q, part), part).toBeUndefined();
    expect(q.concepts).toBe(q.concepts); // computed once
    expect(q.entities).toEqual(["pssm"]);
    expect(q.k).toBe(3);
    expect("scope" in q).toBe(false);
    expect(understandQuestion(corpus, { question: "Et leur budget ?", history }).scope).toEqual(new Set(PSSM_IDS));
  });

  it("grounds an acronym no sheet writes where they write the glossary's spelled-out form ('SISM'), and searches that form", () => {
    const q = understandQuestion(corpus, { question: "Quelles actions pendant les SISM ?" });
    expect(corpus.stats.df.has("sism")).toBe(false);
    expect(q.concepts.find((c) => c.label === "SISM")?.unknown).toBe(false);
    expect(q.text).toContain("semaines d'information sur la santé mentale");
    // an acronym the sheets write is searched as written
    expect(understandQuestion(corpus, { question: "Quelles actions avec le CLSM ?" }).text).toBe("avec le CLSM ?");
  });

  it("searches a glossary term no sheet writes as such by its entry's other forms ('conseil départemental': Département), not one they write", () => {
    const q = understandQuestion(corpus, { question: "Quelles actions associent le conseil départemental ?" });
    expect(q.text).toContain("département");
    expect(q.terms).toContain("depart");
    // a term the sheets write is searched as written
    expect(understandQuestion(corpus, { question: "Quelles actions associent un centre hospitalier universitaire ?" }).text).toBe("associent un centre hospitalier universitaire ?");
  });

  it("reads a list's glossary term with a word no sheet writes (« enseignement supérieur ») as one concept found by the entry's forms, not in a topic question", () => {
    const list = understandQuestion(corpus, { question: "Quelles villes accompagnent les jeunes de l'enseignement supérieur ?" });
    expect(list.intent.kind).toBe("list");
    const term = list.concepts.find((c) => c.label === "enseignement supérieur");
    expect(term?.unknown).toBe(false);
    expect(term?.phrases).toContainEqual(analyze("étudiants"));
    expect(list.concepts.some((c) => c.unknown)).toBe(false);
    // a topic question keeps the word the sheets do not write: its entry's forms may be broader than what it asks
    const topic = understandQuestion(corpus, { question: "Le soutien psychologique dans l'enseignement supérieur" });
    expect(topic.concepts.some((c) => c.unknown && c.label === "supérieur")).toBe(true);
  });

  it("searches a French question's rare word with its glossary synonyms ('dédramatiser': démystifier), not a common one nor in a list", () => {
    expect(understandQuestion(corpus, { question: "dédramatiser le fait d'aller voir un psychologue" }).text).toContain("démystifier");
    // a word many chunks write is the sheets' own already ("logement", 51 chunks)
    expect(understandQuestion(corpus, { question: "accès au logement des personnes isolées" }).text).toBe("accès au logement des personnes isolées");
    // a list is chosen by its concepts' evidence, which withSynonyms widens
    expect(understandQuestion(corpus, { question: "Quelles villes veulent dédramatiser le fait d'aller voir un psychologue ?" }).text).not.toContain("démystifier");
  });

  it("reads a word with a capital inside ('VigilanS') as a name, there as written, not as a corpus word sharing its first letters", () => {
    const unknown = (question: string) => understandQuestion(corpus, { question }).concepts.filter((c) => c.unknown).map((c) => c.label);
    expect(unknown("Quelles villes participent au programme VigilanS ?")).toEqual(["VigilanS"]);
    // the same letters in small ones may be a word of the family the sheets write ("vigilance")
    expect(unknown("Quelles villes parlent de vigilans ?")).toEqual([]);
  });

  it("reads a clipped French word as the few corpus terms it opens ('petit-déj': petits-déjeuners), not a whole word the stemmer cut ('pâte')", () => {
    const q = understandQuestion(corpus, { question: "Quelles actions proposent un petit-déj ?" });
    const clipped = q.concepts.filter((c) => c.label === "petit-déj");
    expect(clipped.some((c) => c.unknown)).toBe(false);
    expect(clipped.flatMap((c) => c.phrases.flat())).toContain("pet-dejeun");
    const whole = understandQuestion(corpus, { question: "Quelles actions proposent de la pâte à modeler ?" });
    expect(whole.concepts.find((c) => c.label === "pâte")?.unknown).toBe(true);
  });

  it("reads an age said by its decade (« quinquagénaires », 'in their fifties') as the number of years the sheets write, not an unknown word", () => {
    const ages = (question: string) => understandQuestion(corpus, { question }).concepts.filter((c) => c.phrases.some((p) => /^\d+$/.test(p[0])));
    for (const question of ["Des actions pour les quinquagénaires ?", "Any action for people in their early fifties?"]) {
      expect(ages(question).map((c) => c.phrases), question).toEqual([[analyze("50 ans")]]);
      expect(understandQuestion(corpus, { question }).concepts.some((c) => c.unknown), question).toBe(false);
    }
    // "the fifties" is also a time: no age
    expect(ages("What did cities do in the fifties?")).toEqual([]);
  });

  it("reads a French verb made on a word the sheets write by doubling its last consonant ('slammer': slam) as that word", () => {
    const q = understandQuestion(corpus, { question: "Des jeunes ont-ils appris à slammer quelque part ?" });
    const verb = q.concepts.filter((c) => c.label === "slammer");
    expect(verb.some((c) => c.unknown)).toBe(false);
    expect(verb.flatMap((c) => c.phrases.flat())).toEqual(analyze("slam"));
    // a word whose undoubled form the sheets do not write either stays unknown
    const other = understandQuestion(corpus, { question: "Des jeunes ont-ils appris à flipper quelque part ?" });
    expect(other.concepts.find((c) => c.label === "flipper")?.unknown).toBe(true);
  });

  it("takes no topic from a noun after a demonstrative in a follow-up list ('parmi ces dispositifs'), but keeps it in a follow-up lookup", () => {
    const listed = understandQuestion(corpus, { question: "Et parmi ces dispositifs, lesquels ont lieu dans des centres sociaux ?", history });
    expect(listed.intent.kind).toBe("list");
    expect(listed.concepts.map((c) => c.label)).not.toContain("dispositifs");
    expect(listed.concepts.some((c) => c.label?.startsWith("centres"))).toBe(true);
    // asked of them, "sessions" is what the duration is of
    const lookup = understandQuestion(corpus, { question: "How long does each of those sessions last?", history });
    expect(lookup.concepts.some((c) => c.label === "sessions")).toBe(true);
  });

  it("takes a rare word written in small letters for a name when the sheets write it in capitals only ('unafam'), not a word they write in small letters", () => {
    expect(understandQuestion(corpus, { question: "unafam partenaire : dans quelles actions ?" }).entities).toEqual(["unafam"]);
    expect(understandQuestion(corpus, { question: "quelles actions avec un psychologue ?" }).entities).toEqual([]);
    expect(corpus.stats.writtenInCapitals("unafam", "unafam")).toBe(true);
    expect(corpus.stats.writtenInCapitals("psychologue", "psycholog")).toBe(false);
  });

  it("reads an English list question: language from its frame, intent, and French search terms from the glossary", () => {
    const q = understandQuestion(corpus, { question: "Which cities run PSSM trainings?" });
    expect(q.lang).toBe("en");
    expect(q.intent.kind).toBe("list");
    expect(q.termSet.has("pssm")).toBe(true);
    // the frame "Which cities" is not searched for
    expect(q.text).not.toMatch(/cities/i);
    expect(q.entities).toEqual(["pssm"]);
  });

  it("scopes « parmi ces villes » to every sheet of the cities the last answer cited, not only the sheets it cited", () => {
    const cited = ["caen--developper-les-competences-sur-sante", "limoges--sensibilisation-sante-mentale-qpv"];
    const before = [{ role: "user" as const, content: "Quelles villes ont fait intervenir le CCOMS dans leurs quartiers prioritaires ?" }, { role: "assistant" as const, content: "…", ficheIds: cited }];
    const ofCities = understandQuestion(corpus, { question: "Et parmi ces villes, lesquelles forment aussi leurs agents aux premiers secours en santé mentale ?", history: before });
    expect(ofCities.scope).toContain("caen--former-aux-premiers-secours-sante");
    expect([...(ofCities.scope ?? [])].every((id) => ["Caen", "Limoges"].includes(corpus.index.ficheById.get(id)!.city))).toBe(true);
    // "ces actions" are the sheets cited
    const ofSheets = understandQuestion(corpus, { question: "Et parmi ces actions, lesquelles forment aussi leurs agents aux premiers secours en santé mentale ?", history: before });
    expect([...(ofSheets.scope ?? [])]).toEqual(cited);
  });

  it("names the corpus cities the question names", () => {
    expect(understandQuestion(corpus, { question: "What does Lyon do for mental health?" }).cities).toEqual(["Lyon"]);
  });

  it("scopes a follow-up to the sheets the previous answer cited, and only a follow-up", () => {
    const followUp = understandQuestion(corpus, { question: "et leur budget ?", history });
    expect(followUp.intent.followUp).toBe(true);
    expect([...(followUp.scope ?? [])]).toEqual(PSSM_IDS);
    expect(corpus.index.fiches.filter(followUp.filter!).map((f) => f.id).sort()).toEqual([...PSSM_IDS].sort());
    // a short question asking nothing specific has nothing of its own to search for: it asks about them too
    expect([...(understandQuestion(corpus, { question: "Dans quels quartiers ?", history }).scope ?? [])]).toEqual(PSSM_IDS);
    const fresh = understandQuestion(corpus, { question: "Quel est le budget des Pôles Ressources Santé ?", history });
    expect(fresh.scope).toBeUndefined();
    expect(fresh.filter).toBeUndefined();
  });

  it("turns filters into a sheet predicate", () => {
    const q = understandQuestion(corpus, { question: "santé mentale", filters: { city: "Caen" } });
    expect(corpus.index.fiches.filter(q.filter!).every((f) => f.city === "Caen")).toBe(true);
  });

  it("keeps examples in parentheses as one concept whose alternatives are all of them", () => {
    const q = understandQuestion(corpus, { question: "actions culturelles (théâtre, slam, exposition)" });
    const merged = q.concepts.find((c) => c.phrases.length >= 3);
    expect(merged?.phrases.flat()).toEqual(expect.arrayContaining(["slam"]));
  });

  it("reads '(type UNAFAM)' as the example UNAFAM, not the word 'type' as another way to say it", () => {
    const q = understandQuestion(corpus, { question: "Quelles villes travaillent avec des associations de familles (type UNAFAM) ?" });
    expect(q.concepts.find((c) => c.label?.includes("UNAFAM"))?.phrases).toEqual([["unafam"]]);
  });

  it("takes no concept from the English article 'an', which the index reads as the French 'an' (year)", () => {
    const q = understandQuestion(corpus, { question: "support after an industrial accident" });
    expect(q.concepts.some((c) => c.phrases.some((p) => p.length === 1 && p[0] === "an"))).toBe(false);
  });

  it("reads three or more coordinated words as one idea named by its kinds", () => {
    const q = understandQuestion(corpus, { question: "Which actions include a cooking, nutrition or diet workshop?" });
    const food = q.concepts.find((c) => c.phrases.some((p) => p.includes("cuisin")));
    expect(food?.phrases.flat()).toEqual(expect.arrayContaining(["cuisin", "nutrit"]));
    // the workshop stays a concept of its own
    expect(q.concepts.some((c) => c !== food && c.phrases.some((p) => p.includes("ateli")))).toBe(true);
  });

  it("reads one short name in brackets as its words together, not as a bag of alternative words", () => {
    for (const question of ["Which cities tie their work to the Housing First ('Logement d'abord') policy?", "actions avec le Département (conseil départemental)"]) {
      const q = understandQuestion(corpus, { question });
      // no concept a sheet holds by writing "logement" or "conseil" alone
      expect(q.concepts.some((c) => c.phrases.some((p) => p.length === 1 && (p[0] === "log" || p[0] === "conseil"))), question).toBe(false);
    }
  });

  it("reads « ailleurs », « hors de <ville> », \"outside <city>\" after an answer about one sheet as asking for sheets like it, in every city", () => {
    const BREAKFASTS = "lille--petits-dejeuners-interconnaissance-habitat-sante";
    const previous = [{ role: "user" as const, content: "Comment se passent les petits-déjeuners habitat et santé mentale de Lille ?" }, { role: "assistant" as const, content: "…", ficheIds: [BREAKFASTS] }];
    for (const question of ["Et ailleurs, il existe des dispositifs du même genre ?", "Et hors de Lille, il existe des dispositifs du même genre ?", "Are there similar schemes outside Lille?"]) {
      const q = understandQuestion(corpus, { question, history: previous });
      expect(q.intent.kind, question).toBe("similar");
      expect(q.similarTo, question).toBe(BREAKFASTS);
      // the other sheets are the answer: the previous one is no scope
      expect(q.scope, question).toBeUndefined();
    }
  });

  it("reads « collégiens » as pupils, which sheets write « élèves » too", () => {
    const q = understandQuestion(corpus, { question: "Quelles actions pour les collégiens ?" });
    const pupils = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "collegien"));
    expect(pupils?.phrases).toContainEqual(["elev"]);
  });

  it("grounds a number an English question writes in words (\"people in their fifties\") in the digits the sheets write", () => {
    const q = understandQuestion(corpus, { question: "Which action is about people in their fifties who fell into precarity after COVID?" });
    // (no word the corpus lacks: a dictionary word the corpus holds grounds the question and is no concept)
    expect(q.concepts.filter((c) => c.unknown).map((c) => c.label)).toEqual([]);
  });

  it("reads « d'autres projets ailleurs » after an answer citing several sheets of one city as asking for sheets like its first", () => {
    const EXHIBITIONS = "poitiers--regards-sur-art";
    const previous = [{ role: "user" as const, content: "Comment fonctionnent les expositions du CCAS de Poitiers ?" }, { role: "assistant" as const, content: "…", ficheIds: [EXHIBITIONS, "poitiers--ete-grand-air"] }];
    const q = understandQuestion(corpus, { question: "Il y a d'autres projets ailleurs qui misent sur la pratique artistique ?", history: previous });
    expect(q.intent.kind).toBe("similar");
    expect(q.similarTo).toBe(EXHIBITIONS);
    // sheets of two cities are no one action: "other projects" there are a list
    const twoCities = [previous[0], { role: "assistant" as const, content: "…", ficheIds: [EXHIBITIONS, "rennes--arts-soins-mouvement"] }];
    expect(understandQuestion(corpus, { question: "Il y a d'autres projets ailleurs qui misent sur la pratique artistique ?", history: twoCities }).intent.kind).not.toBe("similar");
  });

  it("reads a request for a field (« Peux-tu me donner le contact ? ») as about the sheet of the last answer", () => {
    const LIBRARY = "montreuil--bibliotheque-vivante";
    const previous = [{ role: "user" as const, content: "Comment fonctionne la Bibliothèque vivante de Montreuil ?" }, { role: "assistant" as const, content: "…", ficheIds: [LIBRARY] }];
    expect(understandQuestion(corpus, { question: "Peux-tu me donner le contact ?", history: previous }).scope).toEqual(new Set([LIBRARY]));
  });

  it("keeps to the sheets a follow-up picked by their city, not the list before it ('Tell me more about the Roanne one.' then 'How often do they meet?')", () => {
    const ROANNE = "roanne--groupe-echanges-partenarial-habitat-sante";
    const CAEN = "caen--accompagner-des-situations-complexes-preoccupantes";
    const conversation = [
      { role: "user" as const, content: "Who works with mobile psychiatry teams?" },
      { role: "assistant" as const, content: "…", ficheIds: [CAEN, ROANNE] },
      { role: "user" as const, content: "Tell me more about the Roanne one." },
      { role: "assistant" as const, content: "…", ficheIds: [ROANNE] },
    ];
    expect(understandQuestion(corpus, { question: "How often do they meet?", history: conversation }).scope).toEqual(new Set([ROANNE]));
    // a follow-up that picked no city ("et qui les finance ?" cites the sheets naming a funder) still speaks of the whole list
    const funded = [...conversation.slice(0, 2), { role: "user" as const, content: "Et qui les finance ?" }, { role: "assistant" as const, content: "…", ficheIds: [ROANNE] }];
    expect(understandQuestion(corpus, { question: "Et leur budget ?", history: funded }).scope).toEqual(new Set([ROANNE, CAEN]));
  });

  it("narrows a follow-up naming a city to that city's sheets of the last answer, and asks afresh when it had none there", () => {
    const BOURG = "bourg-en-bresse--une-voix-autrement";
    const previous = [{ role: "user" as const, content: "Which actions use art?" }, { role: "assistant" as const, content: "…", ficheIds: [...PSSM_IDS, BOURG] }];
    expect(understandQuestion(corpus, { question: "Et celle de Caen, elle se passe quand ?", history: previous }).scope).toEqual(new Set(["caen--former-aux-premiers-secours-sante"]));
    expect(understandQuestion(corpus, { question: "And who runs the one in Bourg-en-Bresse?", history: previous }).scope).toEqual(new Set([BOURG]));
    // none of the last answer's sheets is in Lyon: a fresh question about Lyon
    expect(understandQuestion(corpus, { question: "Et à Lyon, qui était partenaire ?", history: previous }).scope).toBeUndefined();
    // "the Caen one", « celle de Caen »: one of the last answer's sheets, named by its city
    expect(understandQuestion(corpus, { question: "What's the budget of the Caen one?", history: previous }).scope).toEqual(new Set(["caen--former-aux-premiers-secours-sante"]));
    expect(detectIntent("What is the one thing cities do?").followUp).toBe(false);
    // "it" is one sheet, the one the last answer put first; "Which of those … it" picks among them all
    expect(understandQuestion(corpus, { question: "Which neighbourhoods does it cover?", history: previous }).scope).toEqual(new Set([PSSM_IDS[0]]));
    expect(understandQuestion(corpus, { question: "Which of those manage it without any dedicated budget?", history: previous }).scope?.size).toBe(3);
    // a French singular subject pronoun is that one sheet too; the impersonal « il » of « il existe » points at nothing
    expect(understandQuestion(corpus, { question: "Elle a commencé quand ?", history: previous }).scope).toEqual(new Set([PSSM_IDS[0]]));
    expect(detectIntent("Il existe des actions comparables dans d'autres villes ?").followUp).toBe(false);
    // a city left out narrows nothing
    expect(understandQuestion(corpus, { question: "Et hors de Caen, lesquelles durent deux jours ?", history: previous }).scope?.size).toBe(3);
  });

  it("reads the English noun after slashed names as their head, a concept of its own, not one more alternative ('politique de la ville / contrat de ville money')", () => {
    const q = understandQuestion(corpus, { question: "Which actions are paid for out of politique de la ville / contrat de ville money?" });
    const named = q.concepts.find((c) => c.phrases.some((p) => p.includes("contrat")));
    expect(named?.phrases.some((p) => p.includes("polit"))).toBe(true);
    // no alternative a sheet holds by writing "financement" alone
    expect(named?.phrases.some((p) => p.length === 1 && p[0] === "financ")).toBe(false);
    expect(q.concepts.some((c) => c !== named && c.phrases.some((p) => p.length === 1 && p[0] === "financ"))).toBe(true);
  });
});

describe("citiesNamed", () => {
  it("recognises a corpus city by its name or a regular demonym, not a lookalike word", async () => {
    const { citiesNamed } = await import("./queryContext.ts");
    const fiches = [{ city: "Lille" }, { city: "Nantes" }, { city: "Caen" }] as never;
    expect(citiesNamed("Quelles actions lilloises avec l'EPSM ?", fiches)).toEqual(["Lille"]);
    expect(citiesNamed("séances dans les QPV nantais", fiches)).toEqual(["Nantes"]);
    // a hyphenated town by its first part, when that is a name and not a common word
    const hyphenated = [{ city: "Boulogne-Billancourt" }, { city: "Bourg-en-Bresse" }] as never;
    expect(citiesNamed("Which video does Boulogne's youth centre show?", hyphenated)).toEqual(["Boulogne-Billancourt"]);
    expect(citiesNamed("actions dans le bourg", hyphenated)).toEqual([]);
    expect(citiesNamed("jeunes caennaises", fiches)).toEqual(["Caen"]);
    expect(citiesNamed("une lilliputienne idée", fiches)).toEqual([]);
  });

  it("reads a city named beside the word for a metropolis as the metropolitan body of the corpus that holds both", async () => {
    const { citiesNamed } = await import("./queryContext.ts");
    const fiches = [{ city: "Lille" }, { city: "Métropole européenne de Lille" }, { city: "Rennes" }] as never;
    expect(citiesNamed("L'atelier de la métropole lilloise, il s'est tenu quand ?", fiches)).toEqual(["Métropole européenne de Lille"]);
    expect(citiesNamed("What did the Lille metropolitan area workshop produce?", fiches)).toEqual(["Métropole européenne de Lille"]);
    expect(citiesNamed("la métropole de Lille", fiches)).toEqual(["Métropole européenne de Lille"]);
    expect(citiesNamed("Que fait Lille ?", fiches)).toEqual(["Lille"]);
    // no metropolitan body of Rennes in the corpus: the city
    expect(citiesNamed("Rennes Métropole", fiches)).toEqual(["Rennes"]);
  });
});

describe("bodies set aside", () => {
  it("are no names the answer must write ('leaving the ARS aside', 'hors CAF'), while a body asked stays one", () => {
    expect(understandQuestion(corpus, { question: "Which actions are funded by the State, leaving the ARS aside?" }).entities).not.toContain("ars");
    expect(understandQuestion(corpus, { question: "Quelles actions sont financées hors ARS ?" }).entities).not.toContain("ars");
    expect(understandQuestion(corpus, { question: "Quelles actions sont financées par l'ARS ?" }).entities).toContain("ars");
  });
});

describe("French locutions", () => {
  it("read 'autour de' as a preposition, no concept a sheet must write", () => {
    const q = understandQuestion(corpus, { question: "Quelles actions prévoient une animation autour de l'alimentation ?" });
    expect(q.concepts.map((c) => c.label)).not.toContain("autour");
    expect(q.concepts.map((c) => c.label)).toContain("alimentation");
    // "faire appel à" is to call on someone: no "appel" (a phone call) the sheets must write
    const call = understandQuestion(corpus, { question: "Quelles villes font appel à des artistes ?" });
    expect(call.concepts.map((c) => c.label)).not.toContain("appel");
    const regular = understandQuestion(corpus, { question: "Lesquelles réunissent les partenaires à intervalles réguliers ?" });
    expect(regular.concepts.map((c) => c.label)).not.toContain("intervalles");
    // "travailler avec" relates the sheet to someone, like "mener" or "faire": no topic
    const work = understandQuestion(corpus, { question: "Quelles villes travaillent avec les bailleurs sociaux ?" });
    expect(work.concepts.map((c) => c.label)).not.toContain("travaillent");
    // so does "work with" in English: no partner words a sheet must write beside the CMP asked
    const cmp = understandQuestion(corpus, { question: "Which actions work with CMPs (local public psychiatry outpatient centres)?" });
    expect(cmp.concepts.some((c) => c.phrases.some((p) => p.length === 1 && p[0] === "partenair"))).toBe(false);
  });
});

describe("English particles", () => {
  it("read a phrasal verb's particle as how the question is put, no missing concept", () => {
    const q = understandQuestion(corpus, { question: "people who keep turning down any offer of care" });
    expect(q.concepts.map((c) => c.label)).not.toContain("down");
  });

  it("read 'on a regular basis' as how often, no 'basis' (which the index reads as the French 'bas')", () => {
    const q = understandQuestion(corpus, { question: "In which cities do partners meet on a regular basis to go through complex situations?" });
    expect(q.concepts.map((c) => c.label)).not.toContain("basis");
  });

  it("read a contraction ('they're') as no concept, though the stemmer leaves a term the corpus has", () => {
    const q = understandQuestion(corpus, { question: "where social workers can bring the cases they're stuck on" });
    expect(q.concepts.map((c) => c.label)).not.toContain("they're");
  });
});

describe("acronymExpansions", () => {
  it("makes an acronym in brackets and the words before it that spell it out one concept, not one per word", () => {
    const q = understandQuestion(corpus, { question: "Dans quelles actions un centre hospitalier universitaire (CHU) est-il partenaire ?" });
    const chu = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "chu"));
    expect(chu?.phrases).toContainEqual(["centr", "hospitali", "universitair"]);
    expect(q.concepts.some((c) => c.phrases.length === 1 && c.phrases[0].join(" ") === "hospitali")).toBe(false);
  });


  it("reads an acronym spelled out by its initials, before or after it, and ignores a translation", async () => {
    const { acronymExpansions } = await import("./concepts.ts");
    expect(acronymExpansions("Quelles actions associent un GEM (groupe d'entraide mutuelle) ?").get("gem")?.terms).toEqual(["group", "entraid", "mutuel"]);
    expect(acronymExpansions("formations aux premiers secours en santé mentale (PSSM)").get("pssm")?.text).toBe("premiers secours en santé mentale");
    expect(acronymExpansions("co-funded by the CAF (family allowance fund)").size).toBe(0);
    // a compound's parts give their initials, and are the expansion's terms, as sheets may write them apart
    expect(acronymExpansions("les CMP (centres médico-psychologiques)").get("cmp")?.terms).toEqual(["centr", "medico", "psycholog"]);
  });

  it("reads two French terms offered as a choice when the first takes an elided article and an adverb comes between ('l'Éducation nationale ou directement dans les établissements scolaires')", () => {
    const q = understandQuestion(corpus, { question: "Quelles actions sont menées avec l'Éducation nationale ou directement dans les établissements scolaires ?" });
    const choice = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "educ national"));
    expect(choice?.phrases).toContainEqual(["etabl", "scolair"]);
  });

  it("reads French locutions of relation and manner as no concept ('liées à', 'au cas par cas')", () => {
    const labels = (question: string) => understandQuestion(corpus, { question }).concepts.map((c) => c.label);
    expect(labels("Quelles actions sont liées à un projet de renouvellement urbain ?")).not.toContain("liées");
    expect(labels("Où étudie-t-on au cas par cas des situations complexes ?")).not.toContain("cas");
    expect(labels("Où étudie-t-on au cas par cas des situations complexes ?")).toContain("situations");
    // nor those of frequency and approximation ("usually", "on average")
    expect(labels("Combien de personnes viennent d'habitude aux ateliers ?")).not.toContain("habitude");
    expect(labels("Combien de personnes viennent en moyenne aux ateliers ?")).not.toContain("moyenne");
  });

  it("reads an English gloss right after an acronym the sheets write as the acronym's, no concept of its own", () => {
    const q = understandQuestion(corpus, { question: "Which actions work with CMPs (local public psychiatry outpatient centres) or refer people to them?" });
    expect(q.concepts.some((c) => c.phrases.some((p) => p.join(" ") === "cmp"))).toBe(true);
    // "local" would have stood for "habitants", "population"…: any sheet holding one held the gloss
    expect(q.concepts.some((c) => c.phrases.some((p) => p.join(" ") === "habit"))).toBe(false);
  });

  it("reads a word offered against a pair the sheets write side by side as one choice ('un guide ou des cartes contacts')", () => {
    const q = understandQuestion(corpus, { question: "Quelles villes ont édité un guide ou des cartes contacts recensant les ressources en santé mentale ?" });
    const choice = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "guid"));
    expect(choice?.phrases).toContainEqual(["cart", "contact"]);
    expect(q.concepts.some((c) => c.phrases.length === 1 && c.phrases[0].join(" ") === "contact")).toBe(false);
    // between two pairs ("une animation culinaire ou un atelier diététique"), no word is split from its pair
    const pairs = understandQuestion(corpus, { question: "Quelles actions prévoient une animation culinaire ou un atelier diététique ?" });
    expect(pairs.concepts.some((c) => c.phrases.some((p) => p.join(" ") === "culinair") && c.phrases.some((p) => p.join(" ") === "ateli dietet"))).toBe(false);
  });

  it("reads an English gloss of one noun phrase as its head term, the words before it qualifying it ('(neighbourhood social centres)')", () => {
    const q = understandQuestion(corpus, { question: "Which cities run their mental health actions inside centres sociaux (neighbourhood social centres)?" });
    const gloss = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "centr social"));
    expect(gloss?.label).toBe("social centres");
    // "neighbourhood" is no alternative of it: any sheet writing "quartier" would hold the gloss
    expect(gloss?.phrases).not.toContainEqual(["quarti"]);
    // a single word last ("the neighbourhood health networks") may be one qualifier among others: the gloss stays whole
    const networks = understandQuestion(corpus, { question: "Who coordinates Lille's Pôles Ressources Santé (the neighbourhood health networks)?" });
    expect(networks.concepts.some((c) => c.phrases.some((p) => p.join(" ") === "reseau") && c.phrases.some((p) => p.join(" ") === "quarti"))).toBe(true);
  });

  it("finds an acronym among a question's examples spelled out as the glossary spells it ('(SISM, …)')", () => {
    const q = understandQuestion(corpus, { question: "Quelles villes ont profité d'une journée nationale (SISM, journée de prévention du suicide…) pour lancer une action ?" });
    const example = q.concepts.find((c) => c.phrases.some((p) => p.length === 1 && p[0] === "sism"));
    expect(example?.phrases).toContainEqual(["semain", "inform", "sant", "mental"]);
  });

  it("grounds an English word outside the glossary by its dictionary translations, and never widens the search with them", async () => {
    // a small dictionary in FreeDict's shape, so the test does not depend on Debian's package
    const dict = new Map([
      ["prisoner", ["prisonnier", "captif"]],
      ["during", ["pendant", "durant"]],
      ["staff", ["personnel", "équipe"]],
      ["journalist", ["journaliste"]],
      ["farmer", ["paysan"]],
    ]);
    const withDict = createCorpus(corpus.index, await createQueryExpander(true, undefined, dict));
    const q = understandQuestion(withDict, { question: "Which cities offer art therapy for prisoners during the year, with their staff?" });
    const unknown = q.concepts.filter((c) => c.unknown).map((c) => c.label);
    // no sheet speaks of prisoners; "staff" is in the sheets as "personnel"; "during" translates to function words
    expect(unknown).toEqual(["prisoner"]);
    // a translation is a lemma, present as a word of its family, not as a stem another word shares ("journaliste": "journal")
    const journalists = understandQuestion(withDict, { question: "Which cities train journalists?" });
    expect(journalists.concepts.filter((c) => c.unknown).map((c) => c.label)).toEqual(["journalist"]);
    // nor as a word sharing its first letters only ("paysan": the seeds write "paysage", never "paysan…")
    const farmers = understandQuestion(withDict, { question: "Which cities help farmers?" });
    expect(farmers.concepts.filter((c) => c.unknown).map((c) => c.label)).toEqual(["farmer"]);
    expect(q.text).not.toMatch(/prisonnier|personnel/);
    const without = createCorpus(corpus.index, await createQueryExpander(true, undefined, null));
    expect(understandQuestion(without, { question: "Which cities offer art therapy for prisoners?" }).concepts.some((c) => c.unknown)).toBe(false);
  });

  it("calls a concept absent when no text holds its words side by side, or only its stem is short, or its acronym is not the corpus's", () => {
    const unknown = (question: string) => understandQuestion(corpus, { question }).concepts.filter((c) => c.unknown).map((c) => c.label);
    // the seeds hold "troubles" and "alimentaire", never together, and never "TCA"
    expect(unknown("Which cities help people with eating disorders?")).toEqual(["eating disorders"]);
    // "pères" stems to "per": a five-letter word the corpus does not have, not a word too short to judge
    expect(unknown("Quelles actions pour les pères ?")).toEqual(["pères"]);
    // a phrase the seeds do write is present, and so is a word of the form's field labels
    expect(unknown("Quelles villes forment aux premiers secours en santé mentale ?")).toEqual([]);
    expect(unknown("Quelles actions ont un EPSM parmi leurs porteurs ?")).toEqual([]);
    // a French term of several words is grounded whole, by any of its glossary forms
    const terminology = (question: string) => understandQuestion(corpus, { question }).terminology.filter((c) => c.unknown).map((c) => c.label);
    expect(terminology("accompagnement des demandeurs d'emploi en souffrance psychique")).toEqual(["demandeurs d'emploi"]);
    expect(terminology("santé mentale dans les quartiers prioritaires de la politique de la ville")).toEqual([]);
  });

  it("grounds a compound by its parts side by side, and an illustration in brackets by its words, but not a word or a name no sheet writes", () => {
    const unknown = (question: string) => understandQuestion(corpus, { question }).concepts.filter((c) => c.unknown).map((c) => c.label);
    // the seeds write "parents" and "enfants" together, never hyphenated; never "éco-anxiété"
    expect(unknown("Où se sont tenus les ateliers slam parents-enfants ?")).toEqual([]);
    expect(unknown("accompagnement de l'éco-anxiété chez les jeunes")).toContain("éco-anxiété");
    // "(conseil départemental)": words the seeds write, never side by side, illustrating a grounded question
    expect(unknown("Quelles actions associent le Département (conseil départemental) ?")).toEqual([]);
    // a word no sheet writes, or a name, in brackets still counts
    // (and the participle qualifying "proches", a public no sheet writes)
    expect(unknown("accompagnement des proches endeuillés après un suicide (postvention)")).toEqual(["endeuillés", "postvention"]);
    expect(unknown("teen mental health first aid (PSSM Jeunes) courses for high school pupils")).toEqual(["PSSM Jeunes"]);
  });

  it("takes no verb before its subject pronoun for a concept ('misent-elles', 'retrouve-t-on')", () => {
    const unknown = (question: string) => understandQuestion(corpus, { question }).concepts.filter((c) => c.unknown).map((c) => c.label);
    expect(unknown("D'autres actions misent-elles sur la création artistique ?")).toEqual([]);
    expect(understandQuestion(corpus, { question: "Poitiers fait des expositions. D'autres actions misent-elles sur la création artistique ?" }).intent.kind).toBe("similar");
    // nor an imperative before its pronoun ("Parle-moi"); "rendez-vous" stays a noun
    expect(understandQuestion(corpus, { question: "Parle-moi des groupes d'entraide mutuelle" }).concepts.map((c) => c.label)).not.toContain("Parle-moi");
    expect(understandQuestion(corpus, { question: "Quelles actions proposent des rendez-vous ?" }).concepts.map((c) => c.label)).toContain("rendez-vous");
  });

  it("takes a follow-up about 'its' … to the sheet the last answer put first", () => {
    const ids = ["poitiers--regards-sur-art", "poitiers--seminaire-sante-mentale", "rennes--arts-soins-mouvement"];
    const talk = [{ role: "user" as const, content: "Can you tell me about Poitiers' Regards sur l'Art project?" }, { role: "assistant" as const, content: "…", ficheIds: ids }];
    expect([...(understandQuestion(corpus, { question: "Who sits on its organising committee?", history: talk }).scope ?? [])]).toEqual([ids[0]]);
    expect([...(understandQuestion(corpus, { question: "Who funds them?", history: talk }).scope ?? [])]).toEqual(ids);
  });

  it("takes no modal verb or conditional for a topic ('je veux', 'on voudrait')", () => {
    for (const question of ["Je veux impliquer les usagers dès la conception", "On voudrait impliquer les usagers dès la conception"]) {
      const q = understandQuestion(corpus, { question });
      expect(q.concepts.map((c) => c.label)).not.toContain(question.split(" ")[1]);
      expect(q.concepts.map((c) => c.label)).toContain("usagers");
    }
  });

  it("reads brackets opening on « ou » after a coordinated list as one more choice, not as an example the sheets must also write", () => {
    const q = understandQuestion(corpus, { question: "Quelles villes agissent dans les écoles, collèges ou lycées (ou avec l'Éducation nationale) ?" });
    const choice = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "educ national"));
    expect(choice?.phrases.map((p) => p.join(" "))).toEqual(["ecol", "colleg", "lyc", "educ national"]);
    expect(q.concepts.filter((c) => c.phrases.some((p) => p.includes("lyc") || p.includes("educ")))).toHaveLength(1);
    // brackets of examples stay examples
    expect(splitExamples("Quelles villes travaillent avec des bailleurs, associations ou CCAS (Unafam, OPH) ?").examples).toEqual(["Unafam, OPH", "bailleurs, associations, CCAS"]);
  });

  it("reads a coordinated list closed by « ou un temps autour de X » as X one more choice", () => {
    const q = understandQuestion(corpus, { question: "Dans quelles villes les actions prévoient-elles un atelier cuisine, diététique ou un temps autour de l'alimentation ?" });
    const choice = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "aliment"));
    expect(choice?.phrases.map((p) => p.join(" "))).toEqual(["cuisin", "dietet", "aliment"]);
    expect(q.concepts.some((c) => c.phrases.some((p) => p.includes("temp")))).toBe(false);
    expect(splitExamples("Des ateliers théâtre, slam ou une soirée autour de la poésie ?").examples).toEqual(["théâtre, slam, poésie"]);
  });

  it("reads the kinds a question lists after a closing colon as examples of what it asks, not questions nor a heading's themes", () => {
    expect(splitExamples("Quelles actions de santé mentale ciblent les jeunes : ados, 16-25 ans, étudiants ?")).toEqual({ main: "Quelles actions de santé mentale ciblent les jeunes", examples: ["ados, 16-25 ans, étudiants"] });
    // the searched text has lost its list frame: whether the words before the colon ask is read in the question as written
    expect(splitExamples("de santé mentale ciblent les jeunes : ados, 16-25 ans, étudiants ?", "Quelles actions de santé mentale ciblent les jeunes : ados, 16-25 ans, étudiants ?").examples).toEqual(["ados, 16-25 ans, étudiants"]);
    // questions after a colon stay questions; a heading's themes stay the topic
    expect(splitExamples("Une voix(e) autrement à Bourg-en-Bresse : combien de séances, et combien de familles ?").examples).toEqual(["e"]);
    expect(splitExamples("troubles psychiques et tranquillité publique : conflits de voisinage, police municipale, sentiment d'insécurité").examples).toEqual([]);
    // brackets after a colon introducing a question are still examples
    expect(splitExamples("CMP : dans quelles fiches les CMP ont-ils un rôle (orientation des personnes, convention avec des partenaires) ?").examples).toEqual(["orientation des personnes, convention avec des partenaires"]);
  });

  it("ends a side of a slash before a word that relates ('alimentation en plus du travail': the side is 'alimentation')", () => {
    expect(splitExamples("Quelles actions ont un volet nutrition / alimentation en plus du travail sur la santé mentale ?").examples).toEqual(["volet nutrition, alimentation"]);
    // a complement opened by « de » stays on its side
    expect(splitExamples("Des actions sur les situations d'incurie / syndrome de Diogène ?").examples).toEqual(["situations d'incurie, syndrome de Diogène"]);
  });

  it("reads a coordinated list whose middle kinds are of two words as one choice, a clipped kind among them as the terms it opens", () => {
    expect(splitExamples("Une action autour d'un moment à table : petit-déj, repas partagé ou cocktail ?").examples).toEqual(["petit-déj, repas partagé, cocktail"]);
    // the first kind is one word: the verb before it is no part of the list
    expect(splitExamples("Quelles villes proposent sport, danse ou théâtre ?").examples).toEqual(["sport, danse, théâtre"]);
    // a relation is no kind: "comme partenaire ou comme financeur" lists no two things
    expect(splitExamples("Quelles actions associent le conseil départemental, comme partenaire ou comme financeur ?").examples).toEqual([]);
    const q = understandQuestion(corpus, { question: "Quelles actions s'organisent autour d'un petit-déj, repas partagé ou cocktail ?" });
    const choice = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "cocktail"));
    expect(choice?.phrases.map((p) => p.join(" "))).toEqual(["pet-dejeun", "rep partag", "cocktail"]);
  });

  it("takes no light verb for a topic ('font', 'fait', 'menées')", () => {
    const labels = understandQuestion(corpus, { question: "Quelles villes font de la sensibilisation auprès des habitants ?" }).concepts.map((c) => c.label);
    expect(labels).not.toContain("font");
    expect(labels).toContain("habitants");
    expect(understandQuestion(corpus, { question: "Quelles actions sont menées avec un CHU ?" }).concepts.map((c) => c.label)).toEqual(["CHU"]);
    // "intervenir" says that someone acts, not on what ("les villes qui interviennent dans les lycées")
    expect(understandQuestion(corpus, { question: "Quelles villes interviennent dans les lycées ?" }).concepts.map((c) => c.label)).toEqual(["lycées"]);
    // nor the verb after a reflexive pronoun ("s'adresse" is no address)
    expect(understandQuestion(corpus, { question: "À quel public s'adresse l'action de Valence ?" }).concepts.map((c) => c.label)).not.toContain("adresse");
    // nor être's participle after avoir ("a été fait" is no summer), nor a noun standing for anything ("des choses")
    const done = understandQuestion(corpus, { question: "Qu'est-ce qui a été fait pour les jeunes l'été ?" }).concepts.map((c) => c.label);
    expect(done.filter((l) => l === "été")).toHaveLength(1);
    expect(understandQuestion(corpus, { question: "Quelles villes font des choses pour les jeunes ?" }).concepts.map((c) => c.label)).toEqual(["jeunes"]);
    // a season the sheets do not write dates the question (they write months), it names no topic
    expect(understandQuestion(corpus, { question: "Quelles séances à Nantes au printemps 2023 ?" }).concepts.map((c) => c.label)).toEqual(["séances", "Nantes", "2023"]);
  });

  it("takes no English word for a concept because a French stem looks like it ('a place'), and keeps names and acronyms", async () => {
    const dict = new Map([["place", ["lieu", "endroit"]], ["organise", ["organiser"]]]);
    const withDict = createCorpus(corpus.index, await createQueryExpander(true, undefined, dict));
    const labels = understandQuestion(withDict, { question: "Do PSSM actions have a place in Montreuil?" }).concepts.map((c) => c.label);
    expect(labels).not.toContain("place");
    expect(labels).toEqual(expect.arrayContaining(["PSSM", "Montreuil"]));
    // without a dictionary, nothing tells an English word from a lookalike: it stays
    const without = createCorpus(corpus.index, await createQueryExpander(true, undefined, null));
    expect(understandQuestion(without, { question: "Do PSSM actions have a place in Montreuil?" }).concepts.map((c) => c.label)).toContain("place");
  });

  it("reads French alternatives as phrases, each with its words together, and a bracketed gloss as before", () => {
    const q = understandQuestion(corpus, { question: "situations d'incurie / syndrome de Diogène chez des personnes fragiles" });
    const alt = q.concepts.find((c) => c.phrases.length === 2 && c.phrases.some((p) => p.includes("diogen")));
    expect(alt?.phrases).toEqual([["situat", "incur"], ["syndrom", "diogen"]]);
    // one side's word alone ("situations", in many sheets) does not stand for the idea
    expect(q.concepts.some((c) => c.phrases.some((p) => p.length === 1 && p[0] === "situat"))).toBe(false);
    const gloss = understandQuestion(corpus, { question: "Quels facteurs ont favorisé les Espaces écoute santé de Lille (fiche de 2021 sur les psychologues de première ligne) ?" });
    expect(gloss.concepts.every((c) => !c.unknown)).toBe(true);
  });

  it("gives nature no alternative that stems as living (« vivant »: « personnes vivant avec un trouble psychique »)", () => {
    const q = understandQuestion(corpus, { question: "Which cities use nature and green spaces for mental health?" });
    const nature = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "biodiver"));
    expect(nature).toBeDefined();
    expect(nature!.phrases.some((p) => p.includes("viv"))).toBe(false);
  });

  it("gives toddlers no alternative the analyser reduces to a common word (« tout-petits » is « petit » to it)", () => {
    const q = understandQuestion(corpus, { question: "Anything for toddlers?" });
    const early = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "petit enfanc"));
    expect(early).toBeDefined();
    expect(early!.phrases.some((p) => p.length === 1 && p[0] === "petit")).toBe(false);
  });

  it("makes no concept of a conjunction (« parce que » is no « parc »)", () => {
    const q = understandQuestion(corpus, { question: "Quelles actions ont été gratuites pour la commune parce que payées par un organisme extérieur ?" });
    expect(q.concepts.map((c) => c.label)).not.toContain("parce");
    expect(q.concepts.some((c) => c.phrases.some((p) => p.includes("parc")))).toBe(false);
    expect(q.concepts.map((c) => c.label)).toContain("organisme");
  });

  it("lets a rare French word stand for its glossary entry's other French terms, not a word the sheets write often", () => {
    const rare = understandQuestion(corpus, { question: "Quelles actions ont un volet nutrition ?" });
    const nutrition = rare.concepts.find((c) => c.phrases.some((p) => p.length === 1 && p[0] === "nutrit"));
    expect(nutrition?.phrases).toEqual(expect.arrayContaining([["aliment"], ["dietet"]]));
    const common = understandQuestion(corpus, { question: "Quelles actions concernent le logement ?" });
    expect(common.concepts.find((c) => c.label === "logement")?.phrases).toEqual([["log"]]);
  });

  it("reads an English question quoting French names as English, its verbs no topic the sheets must write ('actions draw on')", () => {
    const q = understandQuestion(corpus, { question: "Which mental health actions draw on politique de la ville / contrat de ville money?" });
    expect(q.lang).toBe("en");
    expect(q.concepts.map((c) => c.label)).not.toContain("draw");
    // a noun there is still a topic
    expect(understandQuestion(corpus, { question: "Which actions involve farmers?" }).concepts.some((c) => c.unknown)).toBe(true);
  });

  it("reads a clause in brackets as saying the question in other words, not as examples the sheets must write", () => {
    const q = understandQuestion(corpus, { question: "Je cherche des actions où un psychiatre met directement la main à la pâte (il siège aux réunions ou intervient dans une formation). Lesquelles ?" });
    expect(q.concepts.some((c) => c.unknown)).toBe(false);
    expect(q.concepts.map((c) => c.label)).toContain("psychiatre");
    // a name in brackets is still asked of the sheets
    const named = understandQuestion(corpus, { question: "Quelles actions associent un GEM (Groupe d'Entraide Mutuelle Albatros) ?" });
    expect(named.concepts.length).toBeGreaterThan(1);
  });

  it("reads households as « ménages » or « foyers », not as the singular « foyer », which the analyser stems as « fois » (« 4 fois par an »)", () => {
    const q = understandQuestion(corpus, { question: "Which actions support households in social housing?" });
    const households = q.concepts.find((c) => c.label === "households");
    expect(households?.phrases.some((p) => p.includes(analyze("ménages")[0]))).toBe(true);
    expect(households?.phrases.some((p) => p.includes(analyze("fois")[0]))).toBe(false);
  });

  it("reads artworks as « œuvres d'art », not « œuvres », which the sheets write mostly in « mise en œuvre »", () => {
    const q = understandQuestion(corpus, { question: "Which actions use creative expression to support mental health?" });
    const creative = q.concepts.find((c) => c.label === "creative");
    expect(creative?.phrases.some((p) => p.includes("art"))).toBe(true);
    expect(creative?.phrases.some((p) => p.length === 1 && p[0] === analyze("œuvres")[0])).toBe(false);
  });

  it("reads a bracket saying what the question does not mean as sharpening it, not as a name the sheets must write", () => {
    const unknown = (question: string) => understandQuestion(corpus, { question }).concepts.filter((c) => c.unknown).map((c) => c.label);
    // "vraies" is no word of the seeds: as examples, the bracket made the question unanswerable
    expect(unknown("Quelles villes forment leurs agents à la santé mentale (de vraies formations, pas seulement des séances de sensibilisation) ?")).toEqual([]);
    // a bracket naming what is asked still counts
    expect(unknown("accompagnement des proches endeuillés après un suicide (postvention)")).toContain("postvention");
  });

  it("reads 'housing staff' as the social landlords' people, not building caretakers no sheet names", () => {
    const q = understandQuestion(corpus, { question: "informal morning meetings so housing staff and mental health workers get to know each other" });
    expect(q.concepts.some((c) => c.unknown)).toBe(false);
  });

  it("grounds a word no sheet writes by its entry's other terms only when the entry says they are one meaning", () => {
    // « la pandémie » is the COVID crisis (the sheets write « COVID », « crise sanitaire »)
    const same = understandQuestion(corpus, { question: "recherche-action sur les précarités devenues invisibles depuis la pandémie" });
    const pandemic = same.concepts.find((c) => c.label === "pandémie");
    expect(pandemic?.unknown).toBe(false);
    expect(pandemic?.phrases).toEqual(expect.arrayContaining([["covid"]]));
    // in the plural too, which the glossary writes singular
    const plural = understandQuestion(corpus, { question: "les pandémies et la santé mentale des jeunes" });
    expect(plural.concepts.find((c) => c.label === "pandémies")?.unknown).toBe(false);
    // « ordonnance » and « prescription » are kept related, not one meaning: "sport sur ordonnance" is in no sheet, and
    // grounded by « prescriptions muséales » it was answered with museum visits
    expect(understandQuestion(corpus, { question: "Quelles villes font du sport sur ordonnance ?" }).concepts.find((c) => c.label === "ordonnance")?.unknown).toBe(true);
    // an entry of related terms grounds nothing: « salariés » is no « agents »
    const related = understandQuestion(corpus, { question: "Quelles actions forment les salariés ?" });
    expect(related.concepts.find((c) => c.label === "salariés")?.unknown).toBe(true);
  });

  it("keeps a compound noun's complement whole on the left of a slash ('politique de la ville / contrat de ville')", () => {
    const q = understandQuestion(corpus, { question: "actions santé mentale financées par des crédits politique de la ville / contrat de ville : quelles villes ?" });
    const choice = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "contrat vill"));
    expect(choice?.phrases.map((p) => p.join(" "))).toContain("polit vill");
    expect(q.concepts.some((c) => c.phrases.length === 1 && c.phrases[0].join(" ") === "vill")).toBe(false);
  });

  it("reads an infinitive of purpose after what the question asks as how it is put, not as a concept ('… les centres sociaux pour déployer leurs actions')", () => {
    const after = understandQuestion(corpus, { question: "Quelles villes s'appuient sur les centres sociaux pour déployer leurs actions en santé mentale ?" });
    expect(after.concepts.some((c) => c.label === "déployer")).toBe(false);
    expect(after.concepts.some((c) => c.label === "centres")).toBe(true);
    // with nothing asked before it, the purpose is what is asked
    const alone = understandQuestion(corpus, { question: "Quelles villes agissent pour former les habitants ?" });
    expect(alone.concepts.some((c) => c.phrases.some((p) => p.join(" ").startsWith("form")))).toBe(true);
  });

  it("reads a term offered as a choice through the noun it complements ('le contrat de ville ou des crédits de la politique de la ville')", () => {
    const q = understandQuestion(corpus, { question: "Quelles actions sont cofinancées par le contrat de ville ou des crédits de la politique de la ville ?" });
    const choice = q.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "contrat vill"));
    expect(choice?.phrases.map((p) => p.join(" "))).toContain("polit vill");
    // "contrat" alone would let any sheet naming a contract (« contrat local de santé ») answer
    expect(q.concepts.some((c) => c.phrases.length === 1 && c.phrases[0].join(" ") === "contrat")).toBe(false);
    // colloquially, without "de"
    const spoken = understandQuestion(corpus, { question: "Quelles actions sont cofinancées par le contrat de ville ou des crédits politique de la ville ?" });
    expect(spoken.concepts.find((c) => c.phrases.some((p) => p.join(" ") === "contrat vill"))?.phrases.map((p) => p.join(" "))).toContain("polit vill");
    // in French only: in English any word before the second would do ("app or online self help" offers no "self help")
    const english = understandQuestion(corpus, { question: "a smartphone app or online self help platform for residents' mental wellbeing" });
    expect(english.concepts.some((c) => c.phrases.some((p) => p.includes("appliqu")) && c.label?.includes("self help"))).toBe(false);
  });

  it("starts a slashed alternative after its article, and joins the bracketed examples that follow it to it", () => {
    const q = understandQuestion(corpus, { question: "Dans quelles actions retrouve-t-on des mandataires / associations tutélaires (UDAF, protection des majeurs) ?" });
    const idea = q.concepts.find((c) => c.phrases.some((p) => p.includes("udaf")));
    expect(idea?.phrases).toEqual([["mandatair"], ["associ", "tutelair"], ["udaf"], ["protect", "majeur"]]);
    // the words before the article are not an alternative of the idea
    expect(q.concepts.some((c) => c.phrases.some((p) => p.includes("retrouv")))).toBe(false);
    expect(idea?.unknown).toBe(false);
    // one item in brackets names a thing of its own: it stays apart
    const named = understandQuestion(corpus, { question: "supported employment / job coaching (IPS model) for people with severe mental illness" });
    expect(named.concepts.some((c) => c.phrases.some((p) => p.includes("ips")) && c.phrases.some((p) => p.includes("coaching")))).toBe(false);
  });

  it("keeps a follow-up of a follow-up on the sheets of the question that opened the topic", () => {
    const chained = [
      ...history,
      { role: "user" as const, content: "et qui les finance ?" },
      // only one of the two sheets names a funder, so the answer cited only it
      { role: "assistant" as const, content: "…", ficheIds: [PSSM_IDS[0]] },
    ];
    const q = understandQuestion(corpus, { question: "et leur budget ?", history: chained });
    expect([...(q.scope ?? [])].sort()).toEqual([...PSSM_IDS].sort());
    // a new question in between opens a new topic: its sheets alone are the scope
    const reopened = [...chained, { role: "user" as const, content: "Quelles actions pour les étudiants ?" }, { role: "assistant" as const, content: "…", ficheIds: [PSSM_IDS[1]] }];
    expect([...(understandQuestion(corpus, { question: "et leur budget ?", history: reopened }).scope ?? [])]).toEqual([PSSM_IDS[1]]);
  });

  it("takes an acronym alone in brackets as the name of the thing, and a bracketed list as examples", () => {
    expect(understandQuestion(corpus, { question: "Which cities work with a mutual aid group (GEM)?" }).entities).toEqual(["gem"]);
    expect(understandQuestion(corpus, { question: "Quelles actions ont un hôpital psychiatrique (EPSM ou CH spécialisé) parmi leurs porteurs ?" }).entities).toEqual([]);
  });

  it("makes no concept of a compound's short prefix, which many compounds share", () => {
    const phrases = (question: string) => understandQuestion(corpus, { question }).concepts.map((c) => c.phrases);
    // "co" is in co-financement as in co-animation: the compound itself and its word stay
    expect(phrases("Quelles actions sont co-animées par une infirmière ?")).not.toContainEqual([["co"]]);
    expect(phrases("Quelles actions sont co-animées par une infirmière ?")).toContainEqual([["co-anim"]]);
    expect(phrases("Which actions have a nurse co-running the sessions?")).not.toContainEqual([["co"]]);
  });

  it("makes no concept of an English noun naming a side of an action ('a food angle'), as « volet » is none in French", () => {
    const labels = understandQuestion(corpus, { question: "Any mental health actions with a food angle? Which cities?" }).concepts.map((c) => c.label);
    expect(labels).not.toContain("angle");
    expect(labels).toContain("food");
  });
});

describe("psychiatric hospitals by their names", () => {
  it("reads a « centre psychothérapique » (the name several departmental psychiatric hospitals bear) as a psychiatric hospital", () => {
    const q = understandQuestion(corpus, { question: "Which actions were run together with a psychiatric hospital?" });
    const hospital = q.concepts.find((c) => c.label === "psychiatric hospital");
    expect(hospital?.phrases.map((p) => p.join(" "))).toContain("centr psychotherap");
  });
});
