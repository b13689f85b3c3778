import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import { rankForQuestion } from "../retrieve/rankForQuestion.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion, type QuestionInput } from "../understand/understandQuestion.ts";
import { decideAnswer, type Decision } from "./decideAnswer.ts";
import { detectIntent } from "../understand/detectIntent.ts";
import { rerankByEvidence } from "./rerankByEvidence.ts";
import { similarFiches } from "../retrieve/similarFiches.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

async function decide(input: QuestionInput | string): Promise<Decision> {
  const q = understandQuestion(corpus, typeof input === "string" ? { question: input } : input);
  return decideAnswer(q, await rankForQuestion(q));
}
const sheetsOf = (d: Decision) => ("sheets" in d ? d.sheets.map((r) => r.ficheId) : []);
/** A conversation so far: the question asked, and the sheets its answer cited. */
const afterAnswer = (question: string, ficheIds: string[]) => [
  { role: "user" as const, content: question },
  { role: "assistant" as const, content: "…", ficheIds },
];
const PSSM = ["caen--former-aux-premiers-secours-sante", "lille--formations-premiers-secours-sante-mentale"];

describe("decideAnswer", () => {
  it("lists the actions working at the scale a question asks from each sheet's territory field, the scales coordinated and the contrast aside", async () => {
    const scaleOf = (id: string) => corpus.index.ficheById.get(id)!.fields.find((f) => f.name === "territory")?.value ?? "";
    for (const question of ["Which actions work at inter-municipal level, not just in one town?", "Quelles actions sont conduites à l'échelle d'une métropole ou d'une intercommunalité, plutôt que d'une commune ?"]) {
      const d = await decide(question);
      expect(d.kind, question).toBe("list");
      const listed = sheetsOf(d);
      // « Metz métropole », « Rennes Métropole (43 communes…) », « La Métropole européenne de Lille »
      expect(listed.length, question).toBeGreaterThanOrEqual(3);
      for (const id of listed) expect(scaleOf(id), `${question} ${id}`).toMatch(/m[ée]tropole|intercommunal|communaut[ée] urbaine|agglom/i);
    }
  });

  it("does not list a sheet whose only workplace is the example a ticked box's label gives (« …, milieu professionnel, … etc. »)", async () => {
    const d = await decide("Which cities do something about mental health at work?");
    expect(d.kind).toBe("list");
    // « santé au travail » of the sheet's agents is what is asked; « Lieux de vie (écoles, …, milieu professionnel, etc.) », ticked
    // by many sheets, says the action concerns some place of life
    expect(sheetsOf(d)).toContain("caen--former-aux-premiers-secours-sante");
    expect(sheetsOf(d)).not.toContain("boulogne-billancourt--actions-prevention-vie-relationnelle-affective");
    expect(sheetsOf(d)).not.toContain("paris--replacer-sante-vivant-coeur-secteur");
  });

  it("answers each of two values a question asks, each read with its own part ('…, and roughly how many people came to each?')", async () => {
    const d = await decide("How many awareness sessions did Limoges run in its priority neighbourhoods, and roughly how many people came to each?");
    expect(d.kind).toBe("value");
    expect(d.kind === "value" ? d.passages.map((p) => p.value) : []).toEqual(["6", "quinzaine"]);
  });

  it("lists the sheets a body funds when the question words money the corpus never writes ('met de l'argent')", async () => {
    const d = await decide("Dans quelles actions un centre hospitalier met-il de l'argent (cofinancement ou fonds propres) ?");
    expect(d.kind).toBe("list");
    // the funding line naming the hospital ("Ville de Rennes CHU Centre Hospitalier Guillaume Régnier"); Metz, whose
    // hospital is a "Financeur" only in its role box, is no longer listed since the field's words are set aside
    // (README "Quality", nineteenth session)
    expect(sheetsOf(d)).toContain("rennes--arts-soins-mouvement");
  });

  it("reads one French name glossing an English term in brackets as a name the listed sheets must write, and examples as none", async () => {
    const d = await decide("Which cities connect their mental health work to the Housing First ('Logement d'abord') policy?");
    expect(d.kind).toBe("list");
    // "abordée par le prisme … du logement" writes the words apart: no Housing First
    expect(sheetsOf(d)).not.toContain("lille--petits-dejeuners-interconnaissance-habitat-sante");
    expect(sheetsOf(d)).toContain("metz--logement-social-sante-mentale-favoriser");
  });

  it("dates an event of the sheet that writes the acronym the question gives, not of the best-ranked sheet sharing its other words", async () => {
    const d = await decide("When is the ECOVIP conference with the Québec academics taking place?");
    expect(d.kind).toBe("value");
    if (d.kind !== "value") return;
    expect(d.passages[0].chunk.ficheId).toBe("lyon--evolution-apres-covid-invisibilite-des");
    expect(d.passages[0].value).toBe("11 octobre 2023");
  });

  it("reads who does something, of no place and no action in particular, as which sheets do it; who did it in one action stays a lookup", async () => {
    const d = await decide("Qui travaille avec les bailleurs sociaux sur le maintien dans le logement de locataires ayant des troubles psychiques ?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toEqual(expect.arrayContaining(["metz--logement-social-sante-mentale-favoriser", "caen--accompagner-des-situations-complexes-preoccupantes"]));
    expect((await decide("Who funded the \"La santé mentale dans mon quartier\" sessions in Nantes?")).kind).not.toBe("list");
    expect((await decide("Qui porte le projet logement social et santé mentale sur le territoire messin ?")).kind).not.toBe("list");
  });

  it("reads « le CH Laborit » as a hospital named Laborit, which sheets also write « Centre hospitalier Henri Laborit »", async () => {
    const listed = sheetsOf(await decide("Quelles actions de Poitiers se font avec le CH Laborit ?"));
    const writes = (id: string, re: RegExp) => corpus.index.ficheById.get(id)!.fields.some((f) => re.test(f.value));
    // one sheet writes « CH Laborit », others only the name spelled out
    expect(listed.some((id) => writes(id, /\bCH Laborit\b/))).toBe(true);
    expect(listed.some((id) => !writes(id, /\bCH Laborit\b/) && writes(id, /Centre hospitalier Henri Laborit/i))).toBe(true);
    for (const id of listed) expect(writes(id, /Laborit/), id).toBe(true);
  });

  it("does not require « centre hospitalier » of a question asking a « centre hospitalier universitaire (CHU) », which sheets write « CHU »", async () => {
    const listed = sheetsOf(await decide("Dans quelles actions un centre hospitalier universitaire (CHU) est-il partenaire ?"));
    const writesOnlyChu = (id: string) => {
      const text = corpus.index.ficheById.get(id)!.fields.map((f) => f.value).join("\n");
      return /\bCHU\b/.test(text) && !/centre hospitalier/i.test(text);
    };
    expect(listed.some(writesOnlyChu)).toBe(true);
  });

  it("lists the sheet writing the name a list question quotes, whatever the anchor (« La santé mentale dans mon quartier »)", async () => {
    const question = "Quelles villes ont accueilli les séances « La santé mentale dans mon quartier » du CCOMS ?";
    // (decided as an answer is, the evidence re-rank included)
    const q = understandQuestion(corpus, { question });
    const d = decideAnswer(q, rerankByEvidence(q, await rankForQuestion(q), true));
    const writing = sheetsOf(d).filter((id) => corpus.index.ficheById.get(id)!.fields.some((f) => /santé mentale dans mon quartier/i.test(f.value)));
    expect(writing.length).toBeGreaterThan(0);
    // cited by a passage writing the name
    if (d.kind !== "list") throw new Error(`expected a list, got ${d.kind}`);
    const cited = d.sheets.find((r) => r.ficheId === writing[0])!;
    expect(cited.evidence?.chunk.text).toMatch(/santé mentale dans mon quartier/i);
  });

  it("lists beyond the city of the last answer when a list follow-up asks « ailleurs »", async () => {
    const question = "Ailleurs, y a-t-il des actions qui passent par l'art pour valoriser des personnes en difficulté ?";
    const fresh = sheetsOf(await decide(question));
    expect(fresh).toContain("poitiers--regards-sur-art");
    const beyond = await decide({ question, history: afterAnswer("Présente-moi l'action Regards sur l'Art à Poitiers.", ["poitiers--regards-sur-art"]) });
    expect(sheetsOf(beyond).length).toBeGreaterThan(0);
    for (const id of sheetsOf(beyond)) expect(corpus.index.ficheById.get(id)!.city, id).not.toBe("Poitiers");
    // (after an answer citing two of that city's sheets too: « ailleurs » is then the exclusion, no word a sheet must write)
    // (decided as an answer is, the evidence re-rank included)
    const q = understandQuestion(corpus, { question, history: afterAnswer("Présente-moi l'action Regards sur l'Art à Poitiers.", ["poitiers--regards-sur-art", "poitiers--ete-grand-air"]) });
    const afterTwo = decideAnswer(q, rerankByEvidence(q, await rankForQuestion(q), true));
    expect(sheetsOf(afterTwo).length).toBeGreaterThan(0);
    for (const id of sheetsOf(afterTwo)) expect(corpus.index.ficheById.get(id)!.city, id).not.toBe("Poitiers");
  });

  it("answers 'Any others?' with the rest of the last question's answer, and says so when there is none", async () => {
    const given = ["caen--former-aux-premiers-secours-sante", "lille--formations-premiers-secours-sante-mentale"];
    const all = await decide("Quelles villes forment aux premiers secours en santé mentale ?");
    const more = await decide({ question: "D'autres ?", history: afterAnswer("Quelles villes forment aux premiers secours en santé mentale ?", given) });
    const rest = sheetsOf(all).filter((id) => !given.includes(id));
    if (rest.length === 0) expect(more).toEqual({ kind: "abstain", abstention: { why: "noOthers" } });
    else expect(sheetsOf(more)).toEqual(rest);
    // given one of them only, the other is the answer
    const other = await decide({ question: "Any others?", history: afterAnswer("Which cities run mental health first aid trainings?", [given[0]]) });
    expect(sheetsOf(other)).toContain(given[1]);
    expect(sheetsOf(other)).not.toContain(given[0]);
  });

  it("decides whether the corpus covers a question on retrieval's order, not on the evidence re-rank's", async () => {
    // a sheet holding more of the question's known words moves up in the re-rank; "new fathers" stays in no sheet
    const q = understandQuestion(corpus, { question: "support groups for new fathers after birth" });
    const d = decideAnswer(q, rerankByEvidence(q, await rankForQuestion(q)));
    expect(d.kind).toBe("abstain");
  });

  it("answers where 'it' takes place, after an answer about one sheet, by the sentence naming the place", async () => {
    const history = afterAnswer("How does Montreuil's living library work?", ["montreuil--bibliotheque-vivante"]);
    for (const question of ["Where does it take place?", "Où ça se passe ?"]) {
      const d = await decide({ question, history });
      expect(d.kind, question).toBe("value");
      if (d.kind !== "value") continue;
      expect(d.passages.map((p) => p.chunk.text.slice(p.start, p.end)).join(" "), question).toContain("place Jean Jaurès");
    }
  });

  it("answers a follow-up asking how many people by the sentence naming that many of them", async () => {
    const d = await decide({ question: "Who are the three people driving it?", history: afterAnswer("What is Lyon's ECOVIP action-research about?", ["lyon--evolution-apres-covid-invisibilite-des"]) });
    expect(d.kind).toBe("value");
    if (d.kind !== "value") return;
    // "un trio animateur avec Nicole Borie, …, Vincent Rialle, … et moi-même (Laurence Langer)"
    const quoted = d.passages.map((p) => p.chunk.text.slice(p.start, p.end)).join(" ");
    expect(quoted).toContain("Nicole Borie");
    expect(quoted).toContain("Laurence Langer");
  });

  it("answers a follow-up about one sheet asking who did a thing by the sentence naming them, not the filled lead field", async () => {
    const d = await decide({ question: "Who trained the staff to run it?", history: afterAnswer("What is the living library Montreuil organised at its health forum?", ["montreuil--bibliotheque-vivante"]) });
    expect(d.kind === "value" && d.passages[0].value).toBe("l'association ZEST");
  });

  it("looks a value up in a sheet ranked third, past another action of the city, when it states the value far better", async () => {
    // (as /api/ask ranks them: re-ranked by evidence, which puts the programme's 2021 sheet and Lille's first-aid training first)
    const q = understandQuestion(corpus, { question: "Lille's free psychologist drop-ins in neighbourhood town halls and community centres: how much of the annual budget comes from politique de la ville money?" });
    const d = decideAnswer(q, rerankByEvidence(q, await rankForQuestion(q), true));
    expect(d.kind === "value" && d.passages[0].value).toBe("8719€");
    expect(sheetsOf(d)).toEqual(["lille--espaces-ecoute-sante-points-ecoute"]);
  });

  it("grounds an acronym of the field no sheet writes (VRAS) in the sheets that spell it out, as the glossary gives it", async () => {
    const d = await decide("Comment s'appelle l'intervention VRAS que l'Espace Santé Jeunes de Boulogne-Billancourt propose aux classes de 3e ?");
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)).toEqual(["boulogne-billancourt--actions-prevention-vie-relationnelle-affective"]);
  });

  it("grounds a clipped word in a named city's sheets that write it in full ('un psy': psychologue), not one they never write", async () => {
    const d = await decide("C'est quoi exactement les temps d'échanges avec un psy dans les quartiers de Lorient ?");
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)).toContain("lorient--temps-echanges-avec-psychologue-pour");
    // Lorient's sheets write no word starting "ados": still not covered there
    const teens = await decide("Que fait Lorient pour les ados ?");
    expect(teens.kind === "abstain" && teens.abstention.why).toBe("notInCity");
  });

  it("answers a lookup of a city's only sheet despite one common word no sheet writes, when the rest of the question is that sheet's", async () => {
    const d = await decide("Which theatre company did the surprise improv sketches in the student restaurants in Valence?");
    expect(d.kind).toBe("value");
    if (d.kind === "value") expect(d.passages.map((p) => p.value)).toContain("Cie Les excités");
    // a rare word of the value asked ("improv troupe") identifies the sheet as the question's other words do
    const troupe = await decide("Which improv troupe did the surprise sketches in Valence's student canteens?");
    expect(troupe.kind === "value" && troupe.passages.map((p) => p.value)).toContain("Cie Les excités");
    // fewer of its concepts, and a public no sheet names: still not covered
    expect((await decide("Which theatre company did the improv sketches for firefighters in Valence?")).kind).toBe("abstain");
    expect((await decide("Combien de pompiers ont assisté aux ateliers d'impro à Valence ?")).kind).toBe("abstain");
  });

  it("does not refuse on a preposition the corpus never writes in French ('behind')", async () => {
    const d = await decide("Which cities formalised the partnership behind their mental health action in a signed agreement?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toContain("rennes--arts-soins-mouvement");
  });

  it("lists by an English term's French phrases where a sheet writes them side by side, not its words apart", async () => {
    const d = await decide("Which cities hold their mental health activities inside social centres?");
    expect(d.kind).toBe("list");
    // Lyon writes "les centres sociaux"; Valence writes "Centre Santé Jeunes" and "Lien social", Caen "Centre national…"
    // and "développement social": the words apart
    expect(sheetsOf(d)).toContain("lyon--evolution-apres-covid-invisibilite-des");
    for (const apart of ["valence--promotion-sante-mentale-des-jeunes", "caen--developper-les-competences-sur-sante"]) {
      expect(corpus.index.chunks.some((c) => c.ficheId === apart && /\bcentres?\b/i.test(c.text)) && corpus.index.chunks.some((c) => c.ficheId === apart && /\bsocial\b/i.test(c.text))).toBe(true);
      expect(sheetsOf(d)).not.toContain(apart);
    }
  });

  it("answers denial and refused help in English by the glossary's French, not refusing on 'down'", async () => {
    const d = await decide("people with mental disorders who deny being ill and turn down any help");
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)).toContain("caen--accompagner-des-situations-complexes-preoccupantes");
  });

  it("grounds an acronym no sheet writes by its spelled-out form in brackets, which a sheet writes in other forms", async () => {
    // the corpus writes "Semaines d'Informations sur la Santé Mentale", never "SISM"
    const d = await decide("que font les villes pendant les SISM (semaines d'information sur la santé mentale) ?");
    expect(d.kind).not.toBe("abstain");
    // without its gloss, as the glossary spells it out (fc99b60: before, it was a name no sheet writes)
    expect((await decide("que font les villes pendant les SISM ?")).kind).not.toBe("abstain");
    // an acronym neither the sheets nor the glossary know is still a name no sheet writes
    expect((await decide("que font les villes pendant les SNPSM ?")).kind).toBe("abstain");
  });

  it("dates an event a follow-up about one sheet asks, where the sheet tells of it, not by the sheet's period", async () => {
    const history = afterAnswer("How many agents did Caen la Mer train in mental health first aid in 2022?", ["caen--former-aux-premiers-secours-sante"]);
    const d = await decide({ question: "When is the first meeting of their first-aiders' collective?", history });
    expect(d.kind).toBe("value");
    expect(d.kind === "value" ? d.passages[0].value : "").toMatch(/octobre 2023/);
  });

  it("reads 'what made it possible' as the success factors field, and a video clip as a video", async () => {
    const q = understandQuestion(corpus, { question: "What policy opportunity made it possible to fund the housing project?", filters: { city: "Metz" } });
    expect(q.intent.fields).toContain("success_factors");
    expect((await decide("Which video clip does Boulogne-Billancourt's youth health centre show to explain consent?")).kind).not.toBe("abstain");
  });

  it("does not refuse a grounded English question for one general word the sheets lack ('a chance to'), but still for a specific one", async () => {
    expect((await decide({ question: "Which actions give residents a chance to see a psychologist?", filters: { city: "Lille" } })).kind).toBe("list");
    const farmers = await decide("suicide prevention for farmers");
    expect(farmers.kind).toBe("abstain");
  });

  it("answers for words that say how big or new, an idiom, a phrasal verb, an infinitive or a weekday the sheets do not write", async () => {
    // "neufs", "massive": an adjective of age or size qualifies, it names no topic
    expect((await decide("règles d'urbanisme qui imposent balcons, terrasses ou espaces extérieurs dans les logements neufs")).kind).not.toBe("abstain");
    expect((await decide("people living right next to a massive motorway interchange: noise, air pollution and their mental health")).kind).not.toBe("abstain");
    // "sur le papier" is an idiom (nominally), no paper
    expect((await decide("Dans quelles fiches un psychiatre participe-t-il concrètement à l'action, et pas seulement comme partenaire sur le papier ?")).kind).not.toBe("abstain");
    // "clock up" is a phrasal verb; "pour plancher" an infinitive; "Tuesday" the dictionary's "mardi"
    expect((await decide("How many attendances did Lorient's neighbourhood talk groups with a psychologist clock up in 2021?")).kind).not.toBe("abstain");
    expect((await decide("Dans quelles villes les partenaires du soin, du social et les bailleurs se retrouvent-ils pour plancher ensemble sur des cas individuels difficiles ?")).kind).not.toBe("abstain");
    expect((await decide("What does a typical Tuesday-morning session of Poitiers' summer outdoor activity programme involve?")).kind).not.toBe("abstain");
    // "relogement": the iterative prefix and a word the sheets write ("logement")
    expect((await decide("Dans le projet messin de relogement de patients psychiatriques en logement social, quelle association prépare les logements ?")).kind).not.toBe("abstain");
    // a noun the sheets lack still is what they do not cover, after "pour" too, and so is an English name
    expect((await decide("pour les agriculteurs, quelles actions de prévention du suicide ?")).kind).toBe("abstain");
    expect((await decide("What does the Hearing Voices Network do on Tuesday mornings?")).kind).toBe("abstain");
  });

  it("takes an English name one of whose words nothing translates and no sheet writes for a name the corpus lacks", async () => {
    // "Clubhouse" is in no glossary entry, no dictionary entry and no sheet: "International" alone does not translate the name
    expect((await decide("Which cities have a Clubhouse (the Clubhouse International model) for adults with serious mental illness?")).kind).toBe("abstain");
    // "hub" is too short to be asked of the dictionary, and "Health Resource" translates: the Lille sheet answers
    expect((await decide("For Lille's neighbourhood Health Resource Hubs, how much does the city put in for each hub?")).kind).not.toBe("abstain");
  });

  it("reads a migration journey as a « parcours migratoire », and an asylum seeker as no migrant of the sheets", async () => {
    const d = await decide("supporting families who went through traumatic migration journeys");
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)).toContain("metropole-europeenne-de-lille--ateliers-pour-ecriture-contrat-ville");
    expect((await decide("psychotrauma care for refugees and asylum seekers")).kind).toBe("abstain");
  });

  it("lists a listening line as psychological support by phone ('une ligne téléphonique d'écoute')", async () => {
    const d = await decide("Which cities run a telephone line offering psychological support?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toEqual(["lille--mise-place-une-permanence-soutien", "bordeaux--prevention-risque-suicidaire"]);
  });

  it("answers two values asked together by the sentences stating both, not a richer one stating one ('10 séances … 5 familles')", async () => {
    const d = await decide("Pour les ateliers slam parents-enfants du programme de réussite éducative, combien de séances et combien de familles ?");
    expect(d.kind).toBe("value");
    if (d.kind !== "value") return;
    expect(d.passages.map((p) => p.value)).toEqual(["10", "5"]);
    // "nous avons pressenti 10 familles", in the difficulties, shares more of the question's words but states a plan
    expect(d.passages.map((p) => p.chunk.field)).not.toContain("difficulties");
  });

  it("reads two counts asked after a bare comma as two values ('combien de séances, combien de familles'), not a clause after a name", async () => {
    const d = await decide("Bourg-en-Bresse ateliers slam/écriture parents-enfants de la réussite éducative : combien de séances, combien de familles ?");
    expect(d.kind === "value" && d.passages.map((p) => p.value)).toEqual(["10", "5"]);
  });

  it("reads « à quelles dates et pour quel budget ? » as two values, the second no amount's extent", async () => {
    const d = await decide("La semaine de promotion du bien-être des 16-25 ans à Valence, montée par le Centre Santé Jeunes avec l'université : c'était à quelles dates et pour quel budget ?");
    const values = d.kind === "value" ? d.passages.map((p) => p.value) : [];
    expect(values).toContain("23 février 2023");
    expect(values).toContain("5000 €");
  });

  it("reads 'et pour combien de…' after a count as a second count, and « nb de » as « nombre de »", async () => {
    const both = await decide("Les ateliers slam et récits de vie parents-enfants de la réussite éducative de Bourg-en-Bresse : combien de séances, et pour combien de familles ?");
    expect(both.kind === "value" && both.passages.map((p) => p.value)).toEqual(["10", "5"]);
    const abbreviated = await decide("roanne groupe habitat et santé mentale : nb de réunions par an ?");
    expect(abbreviated.kind === "value" && abbreviated.passages.map((p) => p.chunk.text.slice(p.start, p.end))).toContain("Le rythme des réunions est de 6 par an.");
  });

  it("lists who does a thing when the sheet its words quote names no one who does it ('Who does relationships and sex education work?')", async () => {
    const d = await decide("Who does relationships and sex education work?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toContain("boulogne-billancourt--actions-prevention-vie-relationnelle-affective");
  });

  it("answers within the filters a question quoting the name of a sheet there, though it lacks one of its words ('séances')", async () => {
    const question = "Dans quels quartiers ont eu lieu les séances de sensibilisation « la santé mentale dans mon quartier » ?";
    const d = await decide({ question, filters: { city: "Nantes" } });
    expect(d.kind).toBe("value");
    expect(sheetsOf(d)).toEqual(["nantes--sensibilisation-sante-mentale-dans-mon"]);
    // within a city whose sheets do not write the name, no sheet answers
    const elsewhere = await decide({ question, filters: { city: "Rennes" } });
    expect(elsewhere.kind === "abstain" && elsewhere.abstention.why).toBe("noneInFilters");
  });

  it("looks a count asked beside a field's value up in the text, though its words name a field ('how many contact cards')", async () => {
    const d = await decide("When did Caen start its working group on young people's mental health, and how many contact cards have they handed out so far?");
    expect(d.kind).toBe("value");
    if (d.kind !== "value") return;
    expect(d.passages.map((p) => p.value)).toContain("1000");
    expect(d.passages.map((p) => p.chunk.field)).not.toContain("contact");
  });

  it("looks a value up in the next sheet of the city too, and answers from the one whose sentence states it clearly better", async () => {
    // Lille's two sheets on its listening spaces (2021, 2023): the first ranked says "deux quartiers", the other "10 mairies
    // de quartiers … 5 centres sociaux"
    const d = await decide({ question: "Dans combien de mairies de quartier et de centres sociaux la psychologue tient-elle sa permanence ?", filters: { city: "Lille" } });
    expect(d.kind).toBe("value");
    expect(sheetsOf(d)).toEqual(["lille--espaces-ecoute-sante-points-ecoute"]);
    expect(d.kind === "value" && d.passages[0].value).toBe("10");
  });

  it("answers a general question with the cities' actions, not a workshop synthesis ranked below one, unless it names its area", async () => {
    const synthesis = corpus.index.fiches.find((f) => f.kind !== "fiche")!.id;
    const sport = await decide("any sport or exercise sessions run as part of a mental health action?");
    expect(sport.kind).toBe("general");
    expect(sheetsOf(sport).length).toBeGreaterThan(0);
    expect(sheetsOf(sport)).not.toContain(synthesis);
    // « la métropole lilloise » is the metropolitan body whose workshop the synthesis reports: its area, named
    const named = await decide("Que propose l'atelier santé de la métropole lilloise pour la santé mentale des jeunes ?");
    expect(sheetsOf(named)[0]).toBe(synthesis);
  });

  it("abstains on a place the corpus never mentions, naming it", async () => {
    expect(await decide("Quelles actions de santé mentale mène la ville de Marseille ?")).toEqual({
      kind: "abstain",
      abstention: { why: "unknownPlace", place: "Marseille" },
    });
  });

  it("abstains on a place the corpus never mentions in a follow-up too (« Et à Strasbourg ? »), not answering with the last answer's sheets", async () => {
    const history = afterAnswer("Quelles villes forment aux PSSM ?", PSSM);
    expect(await decide({ question: "Et à Strasbourg ?", history })).toEqual({ kind: "abstain", abstention: { why: "unknownPlace", place: "Strasbourg" } });
    // a corpus city asked the same way is answered
    expect((await decide({ question: "Et à Lille ?", history })).kind).not.toBe("abstain");
  });

  it("abstains in a follow-up on a term no sheet mentions ('eating disorders'), whatever the last answer's sheets hold of its other words", async () => {
    const youth = ["caen--soutenir-sante-mentale-des-jeunes", "valence--promotion-sante-mentale-des-jeunes", "boulogne-billancourt--actions-prevention-vie-relationnelle-affective", "poitiers--seminaire-sante-mentale"];
    const history = afterAnswer("Which cities have mental health actions for young people?", youth);
    expect(await decide({ question: "And eating disorders such as anorexia or bulimia?", history })).toMatchObject({ kind: "abstain", abstention: { why: "notCovered" } });
    // a word in small letters no sheet writes is how a follow-up is put, not a topic it lacks
    expect((await decide({ question: "Which of those had a psychologist come round?", history })).kind).not.toBe("abstain");
  });

  it("answers a general question naming its city from that city's sheets, not another city's sheet on the topic", async () => {
    const d = await decide("What has Caen done on housing and mental health?");
    expect(d.kind).toBe("general");
    expect(sheetsOf(d).length).toBeGreaterThan(0);
    for (const id of sheetsOf(d)) expect(corpus.index.ficheById.get(id)!.city).toBe("Caen");
  });

  it("reads a noun after a demonstrative in a follow-up (« ces rencontres ») as the last answer's sheets, whatever words they use for it", async () => {
    const history = afterAnswer("À Lille, comment le CLSM fait-il se rencontrer les acteurs du logement et de la psychiatrie ?", ["lille--petits-dejeuners-interconnaissance-habitat-sante", "lille--mise-place-une-permanence-soutien"]);
    const d = await decide({ question: "Et ces rencontres rassemblent combien de monde ?", history });
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)).toContain("lille--petits-dejeuners-interconnaissance-habitat-sante");
  });

  it("abstains on a town the corpus mentions only in passing, without a sheet of its own", async () => {
    // "Grenoble" is in the corpus (a partner's address in another city's sheet), but no sheet is from there
    expect(corpus.stats.words.has("grenoble")).toBe(true);
    expect(await decide("What is the budget of Grenoble's mental health week?")).toEqual({ kind: "abstain", abstention: { why: "unknownPlace", place: "Grenoble" } });
    expect(await decide("Quelles actions à Grenoble ?")).toMatchObject({ kind: "abstain", abstention: { why: "unknownPlace" } });
    // the town opening the question, as its subject or an English noun's modifier
    expect(await decide("Grenoble mental health actions in its priority neighbourhoods")).toEqual({ kind: "abstain", abstention: { why: "unknownPlace", place: "Grenoble" } });
    expect(await decide("Grenoble a-t-elle des actions pour les jeunes ?")).toMatchObject({ kind: "abstain", abstention: { why: "unknownPlace" } });
    // a sheet's own city opening the question is answered
    expect((await decide("Lille mental health actions in its neighbourhoods")).kind).not.toBe("abstain");
    // a capitalised word after a preposition and a capitalised word, that is no commune, is a name's ("Arts and Care in
    // Motion", an English title), not a town: "no sheet from Motion" would be wrong
    expect(await decide("How many people turned up to the first Arts and Care in Motion event in Rennes in 2019?")).not.toMatchObject({ abstention: { why: "unknownPlace" } });
    // a hospital named after a hamlet is not a town, and a sheet's own city answers
    expect((await decide("Le CH de Jury porte-t-il des actions ?")).kind).not.toBe("abstain");
    expect((await decide("Quelles actions à Lille ?")).kind).toBe("list");
    // an acronym's English plural ("in QPVs") is the acronym the sheets write, no town
    expect(await decide("Which cities ran awareness sessions for people working in QPVs?")).not.toMatchObject({ abstention: { why: "unknownPlace" } });
  });

  it("abstains naming the concepts the corpus never mentions", async () => {
    expect(await decide("Quelles actions de zoothérapie avec des lamas ?")).toMatchObject({
      kind: "abstain",
      abstention: { why: "notCovered", missing: expect.arrayContaining(["zoothérapie"]) },
    });
  });

  it("grounds an English question after translation: an untranslated absent concept is named, a known one answers", async () => {
    expect(await decide("telepsychiatry – video consultations with a psychiatrist for residents")).toMatchObject({
      kind: "abstain",
      abstention: { why: "notCovered", missing: ["telepsychiatry"] },
    });
    expect((await decide("Which cities run PSSM trainings?")).kind).toBe("list");
    // an acronym no dictionary translates and no sheet writes names what is missing (it had been dropped as an unknown English word)
    expect(await decide("Which cities set up psychological debriefing or a CUMP after a natural disaster or an industrial accident?")).toMatchObject({
      kind: "abstain",
      abstention: { why: "notCovered", missing: expect.arrayContaining(["CUMP"]) },
    });
  });

  it("grounds a question about a city in the sheet whose name it quotes, whatever its other words", async () => {
    // Nantes' sheet never writes "séances"; its title is the name in quotes
    const d = await decide("Parle-moi des séances « La santé mentale dans mon quartier » organisées à Nantes.");
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)[0]).toBe("nantes--sensibilisation-sante-mentale-dans-mon");
  });

  it("takes a word opening the question for a name when no lexicon knows it, and a known one for a word", async () => {
    expect(await decide("Papageno : des villes forment-elles les journalistes ?")).toMatchObject({ kind: "abstain", abstention: { why: "notCovered", missing: ["Papageno"] } });
    expect((await decide("Parmi les villes, lesquelles forment aux PSSM ?")).kind).toBe("list");
    expect((await decide("Among the cities, which run PSSM trainings?")).kind).not.toBe("abstain");
  });

  it("does not take an inversion after a word asking what for a yes-or-no question, and grounds a lookup of the sheet an acronym or a name designates", async () => {
    // "automne", "enterre": one common word the sheet words otherwise; the sheet is named by "ECOVIP", by "Porte de Bagnolet"
    for (const question of [
      "ECOVIP à Lyon : dans le cadre de quelle manifestation le colloque de l'automne 2023 a-t-il été organisé ?",
      "Porte de Bagnolet : combien de points la grille d'analyse santé a-t-elle donnés au scénario qui enterre complètement l'échangeur ?",
    ]) expect((await decide(question)).kind).not.toBe("abstain");
    // a name no sheet writes still is not covered
    expect((await decide("Porte de Vanves : combien de points la grille d'analyse santé a-t-elle donnés au scénario qui enterre complètement l'échangeur ?")).kind).toBe("abstain");
  });

  it("translates guardianship into the French measures protecting adults, and lists the sheets naming them", async () => {
    const d = await decide("Which actions bring guardianship bodies (UDAF, adult protection / tutelle associations) to the table?");
    expect(sheetsOf(d)).toEqual(expect.arrayContaining(["caen--accompagner-des-situations-complexes-preoccupantes", "roanne--groupe-echanges-partenarial-habitat-sante"]));
  });

  it("takes no word of a glossary term an English question writes ('First' of 'Housing First') for an unknown name", async () => {
    const d = await decide("Housing First (« Logement d'abord ») — which sheets bring it up?");
    expect(sheetsOf(d)).toEqual(expect.arrayContaining(["metz--logement-social-sante-mentale-favoriser", "poitiers--seminaire-sante-mentale"]));
  });

  it("grounds a French abbreviation by the word it shortens ('ados': adolescents), not by its entry's other terms", async () => {
    expect((await decide({ question: "actions menées avec la maison des ados", filters: { city: "Caen" } })).kind).not.toBe("abstain");
    // "salariés" is no sheet's word, and the glossary's "agents" does not stand for it
    expect(await decide("accompagner les entreprises du territoire sur la santé mentale de leurs salariés")).toMatchObject({ kind: "abstain" });
  });

  it("answers a similar question despite one common word the sheets do not write, a French locution, or an agglomeration's name", async () => {
    for (const question of [
      "Other cities doing something like Limoges' mental health awareness sessions in priority neighbourhoods, open to residents, councillors and local staff alike?",
      "Hors Lille, existe-t-il quelque chose de comparable aux Pôles Ressources Santé, c'est-à-dire un réseau local d'acteurs de santé animé à l'échelle des quartiers ?",
      "Similar to Caen la Mer's Mental Health First Aid (PSSM) courses for its own staff?",
    ]) expect((await decide(question)).kind).toBe("similar");
    // a town with no sheet still is one
    expect(await decide("What is the budget of Grenoble's mental health week?")).toMatchObject({ kind: "abstain", abstention: { why: "unknownPlace" } });
  });

  it("answers a similar question whose brackets join two known acronyms ('RSA au CCAS') and an English one whose title is French", async () => {
    expect((await decide("Des actions comparables à « Regards sur l'Art » de Poitiers (expos d'œuvres de bénéficiaires du RSA au CCAS) ?")).kind).toBe("similar");
    expect((await decide("Projects like Poitiers' Regards sur l'Art (art exhibitions with people on minimum income)?")).kind).toBe("similar");
  });

  it("grounds a name given with its body's acronym ('CH Henri Laborit') by the rest of it written as such", async () => {
    expect((await decide({ question: "Quelles actions mobilisent l'hôpital psychiatrique de référence, le CH Henri Laborit ?", filters: { city: "Poitiers" } })).kind).toBe("list");
    expect(await decide({ question: "Quelles actions mobilisent le CH Henri Duval ?", filters: { city: "Poitiers" } })).toMatchObject({ kind: "abstain", abstention: { why: "notCovered" } });
    // a hyphen joins the name's words: the sheets write "Henri Laborit"
    expect((await decide({ question: "Quelles actions se font avec le CH Henri-Laborit ?", filters: { city: "Poitiers" } })).kind).toBe("list");
    expect(await decide({ question: "Quelles actions se font avec le CH Henri-Duval ?", filters: { city: "Poitiers" } })).toMatchObject({ kind: "abstain", abstention: { why: "notCovered" } });
  });

  it("lists sheets relating through a field by the rest of the question, not by the field's own words ('paid for', 'money')", async () => {
    const listed = sheetsOf(await decide("Which actions are partly paid for with urban policy money (contrat de ville / 'politique de la ville' credits)?"));
    expect(listed).toEqual(expect.arrayContaining(["lorient--temps-echanges-avec-psychologue-pour", "lille--espaces-ecoute-sante-points-ecoute"]));
    // funded by the ARS only: every funding line states "financement", none the urban policy
    expect(listed).not.toContain("caen--accompagner-des-situations-complexes-preoccupantes");
    expect(listed).not.toContain("caen--soutenir-sante-mentale-des-jeunes");
  });

  it("finds the topic of a question with an unknown word in the second-ranked sheet, and still abstains where neither holds it", async () => {
    // "record" is in no sheet; the sheet written « projet monté en 4 semaines » ranks second
    expect((await decide("Quelles actions ont été montées en un temps record, en une ou quelques semaines ?")).kind).toBe("list");
    expect(await decide("support groups for new fathers after birth")).toMatchObject({ kind: "abstain" });
  });

  it("does not abstain on an absent word offered as a choice for one the sheets write, unless that choice is absent too", async () => {
    // "curatelle" is in no sheet; "tutelle" is ("3 tutelles"), and either answers
    expect((await decide("Quelles actions font appel aux services de tutelle ou de curatelle ?")).kind).toBe("list");
    expect(await decide("Quelles actions font appel aux services de curatelle ?")).toMatchObject({ kind: "abstain", abstention: { why: "notCovered", missing: ["curatelle"] } });
    // the other side is two words no sheet writes side by side: still not covered
    expect(await decide("hortithérapie ou jardins thérapeutiques pour des patients suivis en psychiatrie")).toMatchObject({
      kind: "abstain",
      abstention: { why: "notCovered", missing: expect.arrayContaining(["hortithérapie"]) },
    });
  });

  it("does not abstain on an absent item of an enumeration another item of which the sheets write, nor on an idiom", async () => {
    // "troupe" is in no sheet; "impro" is, and any item answers
    expect((await decide("Quelles villes ont travaillé avec une troupe de théâtre, d'impro ou une compagnie du spectacle vivant ?")).kind).toBe("list");
    // no item written: still not covered
    expect(await decide("Quelles villes proposent l'équithérapie, la zoothérapie ou la médiation animale ?")).toMatchObject({ kind: "abstain", abstention: { why: "notCovered" } });
    // "mettre dans la boucle" says involving, not a loop
    const dac = await decide("Quelles villes ont mis le DAC (dispositif d'appui à la coordination) dans la boucle ?");
    expect(dac.kind).toBe("list");
    expect(sheetsOf(dac)).toContain("caen--accompagner-des-situations-complexes-preoccupantes");
  });

  it("goes on about the previous sheet when a short question asks its fields in the form's words ('investment budget', 'paid for')", async () => {
    const metz = "metz--logement-social-sante-mentale-favoriser";
    const d = await decide({ question: "What was the investment budget, and who paid for it?", history: afterAnswer("Tell me about the Metz project that moved long-stay psychiatric patients into social housing.", [metz]) });
    expect(sheetsOf(d)).toEqual([metz]);
  });

  it("answers how often or how long with the sentence stating it, though the question names a field ('les partenaires', 'sessions')", async () => {
    const rhythm = await decide({ question: "À quel rythme les partenaires du groupe d'échanges se retrouvent-ils en mairie ?", filters: { city: "Roanne" } });
    expect(rhythm.kind).toBe("value");
    expect(rhythm.kind === "value" ? rhythm.passages[0].value : "").toBe("6 par an");
    const lorient = "lorient--temps-echanges-avec-psychologue-pour";
    const length = await decide({ question: "How long does each of those sessions last?", history: afterAnswer("What does Lorient offer neighbourhood residents who'd like to talk things over with a psychologist?", [lorient]) });
    expect(length.kind).toBe("value");
    expect(length.kind === "value" ? length.passages[0].chunk.text : "").toContain("2 h de discussion");
  });

  it("reads 'un volet X' as X, and two nouns sharing a complement as two phrases ('espace ou centre santé jeunes')", async () => {
    const food = await decide("Des villes ont-elles ajouté un volet alimentation (atelier cuisine, repas équilibré, diététique) à leurs actions santé mentale ? lesquelles ?");
    expect(food.kind).toBe("list");
    expect(sheetsOf(food)).toContain("poitiers--ete-grand-air");
    const youth = await decide("Quelles villes s'appuient sur leur espace ou centre santé jeunes municipal pour faire de la prévention en santé mentale ?");
    expect(sheetsOf(youth).sort()).toEqual(["boulogne-billancourt--actions-prevention-vie-relationnelle-affective", "valence--promotion-sante-mentale-des-jeunes"]);
  });

  it("reads two concepts offered as a choice ('sports coaches or sports clubs') as one, either answering", async () => {
    const d = await decide("Which cities bring sports coaches or sports clubs into their mental health work?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toEqual(expect.arrayContaining(["poitiers--ete-grand-air", "valence--promotion-sante-mentale-des-jeunes", "lille--formations-premiers-secours-sante-mentale"]));
  });

  it("keeps far down a long list only the sheets that rank near the best or state the concepts in their own words", async () => {
    const d = await decide("Quelles villes proposent du sport ou de l'activité physique comme levier de santé mentale ?");
    expect(d.kind).toBe("list");
    const listed = sheetsOf(d);
    expect(listed).toEqual(expect.arrayContaining(["poitiers--ete-grand-air", "valence--promotion-sante-mentale-des-jeunes"]));
    // fourth, scoring under half the best, and its best passage states under 0.8 of the concepts in its own words
    expect(listed).not.toContain("montreuil--bibliotheque-vivante");
  });

  it("reads two French terms offered as a choice ('politique de la ville ou contrat de ville') as one, each its words together, and lists no sheet on a field's label alone", async () => {
    const d = await decide("Quelles actions sont financées en partie par des crédits de la politique de la ville ou du contrat de ville ?");
    expect(d.kind).toBe("list");
    const listed = sheetsOf(d);
    // each writes one of the two terms where it speaks of funding
    expect(listed).toEqual(expect.arrayContaining(["lorient--temps-echanges-avec-psychologue-pour", "lille--espaces-ecoute-sante-points-ecoute", "caen--developper-les-competences-sur-sante"]));
    // "2645€" under "Contribution financière de la ville": the label holds "financ" and "ville", the value states nothing
    expect(listed).not.toContain("bourg-en-bresse--une-voix-autrement");
    // "la politique Culture-Santé de la Ville de Rennes": the words of one term, another between them
    expect(listed).not.toContain("rennes--arts-soins-mouvement");
    // alone, the term whose complement every sheet writes ("de la ville") is one phrase too
    expect(sheetsOf(await decide("Quelles actions sont financées en partie par des crédits de la politique de la ville ?"))).not.toContain("rennes--arts-soins-mouvement");
    // "aux premiers secours en santé mentale ou à la prévention du suicide": either term, each a sheet's
    const trained = sheetsOf(await decide("Quelles collectivités forment leur propre personnel aux premiers secours en santé mentale ou à la prévention du suicide ?"));
    expect(trained).toEqual(expect.arrayContaining(["bordeaux--prevention-risque-suicidaire", "caen--former-aux-premiers-secours-sante", "lille--formations-premiers-secours-sante-mentale"]));
  });

  it("reads a youth health centre as the towns' centre or espace santé jeunes, and 'et elle dure combien de temps' as a second value", async () => {
    const d = await decide("Which cities run their action out of a youth health centre (Espace or Centre Santé Jeunes)?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toEqual(expect.arrayContaining(["boulogne-billancourt--actions-prevention-vie-relationnelle-affective", "valence--promotion-sante-mentale-des-jeunes"]));
    expect(sheetsOf(d)).not.toContain("caen--accompagner-des-situations-complexes-preoccupantes"); // a maison des adolescents among its partners
    const two = await decide("Comment s'appelle l'intervention de l'Espace Santé Jeunes de Boulogne dans les classes de 3e, et elle dure combien de temps ?");
    expect(two.kind).toBe("value");
    const values = two.kind === "value" ? two.passages.map((p) => p.value) : [];
    expect(values).toContain("« et si on parlait d'amour »");
    expect(values).toContain("2h");
  });

  it("finds an acronym the question names written out as the glossary spells it ('l'ARS': « Agence Régionale de Santé »)", async () => {
    const previous = ["poitiers--balades-vertes-pour-les-etudiants", "caen--soutenir-sante-mentale-des-jeunes", "valence--promotion-sante-mentale-des-jeunes"];
    const d = await decide({ question: "Et parmi elles, lesquelles ont l'ARS dans leurs financeurs ?", history: afterAnswer("Quelles villes ont monté des actions sur la santé mentale des jeunes et des étudiants ?", previous) });
    expect(d.kind).toBe("list");
    // Poitiers' funders field: "Agence Régionale de Santé"
    expect(sheetsOf(d)).toContain("poitiers--balades-vertes-pour-les-etudiants");
    // only the forms that spell it: the DRH is no "médecin du travail"
    const drh = understandQuestion(corpus, { question: "Dans quelles actions la DRH est-elle impliquée ?" }).concepts.find((c) => c.label === "DRH");
    expect(drh?.phrases.some((p) => p.includes("medecin"))).toBe(false);
  });

  it("drops a best-ranked list sheet whose passage states almost nothing when another states the concepts itself", async () => {
    // Rennes' building rules rank first on "programme"/"urbanisme", but their best passage is "Un guide de recommandations…"
    const d = await decide("Which cities' actions are tied to an urban renewal programme (ANRU / NPNRU, demolitions)?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).not.toContain("rennes--evolution-plan-local-urbanisme-intercommunal");
    expect(sheetsOf(d)).toContain("limoges--sensibilisation-sante-mentale-qpv");
  });

  it("requires no name the question offers as one choice among others ('le Contrat de Ville / la politique de la ville')", async () => {
    const d = await decide("Quelles actions sont financées par le Contrat de Ville / la politique de la ville ?");
    expect(d.kind).toBe("list");
    // "8719€ versés par la politique de la ville": no "Contrat de Ville" written, the other choice is
    expect(sheetsOf(d)).toContain("lille--espaces-ecoute-sante-points-ecoute");
    expect(sheetsOf(d)).toContain("lorient--temps-echanges-avec-psychologue-pour");
  });

  it("does not take a funding list's body from the title that frames the passage ('… sur 4 QPV nantais' is no urban policy money)", async () => {
    const d = await decide("Which cities fund their actions with politique de la ville money?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toContain("lille--espaces-ecoute-sante-points-ecoute");
    // "Financé à 100 % par CCOMS": the QPV (a glossary form of the urban policy) is in the title only
    expect(sheetsOf(d)).not.toContain("nantes--sensibilisation-sante-mentale-dans-mon");
  });

  it("reads the porteur field alone when a list asks who carries the actions ('portées par'), not a partner list or a success factor", async () => {
    const d = await decide("Quelles fiches sont portées par un centre hospitalier ?");
    expect(d.kind).toBe("list");
    // "Co-porté : Amlï, Arelor, Centre hospitalier de Jury"
    expect(sheetsOf(d)).toContain("metz--logement-social-sante-mentale-favoriser");
    // "la disponibilité des associations partenaires et du centre hospitalier" is a success factor; its porteur is the CLSM
    expect(sheetsOf(d)).not.toContain("bordeaux--prevention-risque-suicidaire");
  });

  it("leaves out of a funding list a sheet that says its action is not funded ('Action non financée'), unless it is the best-ranked", async () => {
    const d = await decide("Which actions get part of their money from a hospital (CHU or psychiatric hospital)?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).not.toContain("montreuil--bibliotheque-vivante");
    // "un soutien ou un financement de l'ANCT": the event the action is part of was funded by the ANCT, and only that sheet says so
    expect(sheetsOf(await decide("Quelles actions ont bénéficié d'un soutien ou d'un financement de l'ANCT ?"))).toContain("montreuil--bibliotheque-vivante");
  });

  it("reads an awareness day or week as the days and weeks institutions dedicate to a cause, not as a length of time", async () => {
    const d = await decide("Has anyone hooked their action onto a national or international awareness day or week? Which cities?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toEqual(expect.arrayContaining(["bordeaux--prevention-risque-suicidaire", "poitiers--balades-vertes-pour-les-etudiants"]));
    // "Toute l'année", "4 fois par an": a period is no awareness day
    expect(sheetsOf(d)).not.toContain("lille--espaces-ecoute-sante-points-ecoute");
  });

  it("lists which of the previous sheets state a budget figure ('Et lesquelles ont un budget chiffré ?')", async () => {
    const previous = ["metz--logement-social-sante-mentale-favoriser", "lille--petits-dejeuners-interconnaissance-habitat-sante"];
    const d = await decide({ question: "Et lesquelles ont un budget chiffré ?", history: afterAnswer("Quelles villes travaillent avec les bailleurs sociaux pour aider des locataires à garder leur logement ?", previous) });
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toEqual(["metz--logement-social-sante-mentale-favoriser"]);
  });

  it("lists which of the previous answer's sheets keep within a cost bound ('Which of those manage it without any dedicated budget?')", async () => {
    const previous = ["lille--petits-dejeuners-interconnaissance-habitat-sante", "caen--accompagner-des-situations-complexes-preoccupantes", "metz--logement-social-sante-mentale-favoriser", "roanne--groupe-echanges-partenarial-habitat-sante"];
    const d = await decide({ question: "Which of those manage it without any dedicated budget?", history: afterAnswer("Which cities team up with social housing landlords?", previous) });
    expect(d.kind).toBe("list");
    expect(sheetsOf(d).sort()).toEqual(["lille--petits-dejeuners-interconnaissance-habitat-sante", "roanne--groupe-echanges-partenarial-habitat-sante"]);
  });

  it("lists which of the previous answer's sheets started before a year ('Which of those started before 2020?'), by their periods", async () => {
    const previous = ["montreuil--bibliotheque-vivante", "roanne--groupe-echanges-partenarial-habitat-sante", "limoges--sensibilisation-sante-mentale-qpv"];
    const d = await decide({ question: "Which of those started before 2020?", history: afterAnswer("Which cities involve peer helpers or people with lived experience of mental illness in their actions?", previous) });
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toContain("roanne--groupe-echanges-partenarial-habitat-sante");
    for (const id of sheetsOf(d)) expect(Number(/\b(?:19|20)\d{2}\b/.exec(corpus.index.chunks.find((c) => c.ficheId === id && c.field === "period")!.text)![0])).toBeLessThan(2020);
  });

  it("answers a follow-up choosing among the last sheets by a noun no sheet writes with what is not covered ('Which of those trained pharmacists?')", async () => {
    const previous = ["lille--formations-premiers-secours-sante-mentale", "caen--former-aux-premiers-secours-sante"];
    const d = await decide({ question: "Which of those trained pharmacists?", history: afterAnswer("Which cities run Mental Health First Aid (PSSM) courses?", previous) });
    expect(d).toEqual({ kind: "abstain", abstention: { why: "notCovered", missing: ["pharmacists"] } });
    // an English word qualifying a known one is no topic of its own ("secondary schools")
    const young = ["boulogne-billancourt--actions-prevention-vie-relationnelle-affective", "caen--soutenir-sante-mentale-des-jeunes", "valence--promotion-sante-mentale-des-jeunes"];
    const schools = await decide({ question: "Which of them work inside secondary schools?", history: afterAnswer("Which actions are aimed at teenagers or young people?", young) });
    expect(schools.kind).not.toBe("abstain");
  });

  it("lists the other cities when a list question sets some aside (« hors Lille et Caen », 'apart from Caen and Lille')", async () => {
    for (const question of ["Quelles villes, hors Lille et Caen, forment aux PSSM ?", "Apart from Caen and Lille, which cities run PSSM training?", "Which cities other than Lille and Caen run PSSM training?"]) {
      const d = await decide(question);
      expect(d.kind).toBe("list");
      const cities = sheetsOf(d).map((id) => corpus.index.ficheById.get(id)!.city);
      expect(cities).toContain("Roanne");
      expect(cities.filter((c) => c === "Lille" || c === "Caen")).toEqual([]);
    }
    // a question asking no list keeps the city it names as its reference ("proches des Pôles Ressources Santé")
    expect(understandQuestion(corpus, { question: "En dehors de Lille, y a-t-il des démarches proches des Pôles Ressources Santé ?" }).cities).toEqual(["Lille"]);
  });

  it("reads a hyphenated town's short name, capitalised, as that town ('à Bourg'), never the common noun", async () => {
    const d = await decide("Une voix(e) autrement à Bourg : au final, combien de séances et combien de familles ?");
    expect(d.kind).toBe("value");
    expect(sheetsOf(d)).toEqual(["bourg-en-bresse--une-voix-autrement"]);
    expect(understandQuestion(corpus, { question: "Que fait-on pour les habitants du bourg ?" }).cities).toEqual([]);
  });

  it("answers a lookup opening on a name despite a common word no sheet writes and an adverb ('l'option qui enterre complètement')", async () => {
    const d = await decide("Porte de Bagnolet : quelle note santé a obtenu l'option qui enterre complètement l'échangeur ?");
    expect(d.kind).toBe("value");
    expect(d.kind === "value" ? d.passages[0].value : "").toBe("44 points");
  });

  it("reads a signed agreement as the French 'convention', and lists the sheets stating one", async () => {
    const d = await decide("Which cities have put their mental health partnership down in a formal signed agreement between the partners?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d).sort()).toEqual(["metz--logement-social-sante-mentale-favoriser", "rennes--arts-soins-mouvement"]);
  });

  it("reads 'a single day' as how many, not a topic the sheets lack", async () => {
    const d = await decide("Which cities ran short one-off mental health events, a single day or a few days, rather than an ongoing programme?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toContain("montreuil--bibliotheque-vivante");
  });

  it("lists the one-off actions of the one year a question names, from their periods", async () => {
    const d = await decide("Quels événements ponctuels (quelques jours au plus) ont eu lieu en 2023 ?");
    expect(d.kind).toBe("list");
    // "Action ponctuelle", no year, is left out; "24 mai 2023" and "du 12 au 14 avril 2023" are in
    expect(sheetsOf(d)).toEqual(expect.arrayContaining(["montreuil--bibliotheque-vivante", "nantes--sensibilisation-sante-mentale-dans-mon"]));
    expect(sheetsOf(d)).not.toContain("poitiers--balades-vertes-pour-les-etudiants");
  });

  it("anchors a list on a rare person the best-ranked sheet never names ('a nurse co-running the sessions')", async () => {
    const q = understandQuestion(corpus, { question: "Which actions have a nurse co-running the sessions alongside another professional?" });
    expect(q.concepts.find((c) => c.label === "nurse")?.person).toContain("infirmiere");
    const d = decideAnswer(q, await rankForQuestion(q));
    expect(sheetsOf(d)[0]).toBe("bourg-en-bresse--une-voix-autrement");
  });

  it("reads a dead end as the French 'impasse' ('cases that are at a dead end')", async () => {
    const q = understandQuestion(corpus, { question: "a place where social workers and psychologists can bring cases that are at a dead end, without pressure to come out with a solution" });
    expect(q.concepts.some((c) => c.phrases.some((p) => p.includes("impass")))).toBe(true);
    expect(rerankByEvidence(q, await rankForQuestion(q))[0].ficheId).toBe("lyon--evolution-apres-covid-invisibilite-des");
  });

  it("reads an urban heat island and concreted streets as the planners' French ('îlot de chaleur', 'bétonné')", async () => {
    const q = understandQuestion(corpus, { question: "urban heat islands and heavily concreted neighbourhoods as a mental health issue" });
    expect(rerankByEvidence(q, await rankForQuestion(q)).slice(0, 5).map((r) => r.ficheId)).toContain("paris--replacer-sante-vivant-coeur-secteur");
  });

  it("reads exams and in-person teaching as the sheets' French ('examens', 'présentiel')", async () => {
    const q = understandQuestion(corpus, { question: "students' exam stress and the return to in-person teaching after remote classes" });
    expect(rerankByEvidence(q, await rankForQuestion(q)).slice(0, 5).map((r) => r.ficheId)).toContain("valence--promotion-sante-mentale-des-jeunes");
  });

  it("reads a health fair with its stalls as a 'forum santé' with 'stands'", async () => {
    const q = understandQuestion(corpus, { question: "yearly health fair on a town square with dozens of booths" });
    expect(rerankByEvidence(q, await rankForQuestion(q))[0].ficheId).toBe("montreuil--bibliotheque-vivante");
  });

  it("reads health ambassadors as 'ambassadeurs de santé'", async () => {
    const q = understandQuestion(corpus, { question: "health ambassadors and community health mediators in deprived neighbourhoods" });
    expect(rerankByEvidence(q, await rankForQuestion(q))[0].ficheId).toBe("metropole-europeenne-de-lille--ateliers-pour-ecriture-contrat-ville");
  });

  it("reads balconies and new flats as 'balcon' and 'logements'", async () => {
    const q = understandQuestion(corpus, { question: "minimum balcony or private outdoor space rules for new flats after the lockdowns" });
    expect(rerankByEvidence(q, await rankForQuestion(q)).slice(0, 2).map((r) => r.ficheId)).toContain("rennes--evolution-plan-local-urbanisme-intercommunal");
  });

  it("reads a museum as the sheets' adjective too ('prescriptions muséales')", async () => {
    const q = understandQuestion(corpus, { question: "social prescribing of museum visits for patients" });
    expect(rerankByEvidence(q, await rankForQuestion(q))[0].ficheId).toBe("rennes--arts-soins-mouvement");
  });

  it("reads psychoanalysts as 'psychanalystes'", () => {
    const q = understandQuestion(corpus, { question: "working with psychoanalysts to understand precarity and mental distress" });
    expect(q.concepts.some((c) => !c.unknown && c.phrases.some((p) => p.join(" ").startsWith("psychanalys")))).toBe(true);
  });

  it("reads groups that meet as the sheets' meetings ('se réunissent', 'réunions')", () => {
    const q = understandQuestion(corpus, { question: "Which partner networks or case-review groups meet roughly every two months?" });
    expect(q.concepts.some((c) => c.label === "meet" && !c.unknown && c.phrases.some((p) => p.includes("reunion")))).toBe(true);
  });

  it("abstains on a name no sheet contains, even when each of its words is in the corpus", async () => {
    expect(await decide("Quel est le budget de la Maison des adolescents de Bordeaux ?")).toMatchObject({
      kind: "abstain",
      abstention: { why: "notCovered", missing: ["Maison des adolescents"] },
    });
    expect((await decide("Quel est le budget des Pôles Ressources Santé de Lille ?")).kind).toBe("field");
    // "Où…" about a named city's action asks a place, not which cities
    expect(await decide("Ou se tenait le forum santé de Montreuil pendant lequel a eu lieu la bibliothèque vivante ?")).toMatchObject({ kind: "value", passages: [{ value: "place Jean Jaurès" }] });
    // a corpus city opening capitalised words is a place: "Bordeaux en février" is no name to look for
    expect((await decide("Combien de panneaux pour la campagne de Bordeaux en février 2023 ?")).kind).not.toBe("abstain");
  });

  it("grounds two names joined by 'and' each on its own, and a place the sheets name by its people ('québécois')", async () => {
    const joined = "For Lille's Espaces Écoute Santé and Points Écoute Santé, which care structures lend the psychologists?";
    expect((await decide(joined)).kind).not.toBe("abstain");
    expect(await decide("For Lille's Espaces Écoute Santé and Maisons Bleues Santé, which care structures lend the psychologists?")).toMatchObject({ kind: "abstain" });
    expect(corpus.stats.words.has("quebec")).toBe(false);
    expect((await decide("Lyon's ECOVIP action research led to a conference with Quebec academics. On what date did it take place?")).kind).not.toBe("abstain");
    expect(await decide("Lyon's ECOVIP action research led to a conference with Zanzibar academics. On what date did it take place?")).toMatchObject({ kind: "abstain" });
  });

  it("lists only sheets that write a body the question names by a capitalised word, as for an acronym", async () => {
    const listed = sheetsOf(await decide("Dans quelles villes l'Unafam (association des proches de personnes malades psychiques) est-elle associée à une action ?"));
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(corpus.stats.ficheTerms.get(id)?.has("unafam"), id).toBe(true);
  });

  it("anchors a list on a rare term the question names, counted where the sheets write it as a phrase", async () => {
    // "logement d'abord": few chunks write it, though "abord" is common; the best-ranked sheet (on "policy") does not
    const listed = sheetsOf(await decide("Which actions are connected to the Housing First (Logement d'abord) policy?"));
    expect(listed).toContain("metz--logement-social-sante-mentale-favoriser");
    expect(listed).not.toContain("rennes--evolution-plan-local-urbanisme-intercommunal");
  });

  it("answers a question restating one of the form's yes-or-no questions in the negative by the sheets answering 'Non'", async () => {
    for (const question of ["Which sheets admit their action did nothing to reduce social health inequalities?", "Quelles fiches disent que l'action n'a pas réduit les inégalités sociales de santé ?"]) {
      const decision = await decide(question);
      expect(decision.kind, question).toBe("list");
      if (decision.kind !== "list") continue;
      expect(decision.sheets.length).toBeGreaterThan(0);
      for (const s of decision.sheets) expect(s.evidence?.chunk.text, s.ficheId).toMatch(/^\s*Non\b/);
    }
    // "Non évalué" says the question was not asked: never listed
    const listed = sheetsOf(await decide("Which sheets admit their action did nothing to reduce social health inequalities?"));
    expect(listed).not.toContain("bordeaux--prevention-risque-suicidaire");
  });

  it("answers a lookup of a named city's sheet despite one common word no sheet writes, not one naming too little", async () => {
    // "paie": the Lille PSSM sheet states the rest (PSSM, manuel, secouristes, coût)
    expect((await decide("pssm lille : combien coute le manuel des secouristes et qui le paie ?")).kind).not.toBe("abstain");
    expect(await decide("Quel est le budget de la ludothèque de Lille ?")).toMatchObject({ kind: "abstain", abstention: { why: "notCovered", missing: ["ludothèque"] } });
    // a city and an acronym name one sheet of the city's six ("PSSM … à Lille"), which states the rest (PSSM, manuel):
    // "stagiaires", no sheet's word, is how the question puts it
    const manual = await decide("PSSM dans les quartiers à Lille : le manuel remis aux stagiaires, ça coûte combien ?");
    expect(manual.kind).toBe("value");
    expect(manual.kind === "value" ? manual.passages.map((p) => p.chunk.ficheId) : []).toContain("lille--formations-premiers-secours-sante-mentale");
    // an English word whose dictionary translations no sheet writes ("burial": enterrement; the sheet says enfouissement)
    const score = await decide("Paris, Porte de Bagnolet interchange: which health score did the total burial scenario get?");
    expect(score.kind).toBe("value");
    expect(score.kind === "value" ? score.passages.map((p) => p.value) : []).toContain("44 points");
  });

  it("looks up both values of « …existe depuis quand, et il se réunit combien de fois par an ? », the second's subject pronoun and reflexive aside", async () => {
    const decision = await decide("Le groupe d'échanges roannais sur l'habitat et les troubles psychiques existe depuis quand, et il se réunit combien de fois par an ?");
    expect(decision.kind).toBe("value");
    const values = decision.kind === "value" ? decision.passages.map((p) => p.value) : [];
    expect(values).toContain("2019");
    expect(values).toContain("6 par an");
  });

  it("answers what the collectivity put in « de sa poche » with its own contribution, not the action's whole budget", async () => {
    const decision = await decide("Dans le dispositif messin pour loger en HLM des patients hospitalisés au long cours, combien Metz métropole a-t-elle mis de sa poche ?");
    expect(decision.kind).toBe("value");
    if (decision.kind !== "value") return;
    expect(decision.passages[0].chunk.field).toBe("budget_city_contribution");
  });

  it("answers a lookup naming its sheet by the city's demonym (« la fiche lilloise »), one word no sheet writes aside (« hebdomadaire »)", async () => {
    const decision = await decide("Dans la fiche lilloise de 2021 sur l'accessibilité des psychologues de première ligne, combien coûte par an une permanence hebdomadaire dans un quartier ?");
    expect(decision.kind).toBe("value");
    if (decision.kind !== "value") return;
    expect(decision.passages[0].chunk.ficheId).toBe("lille--les-espaces-ecoute-sante-accessibilite");
  });

  it("reads a modal verb's participle (« ont-ils voulu éviter ») as how the question is put, not a topic no sheet writes", async () => {
    const decision = await decide("Pour les petits-déj d'interconnaissance habitat et santé mentale du CLSM lillois, quelle difficulté ont-ils voulu éviter en les rendant très réguliers ?");
    expect(decision.kind).not.toBe("abstain");
  });

  it("looks up both values a question asks, each of its own kind ('how much…, and who paid for it?')", async () => {
    const decision = await decide("In the Metz project moving long-stay psychiatric patients into social housing, how much was budgeted, and who paid for it?");
    expect(decision.kind).toBe("value");
    if (decision.kind !== "value") return;
    // an amount, and a body (capitals: an acronym or a named organisation), not a person's name
    const values = decision.passages.map((p) => p.value);
    expect(values.some((v) => /€/.test(v))).toBe(true);
    expect(values.some((v) => /^\p{Lu}{2,}/u.test(v))).toBe(true);
  });

  it("lets filters narrow, never replace: nothing about PSSM within Poitiers is said as such", async () => {
    expect(await decide({ question: "Quelles villes forment aux PSSM ?", filters: { city: "Poitiers" } })).toMatchObject({
      kind: "abstain",
      abstention: { why: "noneInFilters" },
    });
    expect(sheetsOf(await decide({ question: "Quelles villes forment aux PSSM ?", filters: { city: "Caen" } }))).toEqual([PSSM[0]]);
  });

  it("lists only sheets holding a programme the question names through the glossary, as its acronym would, not one it gives as an example", async () => {
    // "mental health first aid" is the glossary's PSSM: a sheet training people in something else is no answer
    const listed = sheetsOf(await decide({ question: "Which cities trained their own municipal staff in mental health first aid?" }));
    expect(listed).toEqual(expect.arrayContaining(PSSM));
    for (const id of listed) expect(corpus.stats.ficheTerms.get(id)?.has("secour") || corpus.stats.ficheTerms.get(id)?.has("pssm"), id).toBe(true);
    // so does a French question writing the glossary's term (« premiers secours en santé mentale »), unless it offers it as a choice
    expect(sheetsOf(await decide({ question: "Quelles actions reposent sur une convention signée avec l'hôpital psychiatrique ?" })).sort()).toEqual(["metz--logement-social-sante-mentale-favoriser", "rennes--arts-soins-mouvement"]);
    expect(sheetsOf(await decide({ question: "Quelles collectivités forment leur personnel aux premiers secours en santé mentale ou à la prévention du suicide ?" }))).toContain("bordeaux--prevention-risque-suicidaire");
    // ", like … street teams" (EPSM's mobile teams) gives examples of outreach: the sheets doing door-knocking are not dropped
    expect(sheetsOf(await decide({ question: "Who does outreach, like door-knocking or street teams going out to people?" }))).toContain("caen--soutenir-sante-mentale-des-jeunes");
  });

  it("says no sheet answers within the filters when none there holds a programme the question names through the glossary", async () => {
    // "Mental Health First Aid" is the glossary's PSSM: Lyon's sheet shares "courses" (« formation ») with the question, not it
    expect(await decide({ question: "Have they run any Mental Health First Aid courses?", filters: { city: "Lyon" } })).toMatchObject({ kind: "abstain", abstention: { why: "noneInFilters" } });
    expect(sheetsOf(await decide({ question: "Have they run any Mental Health First Aid courses?", filters: { city: "Caen" } }))).toContain(PSSM[0]);
    expect(await decide({ question: "Y a-t-il des formations aux premiers secours en santé mentale ?", filters: { city: "Lyon" } })).toMatchObject({ kind: "abstain", abstention: { why: "noneInFilters" } });
  });

  it("says no sheet answers within the filters when the sheets they leave hold too little of what is asked, one common word aside", async () => {
    // Nantes' sheet writes « chargés de projet », no artistic or cultural project
    expect(await decide({ question: "Des projets artistiques ou culturels ?", filters: { city: "Nantes" } })).toMatchObject({ kind: "abstain", abstention: { why: "noneInFilters" } });
    // Poitiers' sheets hold them: answered within the filter
    const within = await decide({ question: "Des projets artistiques ou culturels ?", filters: { city: "Poitiers" } });
    expect(within.kind).not.toBe("abstain");
  });

  it("answers a follow-up's cost bound (« lesquelles n'ont rien déboursé ? ») from its scope's budgets, not as a topic they lack", async () => {
    const history = afterAnswer("Quelles villes ont accueilli la sensibilisation « La santé mentale dans mon quartier » du CCOMS ?", ["nantes--sensibilisation-sante-mentale-dans-mon", "limoges--sensibilisation-sante-mentale-qpv"]);
    const d = await decide({ question: "Lesquelles n'ont rien déboursé pour ça ?", history });
    expect(d.kind).toBe("list");
  });

  it("looks up a count a follow-up asks in words that are all how it asks (« ça réunit combien de monde ? ») within its scope", async () => {
    const history = afterAnswer("Comment fonctionnent les petits-déjeuners d'interconnaissance habitat et santé mentale du CLSM de Lille ?", ["lille--petits-dejeuners-interconnaissance-habitat-sante"]);
    const d = await decide({ question: "Et ça réunit combien de monde, en général ?", history });
    expect(d.kind).toBe("value");
    expect(d.kind === "value" ? d.passages[0].chunk.ficheId : undefined).toBe("lille--petits-dejeuners-interconnaissance-habitat-sante");
  });

  it("gives a general answer's sheets in the order the question names their cities", async () => {
    const d = await decide("Can you compare Lille's PSSM training with Caen's?");
    expect(d.kind).toBe("general");
    const cities = sheetsOf(d).map((id) => corpus.index.ficheById.get(id)!.city);
    expect(cities.indexOf("Lille")).toBeGreaterThanOrEqual(0);
    expect(cities.indexOf("Lille")).toBeLessThan(cities.indexOf("Caen"));
  });

  it("treats a follow-up over sheets that no longer exist as a fresh question", async () => {
    const history = afterAnswer("Quelles villes forment aux PSSM ?", ["gone--sheet-of-an-older-index"]);
    expect(sheetsOf(await decide({ question: "Lesquelles forment aux PSSM ?", history })).sort()).toEqual(expect.arrayContaining(PSSM));
  });

  it("lists the PSSM sheets, and only sheets that name PSSM", async () => {
    const d = await decide("Quelles villes forment aux PSSM ?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toEqual(expect.arrayContaining(PSSM));
    for (const id of sheetsOf(d)) expect(corpus.stats.ficheTerms.get(id)?.has("pssm")).toBe(true);
  });

  it("lists the sheets that write a body's name of several words as such, not its words apart", async () => {
    // "Éducation nationale": Bordeaux's "numéro national" and Lille's "moyenne nationale" are not it
    const d = await decide("Quelles villes ont associé l'Éducation nationale à leur action ?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d).sort()).toEqual(["caen--soutenir-sante-mentale-des-jeunes", "poitiers--competences-psychosociales-formation-autour-petite"]);
  });

  it("lists no sheet whose best passage states none of the concepts, though its fields hold them apart", async () => {
    const d = await decide("Which actions were hooked onto a national or international awareness date — the mental health information weeks, a suicide prevention day, that sort of thing?");
    expect(d.kind).toBe("list");
    const listed = d.kind === "list" ? d.sheets : [];
    expect(listed.length).toBeGreaterThan(0);
    // "Lille / inequalities: 1." had been listed; the first sheet stays, its concepts being what the others are read for
    for (const r of listed.slice(1)) if (r.evidence) expect(r.evidence.coverage, r.ficheId).toBeGreaterThan(0);
  });

  it("never lists a sheet on a checkbox it ticks, when the question is not about the form's boxes", async () => {
    const d = await decide("Which cities actually involve peer helpers or people with lived experience of psychiatric illness in their actions?");
    expect(d.kind).toBe("list");
    // "Soutien social : pair-aidance, écoute, etc." is a determinant box most sheets tick
    for (const r of d.kind === "list" ? d.sheets.slice(1) : []) expect(r.evidence?.chunk.field, r.ficheId).not.toBe("determinants");
  });

  it("puts first, among the sheets near the reference, those for the public a 'but…' clause asks", async () => {
    const nearOf = async (q: string) => {
      const d = await decide(q);
      return d.kind === "similar" ? d.similar.near.map((n) => n.hit.fiche.id) : [];
    };
    const plain = await nearOf("Looking for something like Rennes' Arts et Soins en Mouvement");
    const forStudents = await nearOf("Looking for something like Rennes' Arts et Soins en Mouvement but aimed at students and young adults");
    expect(forStudents).toHaveLength(plain.length);
    // (the reference's nearest sheet, before what the question says of it or sets against it)
    expect(forStudents[0]).not.toBe(similarFiches(corpus.index, corpus.stats, "rennes--arts-soins-mouvement", 5)[0].fiche.id);
    const terms = corpus.stats.ficheTerms.get(forStudents[0]);
    expect(terms?.has("jeun") || terms?.has("etudi")).toBe(true);
    // words of the clause that name no public ("plus grands", "en associant") leave the order as it was
    const phrased = await nearOf("Quelque chose de comparable à la formation « compétences psychosociales » des crèches de Poitiers, mais en plus grand ?");
    expect(phrased).toEqual(await nearOf("Quelque chose de comparable à la formation « compétences psychosociales » des crèches de Poitiers ?"));
  });

  it("lists only sheets that name a body the question writes in small letters, when the sheets write it in capitals ('unafam')", async () => {
    const d = await decide("unafam : quelles actions la comptent parmi leurs partenaires ?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d)).toEqual(["poitiers--seminaire-sante-mentale"]);
  });

  it("lists only sheets that write a name of several words the question gives, not its words apart", async () => {
    const d = await decide("Quelles actions s'appuient sur la démarche Logement d'abord ?");
    const listed = sheetsOf(d);
    expect(listed).toContain("metz--logement-social-sante-mentale-favoriser");
    // "abordée par le prisme de l'habitat, du logement" holds both words, not the name
    for (const id of listed) expect((corpus.index.chunksByFiche.get(id) ?? []).some((c) => /logement d.abord/i.test(c.text)), id).toBe(true);
  });

  it("lists sheets funded by a body on their funding fields or passages about funding, not on working within its policy", async () => {
    const d = await decide("Quelles actions sont financées, au moins en partie, par des crédits de la politique de la ville (contrat de ville, Atelier Santé Ville…) ?");
    expect(d.kind).toBe("list");
    const funding = /financ|subvention|crédit|pris en charge/i;
    for (const r of d.kind === "list" ? d.sheets.slice(1) : []) {
      const ev = r.evidence;
      if (ev) expect(["funders", "budget_city_contribution"].includes(ev.chunk.field) || funding.test(ev.chunk.text), r.ficheId).toBe(true);
    }
  });

  it("lists the sheets dating something in the month a question names, each citing the passage that does", async () => {
    const d = await decide("Quelles actions se sont déroulées en avril 2023 ?");
    expect(d.kind).toBe("list");
    expect(sheetsOf(d).sort()).toEqual(["limoges--sensibilisation-sante-mentale-qpv", "nantes--sensibilisation-sante-mentale-dans-mon", "rennes--arts-soins-mouvement"]);
    for (const s of d.kind === "list" ? d.sheets : []) expect(s.evidence!.chunk.text.slice(s.evidence!.start, s.evidence!.end)).toMatch(/avril/);
  });

  it("lists the sheets of any of several months a question names ('en avril ou en mai 2023')", async () => {
    const d = await decide("Quelles actions se sont déroulées en avril ou en mai 2023 ?");
    expect(sheetsOf(d).sort()).toEqual(["limoges--sensibilisation-sante-mentale-qpv", "montreuil--bibliotheque-vivante", "nantes--sensibilisation-sante-mentale-dans-mon", "rennes--arts-soins-mouvement"]);
  });

  it("lists at most k sheets", async () => {
    expect(sheetsOf(await decide({ question: "Quelles villes forment aux PSSM ?", k: 1 }))).toHaveLength(1);
  });

  it("quotes the one sheet whose title a field question quotes", async () => {
    const d = await decide("Quel est le budget des Pôles Ressources Santé ?");
    expect(d.kind).toBe("field");
    expect(sheetsOf(d)).toEqual(["lille--poles-ressources-sante"]);
  });

  it("dates an event a sheet tells of where it tells of it, and the action itself by its period field", async () => {
    const event = await decide("À quelle date s'est tenu le premier temps du séminaire santé mentale des élus à Poitiers ?");
    expect(event.kind).toBe("value");
    expect(event.kind === "value" ? event.passages[0].chunk.text.slice(event.passages[0].start, event.passages[0].end) : "").toContain("16 décembre");
    const action = await decide("Quand a commencé l'action ECOVIP de Lyon ?");
    expect(action.kind).toBe("field");
  });

  it("answers a name and a duration asked together where the sheet states them, not with the form's date field", async () => {
    const d = await decide("What is the love and relationships session for pupils in Boulogne-Billancourt called, and how long does it last?");
    expect(d.kind).toBe("value");
    const quoted = d.kind === "value" ? d.passages.map((p) => p.chunk.text.slice(p.start, p.end)).join(" ") : "";
    expect(quoted).toContain("et si on parlait d'amour");
    expect(quoted).toContain("2h");
  });

  it("takes every sheet in scope for a follow-up field question", async () => {
    const history = [{ role: "assistant" as const, content: "…", ficheIds: PSSM }];
    const d = await decide({ question: "et leur budget ?", history });
    expect(sheetsOf(d).sort()).toEqual(PSSM);
  });

  it("answers a value of the form's fields asked of the previous sheet in the form's words, not the sheet's", async () => {
    // "annuel", "tourner": words of the question the sheet does not write; its annual operating budget is the answer
    const RCP = "caen--accompagner-des-situations-complexes-preoccupantes";
    const history = afterAnswer("Comment fonctionnent les RCP Psy à Caen ?", [RCP]);
    const d = await decide({ question: "Et quel budget annuel faut-il prévoir pour les faire tourner ?", history });
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)).toEqual([RCP]);
  });

  it("reads a verb of a follow-up as how it asks, not as a topic the previous sheets must write", async () => {
    // "viennent" (venir): written by one other sheet only; the number of people the breakfasts gather is the answer
    const BREAKFASTS = "lille--petits-dejeuners-interconnaissance-habitat-sante";
    const history = afterAnswer("Comment fonctionnent les petits-déjeuners habitat et santé mentale à Lille ?", [BREAKFASTS]);
    const d = await decide({ question: "et combien de personnes y viennent, en général ?", history });
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)).toEqual([BREAKFASTS]);
  });

  it("says none of the previous sheets fits when a follow-up asks what none of them holds", async () => {
    const history = [{ role: "assistant" as const, content: "…", ficheIds: PSSM }];
    expect(await decide({ question: "Lesquelles ciblent les étudiants ?", history })).toEqual({ kind: "abstain", abstention: { why: "noneInScope" } });
  });

  it("takes the reference among a city's sheets by its title's rare words, not by « santé mentale », which most titles write", async () => {
    // the English question's "art" quotes half of « Regards sur l'Art »; its "mental wellbeing" two thirds of « Séminaire Santé mentale »
    const d = await decide("I liked Poitiers' art exhibitions by welfare recipients at the social services centre. Are there other projects that use art or cultural practice to support people's mental wellbeing?");
    if (d.kind !== "similar") throw new Error(`expected similar, got ${d.kind}`);
    expect(d.similar.reference.id).toBe("poitiers--regards-sur-art");
  });

  it("finds the sheet a similar question names and never returns it among the near ones", async () => {
    const d = await decide("actions similaires aux Balades vertes de Poitiers");
    if (d.kind !== "similar") throw new Error(`expected similar, got ${d.kind}`);
    expect(d.similar.reference.id).toBe("poitiers--balades-vertes-pour-les-etudiants");
    expect(d.similar.near.length).toBeGreaterThan(0);
    expect(d.similar.near.some(({ hit }) => hit.fiche.id === d.similar.reference.id)).toBe(false);
    for (const { hit, chunk } of d.similar.near) expect(chunk.ficheId).toBe(hit.fiche.id);
  });

  it("looks a value up only within the filters, whatever sheet's title the question echoes", async () => {
    // the words of Limoges' title ("sensibilisation", "santé mentale") do not take a question filtered to Caen there
    const d = await decide({ question: "Combien de personnes ont suivi la sensibilisation à la santé mentale en QPV ?", filters: { city: "Caen" } });
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d).length).toBeGreaterThan(0);
    for (const id of sheetsOf(d)) expect(corpus.index.ficheById.get(id)?.city).toBe("Caen");
  });

  it("looks up each of two values a follow-up asks, the second after ', et où ?'", async () => {
    const ROANNE = "roanne--groupe-echanges-partenarial-habitat-sante";
    const history = afterAnswer("Qui anime le groupe d'échanges partenarial « habitat et santé mentale » à Roanne ?", [ROANNE]);
    const d = await decide({ question: "Et ils se réunissent à quelle fréquence, et où ?", history });
    expect(d.kind === "value" ? d.passages.map((p) => p.value) : d.kind).toEqual(["6 par an", "en mairie"]);
  });

  it("grounds an acronym's spelled-out form in brackets with the acronym ('CLSPD (conseil local de … délinquance)')", async () => {
    const d = await decide("Dans quelles actions le CLSPD (conseil local de sécurité et de prévention de la délinquance) est-il impliqué ?");
    expect(d.kind).toBe("list");
    // brackets that do not spell the acronym out stay a concept of their own
    expect((await decide("Dans quelles actions le CLSPD (prévention de la délinquance) est-il impliqué ?")).kind).toBe("abstain");
  });

  it("grounds two names joined by 'and' that share a complement ('Espaces and Points Écoute Santé')", async () => {
    const d = await decide("For Lille's Espaces and Points Écoute Santé, how much comes from politique de la ville funding?");
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)[0]).toBe("lille--espaces-ecoute-sante-points-ecoute");
  });

  it("reads 'refuse care' as the glossary's 'refus de soins', a topic, not a verb and a common noun", async () => {
    const q = understandQuestion(corpus, { question: "how to reach people with psychiatric disorders who are in denial or refuse any care" });
    // offered as a choice with "in denial", it is one concept with it, either answering
    const refusal = q.concepts.find((c) => c.label?.includes("refuse any care"));
    expect(refusal?.unknown).toBe(false);
    expect(refusal?.phrases).toContainEqual(["refu", "soin"]);
    expect(sheetsOf(decideAnswer(q, await rankForQuestion(q)))).toContain("caen--accompagner-des-situations-complexes-preoccupantes");
  });

  it("splits '…quand, et dans le cadre de quel événement ?' in two values, but not '…, and for how many households?'", async () => {
    const LIBRARY = "montreuil--bibliotheque-vivante";
    const when = await decide({ question: "Elle s'est tenue quand, et dans le cadre de quel événement ?", history: afterAnswer("Comment fonctionne la Bibliothèque vivante de Montreuil ?", [LIBRARY]) });
    expect(when.kind === "value" ? when.passages.map((p) => p.value) : when.kind).toContain("24 mai 2023");
    const METZ = "metz--logement-social-sante-mentale-favoriser";
    const budget = await decide({ question: "How much was budgeted for the social support of the new tenants, and for how many households?", history: afterAnswer("Can you tell me about Metz's project helping long-stay psychiatric patients move into social housing?", [METZ]) });
    // one value, from the budget fields ("28 000 € … pour 10 ménages"); split, its second part would be a count of its own
    expect(budget.kind).toBe("field");
    expect(sheetsOf(budget)[0]).toBe(METZ);
  });

  it("lists the sheets whose funding line names who took the cost on ('le coût … pris en charge par le CCOMS')", async () => {
    const d = await decide("Dans quelles actions le coût de l'intervenante a-t-il été pris en charge par le CCOMS ?");
    expect(sheetsOf(d)).toEqual(["nantes--sensibilisation-sante-mentale-dans-mon"]);
  });

  it("answers who paid with the sentence naming the payer beside the cost when the asked field names no body ('Mise à disposition')", async () => {
    const d = await decide("Who picked up the bill for the facilitator of Limoges' mental health awareness sessions in the priority neighbourhoods?");
    expect(d.kind).toBe("value");
    const first = d.kind === "value" ? d.passages[0] : undefined;
    expect(first?.chunk.field).toBe("budget");
    expect(first?.value).toBe("CNRA-CLSM");
  });

  it("cites the ticked box that says what was asked for a best-ranked sheet none of whose statements does, not a heading ('Contexte :')", async () => {
    const youth = ["valence--promotion-sante-mentale-des-jeunes", "caen--soutenir-sante-mentale-des-jeunes", "boulogne-billancourt--actions-prevention-vie-relationnelle-affective"];
    const d = await decide({ question: "Parmi elles, lesquelles se passent dans les écoles ?", history: afterAnswer("Quelles actions pour les jeunes ?", youth) });
    expect(d.kind).toBe("list");
    const evidence = d.kind === "list" ? d.sheets[0].evidence : undefined;
    expect(evidence && evidence.chunk.text.slice(evidence.start, evidence.end)).toMatch(/écoles/);
  });

  it("asks a follow-up's value of the sheets in scope that hold what it names ('l'expo d'œuvres au CCAS'), not of a demonstrative's noun ('ces rencontres')", async () => {
    const ART = "poitiers--regards-sur-art";
    const expo = await decide({ question: "Et l'expo d'œuvres au CCAS de Poitiers, elle existe depuis quand ?", history: afterAnswer("Y a-t-il des actions qui s'adressent aux allocataires du RSA ?", [ART, "poitiers--ete-grand-air"]) });
    expect(sheetsOf(expo)).toEqual([ART]);
    const BREAKFAST = "lille--petits-dejeuners-interconnaissance-habitat-sante";
    const meetings = await decide({ question: "Et ces rencontres rassemblent combien de monde d'habitude ?", history: afterAnswer("À Lille, comment le CLSM fait-il se rencontrer les acteurs du logement et de la psychiatrie ?", [BREAKFAST, "lille--poles-ressources-sante"]) });
    expect(sheetsOf(meetings)[0]).toBe(BREAKFAST);
  });

  it("counts « séances » where the sheet writes « sessions » (one meaning in French)", async () => {
    const LIMOGES = "limoges--sensibilisation-sante-mentale-qpv";
    const d = await decide({ question: "Et à Limoges, combien de séances ?", history: afterAnswer("Quelles actions pour les habitants des quartiers prioritaires ?", [LIMOGES, "lorient--temps-echanges-avec-psychologue-pour"]) });
    const quoted = d.kind === "value" ? d.passages.map((p) => p.chunk.text.slice(p.start, p.end)).join(" ") : d.kind;
    expect(quoted).toContain("6 sessions");
  });

  it("answers 'who runs the one in …' with the porteur, and counts households as « ménages »", async () => {
    const BOURG = "bourg-en-bresse--une-voix-autrement";
    const runs = await decide({ question: "Who runs the one in Bourg-en-Bresse?", history: afterAnswer("Which actions use art or creative workshops?", ["poitiers--regards-sur-art", BOURG]) });
    expect(runs.kind).toBe("field");
    expect(sheetsOf(runs)).toEqual([BOURG]);
    expect(detectIntent("Who runs the one in Bourg-en-Bresse?").fields).toEqual(["porteur"]);
    const METZ = "metz--logement-social-sante-mentale-favoriser";
    const households = await decide({ question: "How many households were housed?", history: afterAnswer("Tell me about Metz's social housing project", [METZ]) });
    expect(households.kind === "value" ? households.passages[0].value : households.kind).toBe("10");
  });

  it("reads '…, and over how many days?' as a second value, a length written in words ('deux jours'), and 'ils duraient combien de temps' as the length asked", async () => {
    const PSSM = "lille--formations-premiers-secours-sante-mentale";
    const course = await decide({ question: "And how many people can a single course take, and over how many days?", history: afterAnswer("Who delivers the Mental Health First Aid (PSSM) courses in Lille's neighbourhoods?", [PSSM]) });
    const quoted = course.kind === "value" ? course.passages.map((p) => p.chunk.text.slice(p.start, p.end)).join(" ") : course.kind;
    expect(quoted).toContain("16 secouristes");
    expect(quoted).toContain("deux jours");
    // the verb asking the length (« duraient ») is no topic: the question goes on about the previous sheet
    const ECOVIP = "lyon--evolution-apres-covid-invisibilite-des";
    const workshops = await decide({ question: "Combien d'ateliers ont eu lieu jusqu'ici, et ils duraient combien de temps ?", history: afterAnswer("C'est quoi ECOVIP, le projet lyonnais ?", [ECOVIP]) });
    expect(sheetsOf(workshops)).toEqual([ECOVIP]);
    // « 1 fois/mois » is a rhythm
    const LORIENT = "lorient--temps-echanges-avec-psychologue-pour";
    const rhythm = await decide({ question: "How often do those sessions run, and how long does each one last?", history: afterAnswer("What does Lorient offer residents who want to talk to a psychologist?", [LORIENT]) });
    expect(rhythm.kind === "value" ? rhythm.passages.map((p) => p.value) : rhythm.kind).toContain("1 fois/mois");
  });

  it("keeps a similar follow-up on the previous answer's sheet when it shares only common words with another title (\"… for mental health?\")", async () => {
    const PLAN = "rennes--evolution-plan-local-urbanisme-intercommunal";
    const history = afterAnswer("What did Rennes change in its intercommunal local urban plan?", [PLAN]);
    const d = await decide({ question: "Any other actions like that, using planning rules or urban projects for mental health?", history });
    if (d.kind !== "similar") throw new Error(`expected similar, got ${d.kind}`);
    // not « Séminaire Santé mentale », two of whose three title words are "mental health"
    expect(d.similar.reference.id).toBe(PLAN);
  });

  it("takes a similar follow-up naming no sheet as about the previous answer's first sheet, other cities only", async () => {
    const YOUTH = "caen--soutenir-sante-mentale-des-jeunes";
    const history = afterAnswer("Comment fonctionne le groupe projet santé mentale des jeunes à Caen ?", [YOUTH, "caen--former-aux-premiers-secours-sante"]);
    // "choses" stands for anything: no topic the sheets lack
    const d = await decide({ question: "D'autres villes font-elles des choses comparables pour les jeunes ?", history });
    if (d.kind !== "similar") throw new Error(`expected similar, got ${d.kind}`);
    expect(d.similar.reference.id).toBe(YOUTH);
    expect(d.similar.near.length).toBeGreaterThan(0);
    // "d'autres villes": none of Caen's other sheets
    expect(d.similar.near.filter(({ hit }) => hit.fiche.city === "Caen")).toEqual([]);
    // "pour les jeunes": the near sheets for young people first
    expect(d.similar.near[0].hit.fiche.id).toBe("valence--promotion-sante-mentale-des-jeunes");
    // a sheet the question names by its title is still the reference
    const named = await decide({ question: "Des actions similaires aux Balades vertes de Poitiers ?", history });
    expect(named.kind === "similar" ? named.similar.reference.id : named.kind).toBe("poitiers--balades-vertes-pour-les-etudiants");
  });

  it("quotes the top sheets that score near the best for another question", async () => {
    const d = await decide("développement des compétences psychosociales");
    expect(d.kind).toBe("general");
    expect(sheetsOf(d).length).toBeGreaterThan(0);
    expect(sheetsOf(d).length).toBeLessThanOrEqual(3);
  });
});

describe("decideAnswer grounding of a translation", () => {
  it("abstains when a translation's stem is held only by another word ('détention' / the sheets' one 'détente')", async () => {
    expect(await decide("Which cities help inmates after their release from prison?")).toMatchObject({ kind: "abstain", abstention: { why: "notCovered" } });
    // a translation whose family the sheets write stays grounded ("training": formation, formations)
    expect((await decide("Which cities run mental health first aid training?")).kind).toBe("list");
  });
});

describe("decideAnswer grounding of French phrasing", () => {
  it("does not ask the corpus for the word that asks the kind of value ('quelle surface'), and finds the measure", async () => {
    const d = await decide("Quelle surface d'espace extérieur privatif le PLUi de Rennes impose-t-il pour chaque logement ?");
    expect(d.kind).toBe("value");
    expect(d.kind === "value" ? d.passages.map((p) => p.value) : []).toContain("6 m²");
  });

  it("does not ask a named city's sheets for a verb put before its subject ('existe-t-il')", async () => {
    const d = await decide("Le séminaire santé mentale de Poitiers existe-t-il toujours ?");
    expect(d.kind).not.toBe("abstain");
    expect(sheetsOf(d)).toContain("poitiers--seminaire-sante-mentale");
  });

  it("does not take a conjugated verb the corpus never writes for a missing topic, but keeps a missing noun", async () => {
    expect((await decide("Quelles villes agissent sur le logement ?")).kind).toBe("list");
    expect(await decide("Quelles villes luttent contre le harcèlement scolaire des lamas ?")).toMatchObject({ kind: "abstain" });
  });
});

describe("decideAnswer on the form's checkbox lists", () => {
  it("lists the sheets whose ticked determinants state the asked one, each citing its box", async () => {
    const d = await decide("fiches-action avec le déterminant « Bruit, nuisances sonores » coché");
    expect(d.kind).toBe("list");
    if (d.kind !== "list") return;
    expect(d.sheets.length).toBeGreaterThan(1);
    for (const s of d.sheets) {
      expect(s.evidence?.chunk.field).toBe("determinants");
      expect(s.evidence!.chunk.text.slice(s.evidence!.start, s.evidence!.end)).toMatch(/bruit/i);
    }
  });
});

describe("decideAnswer on a question about the cities it names", () => {
  it("grounds it in those cities' sheets: another city's listening line does not answer for Rennes", async () => {
    expect(corpus.stats.words.has("ecoute")).toBe(true);
    const d = await decide("Rennes a-t-elle mis en place une ligne d'écoute téléphonique pour ses habitants ?");
    expect(d).toMatchObject({ kind: "abstain", abstention: { why: "notInCity", cities: ["Rennes"], missing: expect.arrayContaining(["écoute"]) } });
    expect(await decide("Montreuil accompagne-t-elle les jeunes en décrochage scolaire ?")).toMatchObject({ kind: "abstain", abstention: { why: "notInCity" } });
  });

  it("grounds a programme the French question names in the glossary's words in the city's sheets, as the English one is", async () => {
    // Lyon's sheet writes « formation » and « premiers », never « secours » nor PSSM
    expect(await decide("Lyon organise-t-elle des formations aux premiers secours en santé mentale ?")).toMatchObject({ kind: "abstain", abstention: { why: "notInCity", cities: ["Lyon"], missing: ["premiers secours en santé mentale"] } });
    expect(await decide("Does Lyon run any Mental Health First Aid courses?")).toMatchObject({ kind: "abstain", abstention: { why: "notInCity" } });
    expect((await decide("Caen organise-t-elle des formations aux premiers secours en santé mentale ?")).kind).not.toBe("abstain");
  });

  it("answers when the city's sheets hold what is asked, and leaves lookups of a named sheet alone", async () => {
    expect((await decide("Lille a-t-elle mis en place une ligne d'écoute ?")).kind).not.toBe("abstain");
    expect((await decide("Quelles actions de Poitiers sont financées par l'ARS ?")).kind).toBe("list");
    expect((await decide("Dans quels quartiers nantais les séances « La santé mentale dans mon quartier » ont-elles eu lieu ?")).kind).not.toBe("abstain");
    // a name in single quotes, an apostrophe inside it, is one of the city's sheets too
    expect((await decide("Boulogne-Billancourt's 'et si on parlait d'amour' sessions: any games for the collège pupils?")).kind).not.toBe("abstain");
  });
});

describe("decideAnswer on a topic the sheets only mention", () => {
  it("does not answer a topic question about what one sheet names only among its partners, and still lists that sheet when asked who works with them", async () => {
    // one partner list writes "SDIS"; no sheet describes anything for firefighters
    expect(await decide("How do cities support firefighters after traumatic interventions?")).toMatchObject({ kind: "abstain", abstention: { why: "notCovered", missing: ["firefighters"] } });
    expect((await decide("Which actions involve the SDIS?")).kind).toBe("list");
  });
});

describe("decideAnswer on a question sorting actions by kind", () => {
  it("reads « type » and « sorte », which no sheet writes, as no topic the corpus lacks", async () => {
    expect(corpus.stats.df.has("typ")).toBe(false);
    expect((await decide("Quels types d'actions existent pour les étudiants ?")).kind).not.toBe("abstain");
    expect((await decide("Des actions du type café-débat pour les jeunes ?")).kind).not.toBe("abstain");
  });
});

describe("decideAnswer on a list glossing its term with alternatives in brackets", () => {
  it("requires neither side of a slash inside the brackets as a name every listed sheet writes", async () => {
    const d = await decide("Which cities have a youth health centre (Espace / Centre Santé Jeunes)?");
    expect(d.kind).toBe("list");
    if (d.kind !== "list") return;
    const cities = d.sheets.map((s) => corpus.index.ficheById.get(s.ficheId)!.city);
    // one writes "Centre santé jeunes", the other "Espace Santé Jeunes"
    expect(cities).toEqual(expect.arrayContaining(["Valence", "Boulogne-Billancourt"]));
  });
});

describe("decideAnswer on a list naming a rare term of several words", () => {
  it("anchors on a sheet that writes the term, not on a better-ranked one holding only the question's other words", async () => {
    const d = await decide("which actions involve the municipal police (police municipale)?");
    expect(d.kind).toBe("list");
    if (d.kind !== "list") return;
    // every listed sheet writes "police municipale"; the best-ranked sheet only "involves" people
    for (const s of d.sheets) expect(corpus.index.chunksByFiche.get(s.ficheId)!.some((c) => /police municipale/i.test(c.text)), s.ficheId).toBe(true);
    expect(d.sheets.length).toBeGreaterThan(0);
  });
});

describe("decideAnswer on a list whose best-ranked sheet holds none of the concepts", () => {
  it("cites a passage stating a concept the sheet holds, not the first passage that comes", async () => {
    // Limoges ranks first on its porteur line but writes neither "hôpital" nor "psychiatrique" nor "EPSM"
    const d = await decide("Quelles actions ont un hôpital psychiatrique (EPSM ou CH spécialisé) parmi leurs porteurs ?");
    expect(d.kind).toBe("list");
    if (d.kind !== "list") return;
    const metz = d.sheets.find((s) => s.ficheId.startsWith("metz--"));
    expect(metz?.evidence).toBeDefined();
    expect(metz!.evidence!.chunk.text.slice(metz!.evidence!.start, metz!.evidence!.end)).toMatch(/h[ôo]pital|hospitali|psychiatr|EPSM/i);
  });
});

describe("decideAnswer on similar-action questions", () => {
  it("leaves out the city the question rules out, and cites what each near sheet does", async () => {
    const d = await decide("Hors Lille, existe-t-il des dispositifs comparables aux Espaces Écoute Santé ?");
    expect(d.kind).toBe("similar");
    if (d.kind !== "similar") return;
    expect(d.similar.reference.city).toBe("Lille");
    expect(d.similar.near.length).toBeGreaterThan(0);
    for (const n of d.similar.near) {
      expect(n.hit.fiche.city).not.toBe("Lille");
      expect(n.chunk.field).toBe("description");
    }
  });
});

describe("decideAnswer on capitalised calendar words", () => {
  it("does not take an English month or language for an unknown place or name", async () => {
    expect((await decide("What did Limoges organise in April 2023?")).kind).not.toBe("abstain");
    // "What's" is no possessive of a place called "What"
    expect(await decide("What's the name of the improv troupe in Valence's youth week?")).not.toMatchObject({ abstention: { why: "unknownPlace" } });
  });
});

describe("a list naming one of the form's box lists by its label", () => {
  it("answers from the boxes ticked under « spécificités du territoire », not from the scale its label's 'territory' might ask", async () => {
    const d = await decide("Which actions have the priority neighbourhood box ticked in their territory specifics?");
    expect(d.kind).toBe("list");
    // the sheets whose ticked box under that label names the urban policy's neighbourhoods, read from the corpus
    const ticked = new Set(
      corpus.index.chunks.filter((c) => c.field === "territory_specifics" && /politique de la ville/i.test(c.text) && corpus.index.ficheById.get(c.ficheId)?.kind === "fiche").map((c) => c.ficheId),
    );
    expect(ticked.size).toBeGreaterThan(5);
    const listed = sheetsOf(d);
    expect(listed.length).toBeGreaterThanOrEqual(Math.min(ticked.size, 8));
    for (const id of listed) expect(ticked.has(id)).toBe(true);
  });

  it("finds general terms a translator gives: drugs as « produits psychoactifs », law enforcement as the police", async () => {
    // Valence's sheet speaks of « consommation de produits psychoactifs », never of « drogues »
    const drugs = await decide("Which actions talk to young people about drugs?");
    expect(drugs.kind).toBe("list");
    expect(sheetsOf(drugs)).toContain("valence--promotion-sante-mentale-des-jeunes");
    // Roanne's partners include the « police municipale »
    const police = await decide("Which actions involve law enforcement?");
    expect(police.kind).toBe("list");
    expect(sheetsOf(police)[0]).toBe("roanne--groupe-echanges-partenarial-habitat-sante");
  });

  it("reads taking or ending one's own life as suicide (general terminology)", async () => {
    // Bordeaux's sheet is about « prévention du risque suicidaire »; neither question writes the word
    for (const question of ["Which cities try to keep residents from taking their own lives?", "Which actions reach people who might end their lives?"]) {
      const d = await decide(question);
      expect(d.kind).toBe("list");
      expect(sheetsOf(d)[0]).toBe("bordeaux--prevention-risque-suicidaire");
    }
  });
});
