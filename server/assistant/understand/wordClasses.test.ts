import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import { createQueryExpander } from "./createQueryExpander.ts";
import { createCorpus } from "./queryContext.ts";
import { understandQuestion } from "./understandQuestion.ts";
import { HUNSPELL_FR_PATH, loadWordClasses, parseHunspellFr, parseWordNet, WORDNET_DIR, wordClassesFrom } from "./wordClasses.ts";

// Small lexicons in the packages' own shapes, so these tests do not depend on Debian's packages
const FRENCH_DIC = [
  "18",
  "garder/a0p+() po:v1__t_q__a",
  "greffer/a0p+() po:v1__t_q_zz",
  "endeuiller/a0p+() po:v1__t___zz",
  "payer/a0p+() po:v1__t_q__a",
  "caler/a0p+() po:v1__t_q__a",
  "armer/a0p+() po:v1__t_q_zz",
  "armée/S.() po:nom is:fem",
  "bébé/S.() po:nom is:mas",
  "joignable/S.() po:adj is:epi",
  "plutôt po:adv",
  "remettre/vA() po:v3__tnq__a",
  "Rémi po:prn po:npr is:mas",
  "produire/vA() po:v3__t_q__a",
  "produit/S.() po:nom is:mas",
  "déclarer/a0p+() po:v1__t_q__a",
  "finir/f0p+() po:v2__t_q__a",
  "accident/S.() po:nom is:mas",
  "venir/pA() po:v3__i_q__a",
  "complètement/L'D'Q' po:adv",
  "complètement/S.() po:nom is:mas",
  "logement/S.() po:nom is:mas",
  "agir/L'D'Q' po:nom is:mas is:sg",
  "agir/f0p.() po:v2_i__x__a",
  "vivre/pA() po:v3_it_q__a",
  "écrire/pA() po:v3__t_q__a",
  "partir/pA() po:v3_i__q__a",
  "relever/a0p+() po:v1__t_q__a",
  "aider/a0p+() po:v1__t_q__a",
  "aire/S.() po:nom is:fem",
].join("\n");

// "lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offsets…", after a licence header of indented lines
const header = "  1 This software and database is being provided to you, the LICENSEE, by  \n";
const WORDNET = {
  noun: `${header}drop n 9 4 @ ~ + ; 9 3 1 2 3 4 5 6 7 8 9\nlease n 3 3 @ ~ + 3 2 1 2 3\nbullying n 1 2 @ + 1 1 1\nbully n 2 1 @ 2 1 1 2\nmental_health n 1 1 @ 1 0 1\n`,
  verb: `${header}drop v 23 2 @ ~ 23 12 1\nlease v 4 2 @ ~ 4 1 1 2 3 4\nweigh v 6 2 @ ~ 6 4 1 2 3 4 5 6\nbully v 2 1 @ 2 0 1 2\nconnect v 11 1 @ 11 9 1\n`,
  adjective: `${header}unemployed a 1 1 & 1 1 1\nconnected a 5 1 & 5 2 1\n`,
  adverb: `${header}rather r 6 0 6 6 1 2 3 4 5 6\n`,
};

function sampleClasses() {
  return wordClassesFrom(parseHunspellFr(FRENCH_DIC), parseWordNet(WORDNET, { verb: "weighed weigh\n" }));
}

describe("word classes", () => {
  const classes = sampleClasses();

  it("says whether a word has a verb use at all, mostly a noun or not ('drop', 'accident' has none)", () => {
    expect(classes.canBeVerb("drop", "en")).toBe(true); // 9 noun senses, 23 verb senses
    expect(classes.canBeVerb("lease", "en")).toBe(true);
    expect(classes.canBeVerb("unemployed", "en")).toBe(false);
    expect(classes.canBeVerb("garder", "fr")).toBe(true);
    expect(classes.canBeVerb("accident", "fr")).toBe(false);
    expect(classes.canBeVerb("télépsychiatrie", "fr")).toBe(false);
  });

  it("reads French verbs and adverbs as how a question is put, through plurals, feminines and participles", () => {
    expect(classes.asksHow("garder", "fr")).toBe(true);
    expect(classes.asksHow("greffées", "fr")).toBe(true); // greffées → greffer
    expect(classes.asksHow("plutôt", "fr")).toBe(true);
    // an adverb in -ment as often as a noun reads as the adverb; a noun in -ment alone stays a noun
    expect(classes.asksHow("complètement", "fr")).toBe(true);
    expect(classes.asksHow("logement", "fr")).toBe(false);
    // a noun or an adjective names something, even where a verb shares its letters ("armées", not "armer")
    expect(classes.asksHow("armées", "fr")).toBe(false);
    expect(classes.asksHow("bébés", "fr")).toBe(false);
    expect(classes.asksHow("joignable", "fr")).toBe(false);
    // a word the lexicon does not know is kept
    expect(classes.asksHow("télépsychiatrie", "fr")).toBe(false);
    // an irregular participle reads as its verb ("remis": remettre), past a first name its singular spells (Rémi),
    // and never over a noun it spells ("produits": produit, not produire)
    expect(classes.asksHow("remis", "fr")).toBe(true);
    expect(classes.isWord("Rémi", "fr")).toBe(true);
    expect(classes.asksHow("produits", "fr")).toBe(false);
    // a conjugated form of a regular verb reads as its infinitive; a noun it could spell stays a noun
    expect(classes.asksHow("déclarent", "fr")).toBe(true);
    expect(classes.asksHow("déclarait", "fr")).toBe(true);
    expect(classes.asksHow("finissent", "fr")).toBe(true);
    expect(classes.asksHow("viennent", "fr")).toBe(true);
    expect(classes.asksHow("accident", "fr")).toBe(false);
    // a conjugated form is the verb only, whatever noun its infinitive also is ("agissent": agir, not "l'agir"), and its
    // stem may be two letters long
    expect(classes.asksHow("agissent", "fr")).toBe(true);
    expect(classes.asksHow("agir", "fr")).toBe(false);
    // the third group's other present plurals, and a stem whose grave accent the infinitive writes "e"
    expect(classes.asksHow("vivent", "fr")).toBe(true);
    expect(classes.asksHow("écrivent", "fr")).toBe(true);
    expect(classes.asksHow("partent", "fr")).toBe(true);
    expect(classes.asksHow("relèvent", "fr")).toBe(true);
    // (read as verbs only: "aident" is "aider", not the noun "aire" its letters also give)
    expect(classes.asksHow("aident", "fr")).toBe(true);
  });

  it("reads English words by their most used part of speech in WordNet's tagged senses, through inflections", () => {
    expect(classes.asksHow("rather", "en")).toBe(true);
    expect(classes.asksHow("weighs", "en")).toBe(true); // morphy: weighs → weigh
    expect(classes.asksHow("weighed", "en")).toBe(true); // exception list
    expect(classes.asksHow("drop", "en")).toBe(true); // verb 12 tagged senses against noun 3
    expect(classes.asksHow("lease", "en")).toBe(false); // noun 2 against verb 1
    // as written and through its lemmas: "bullying" is mostly a noun, "connected" mostly the verb "connect"
    expect(classes.asksHow("bullying", "en")).toBe(false);
    expect(classes.asksHow("connected", "en")).toBe(true);
    expect(classes.asksHow("unemployed", "en")).toBe(false);
    expect(classes.asksHow("telepsychiatry", "en")).toBe(false);
    expect(classes.asksHow("rather", "fr")).toBe(false); // each language its own lexicon
  });

  it("keeps a verb the corpus never writes out of a question's concepts, so it cannot make the answer abstain", async () => {
    const corpus = await getTestCorpus();
    const question = "Quelles actions se sont greffées sur une semaine nationale de sensibilisation ?";
    const unknown = (expand: Awaited<ReturnType<typeof createQueryExpander>>, q: string) =>
      understandQuestion(createCorpus(corpus.index, expand), { question: q }).concepts.filter((c) => c.unknown).map((c) => c.label);
    expect(unknown(await createQueryExpander(true, undefined, null, null), question)).toEqual(["greffées"]);
    expect(unknown(await createQueryExpander(true, undefined, null, classes), question)).toEqual([]);
    // a noun the corpus lacks still does ("bébés" here stands for a public)
    expect(unknown(await createQueryExpander(true, undefined, null, classes), "Quelles actions pour les bébés ?")).toEqual(["bébés"]);
    // and so does a participle qualifying a noun, as an adjective would ("endeuillées" names a public); in the passive,
    // with its agent, it says what was done
    const withClasses = await createQueryExpander(true, undefined, null, classes);
    expect(unknown(withClasses, "groupes de parole pour les personnes endeuillées")).toEqual(["endeuillées"]);
    expect(unknown(withClasses, "Combien a coûté la formation payée par la collectivité ?")).toEqual([]);
    expect(unknown(withClasses, "Quelles actions ont été endeuillées ?")).toEqual([]);
    // after the noun the question lists sheets by, it says what was done with the actions, no public they address
    expect(unknown(withClasses, "Des actions calées sur une journée nationale ?")).toEqual([]);
    expect(unknown(withClasses, "Des personnes calées sur une journée nationale ?")).toEqual(["calées"]);
    // English: a dictionary word none of whose translations the corpus holds, unless it is mostly a verb
    const dict = new Map([["weigh", ["peser"]], ["prisoner", ["prisonnier"]]]);
    const english = await createQueryExpander(true, undefined, dict, classes);
    expect(unknown(english, "How do noise and pollution weigh on the mental health of prisoners?")).toEqual(["prisoner"]);
  });

  it("reads Debian's lexicons where installed", (ctx) => {
    if (!existsSync(HUNSPELL_FR_PATH) || !existsSync(`${WORDNET_DIR}/index.verb`)) {
      console.log(`skipped: ${HUNSPELL_FR_PATH} or ${WORDNET_DIR} missing (apt-get install hunspell-fr-classical wordnet-base; .ci/run installs them)`);
      if (process.env.CI) throw new Error("hunspell-fr-classical and wordnet-base must be installed under CI");
      ctx.skip();
    }
    const installed = loadWordClasses();
    expect(installed.sizes.fr).toBeGreaterThan(50_000);
    expect(installed.sizes.en).toBeGreaterThan(50_000);
    expect(["démultiplier", "recontacter", "greffées"].every((w) => installed.asksHow(w, "fr"))).toBe(true);
    expect(["pompiers", "victimes", "conjugales", "harcèlement", "bébés"].some((w) => installed.asksHow(w, "fr"))).toBe(false);
    expect(["admit", "weigh", "rather"].every((w) => installed.asksHow(w, "en"))).toBe(true);
    expect(["prisoner", "fathers", "gambling", "dementia", "unemployed"].some((w) => installed.asksHow(w, "en"))).toBe(false);
    // general words of many uses, against the names of one kind of thing or people
    expect(["chance", "seat", "upset"].every((w) => installed.manyUses(w, "en"))).toBe(true);
    expect(["prisoner", "farmer", "dementia", "gambling", "officer", "yoga"].some((w) => installed.manyUses(w, "en"))).toBe(false);
    expect(["Henri", "Jacques", "Claire"].every((w) => installed.givenName(w))).toBe(true);
    expect(["Laborit", "Lille", "Santé"].some((w) => installed.givenName(w))).toBe(false);
  });

  it("knows the French lexicon's given names, and only them", () => {
    expect(classes.givenName("Rémi")).toBe(true);
    expect(classes.givenName("bébé")).toBe(false);
    expect(wordClassesFrom(undefined, undefined).givenName("Rémi")).toBe(false);
  });

  it("counts a word's uses over its parts of speech, English only", () => {
    // drop: noun 1 + 2×3, verb 1 + 2×12; lease: noun 1 + 2×2, verb 1 + 2×1
    expect(classes.manyUses("drop", "en")).toBe(true);
    expect(classes.manyUses("lease", "en")).toBe(false);
    expect(classes.manyUses("déclarer", "fr")).toBe(false);
  });
});
