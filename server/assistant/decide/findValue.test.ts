import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import { rankForQuestion } from "../retrieve/rankForQuestion.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import { valueTypeOf } from "../understand/valueType.ts";
import { findValue, isPlaceholder, lookupSheet } from "./findValue.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

async function lookup(question: string) {
  const q = understandQuestion(corpus, { question });
  const sheet = lookupSheet(q, await rankForQuestion(q))!;
  return { sheet: sheet.ficheId, passages: findValue(q, sheet, valueTypeOf(question)!) };
}

describe("valueTypeOf", () => {
  it("tells what kind of value a question wants, in French and English", () => {
    expect(valueTypeOf("Combien de professionnels ont été formés ?")?.kind).toBe("count");
    expect(valueTypeOf("Qui a animé les séances ?")?.kind).toBe("person");
    // "qu'est-ce qui a été fait" asks what was done, of no one
    expect(valueTypeOf("Qu'est-ce qui a été fait pour sensibiliser les acteurs locaux ?")).toBeUndefined();
    expect(valueTypeOf("Which organisation trained the team?")?.kind).toBe("organisation");
    expect(valueTypeOf("What number do people call?")?.kind).toBe("phone");
    expect(valueTypeOf("actions pour les jeunes")).toBeUndefined();
    // a role or a kind of body asked for, with words before it
    expect(valueTypeOf("Quelle élue de la métropole suit le projet ?")?.kind).toBe("person");
    expect(valueTypeOf("Which suicide prevention associations did the CLSM team up with?")?.kind).toBe("organisation");
    expect(valueTypeOf("Which cities work with associations?")).toBeUndefined();
    // a role asked outranks "named"; "où" opening a clause after a colon asks a place
    expect(valueTypeOf("Which Metz Métropole elected official is named on the housing project?")?.kind).toBe("person");
    expect(valueTypeOf("What was the action named?")?.kind).toBe("name");
    // who pays is a body, not a person
    expect(valueTypeOf("and who paid for it?")?.kind).toBe("organisation");
    expect(valueTypeOf("et qui le paie ?")?.kind).toBe("organisation");
    // the payer asked last, as spoken French puts it, is a body too; who ran it stays a person
    // the person to contact asked as such, though the question is about a listening line (no phone number asked)
    expect(valueTypeOf("Pour la ligne d'écoute psychologique 24h/24, qui est la personne à contacter ?")?.kind).toBe("person");
    expect(valueTypeOf("What's the hotline number?")?.kind).toBe("phone");
    expect(valueTypeOf("c'était financé par qui ?")?.kind).toBe("organisation");
    expect(valueTypeOf("funded by whom?")?.kind).toBe("organisation");
    expect(valueTypeOf("animé par qui ?")?.kind).toBe("person");
    expect(valueTypeOf("Bourg-en-Bresse, ateliers slam : où se sont-ils tenus ?")?.kind).toBe("place");
  });

  it("reads how something goes ('comment se passe', 'what goes on in') as what it consists of, and a weekday asked as the day", async () => {
    expect(valueTypeOf("Concrètement, comment se passe une matinée à Poitiers ?")?.kind).toBe("content");
    expect(valueTypeOf("What actually goes on in one of the Tuesday sessions?")?.kind).toBe("content");
    // a day in a range of dates is no count ("du 3 au 16 avril")
    const count = valueTypeOf("Combien de personnes sont venues ?")!;
    expect(count.shape.exec("En 2023 du 3 au 16 avril : un temps fort")?.[0]).toBeUndefined();
    expect(count.shape.exec("L'évènement a réuni 300 personnes")?.[0]).toBe("300");
    // what something cost, with a year in the question
    expect(valueTypeOf("What did the 2019 arts-and-care event cost to run?")?.kind).toBe("amount");
    // how many times within a year is how often
    expect(valueTypeOf("Ils se réunissent combien de fois dans l'année ?")?.kind).toBe("frequency");
    expect(valueTypeOf("How many times a year does the group meet?")?.kind).toBe("frequency");
    const { sheet, passages } = await lookup("On which day and at what time of day do Poitiers' summer outdoor sport sessions for isolated people take place?");
    expect(sheet).toBe("poitiers--ete-grand-air");
    // the weekday of the period field, not the form's date of writing ("24.04.2023")
    expect(passages[0].chunk.field).toBe("period");
    expect(passages[0].value).toMatch(/mardis/);
  });

  it("looks up the one sheet writing a name the question gives, though other sheets share more of its words", async () => {
    const { sheet, passages } = await lookup("When and in what setting is the ECOVIP conference with the Quebec academics taking place?");
    expect(sheet).toBe("lyon--evolution-apres-covid-invisibilite-des");
    expect(passages[0].value).toBe("11 octobre 2023");
  });

  it("answers who does what the question's verb says with its agent in the passive, a role or a body as much as a person", async () => {
    const { sheet, passages } = await lookup("Who refers people to Poitiers' Été au grand air sessions?");
    expect(sheet).toBe("poitiers--ete-grand-air");
    // "Les participants sont orientés par les travailleurs sociaux du CCAS et les partenaires du territoire"
    expect(passages[0].value).toBe("les travailleurs sociaux du CCAS");
    // a question opening with no such verb looks for a person as before ("Isabelle Kaucic", not "l'équipe AMLI" of
    // "Préparation des logements par l'équipe AMLI")
    const elected = await lookup("Quelle élue de Metz métropole est impliquée dans le projet logement social et santé mentale ?");
    expect(elected.passages.map((p) => p.value)).toContain("Isabelle Kaucic");
    expect(elected.passages.map((p) => p.value)).not.toContain("l'équipe AMLI");
  });

  it("answers who paid with the sentence saying who took the cost on, from any field, an acronym with its hyphenated part", async () => {
    const { sheet, passages } = await lookup("À Limoges, qui a payé l'intervenante des séances de sensibilisation dans les quartiers prioritaires ?");
    expect(sheet).toBe("limoges--sensibilisation-sante-mentale-qpv");
    // the budget field, not the description that names more of the question's words
    expect(passages[0].chunk.field).toBe("budget");
    expect(passages[0].value).toBe("CNRA-CLSM");
  });

  it("reads which body paid as who paid ('which organisation covered…', 'which national body funded…')", async () => {
    for (const question of ["In Limoges' priority neighbourhoods, which organisation covered the awareness sessions' speaker?", "Which national body funded the speaker of Limoges' awareness sessions in priority neighbourhoods?", "Which bodies fund the awareness sessions in Limoges' priority neighbourhoods?"]) {
      const { sheet, passages } = await lookup(question);
      expect(sheet).toBe("limoges--sensibilisation-sante-mentale-qpv");
      expect(passages[0].value).toBe("CNRA-CLSM");
    }
  });

  it("reads an event asked as a name, and gives the event's capitalised name, not the one the question writes", async () => {
    expect(valueTypeOf("dans le cadre de quelle manifestation le colloque a-t-il été organisé ?")?.kind).toBe("name");
    expect(valueTypeOf("ECOVIP Lyon: in what event was the 2023 conference held?")?.kind).toBe("name");
    expect(valueTypeOf("quel support vidéo utilise l'Espace Santé Jeunes ?")?.kind).toBe("name");
    // "which psychiatric hospital", "which company": a body asked in English too
    expect(valueTypeOf("Which psychiatric hospital partnered with the family slam workshops?")?.kind).toBe("organisation");
    expect(valueTypeOf("Which institution ran the training?")?.kind).toBe("organisation");
    // "what video", a title, asked as a name; the workshops someone ran asked by what they were about
    expect(valueTypeOf("In Boulogne-Billancourt's sessions, what video is used to explain consent?")?.kind).toBe("name");
    expect(valueTypeOf("Quel est le titre du flyer joint en annexe ?")?.kind).toBe("name");
    expect(valueTypeOf("What's the headline of the flyer attached to the sheet?")?.kind).toBe("name");
    // "when" opening a clause is no date asked; as the question's word it is
    expect(valueTypeOf("Which two associations did the council meet with when it started its work on the line?")?.kind).toBe("organisation");
    expect(valueTypeOf("When did the Lille line open?")?.kind).toBe("date");
    expect(valueTypeOf("How much did it cost, and when?")?.kind).not.toBe("organisation");
    // "en une semaine", "in a week": a duration of one unit, written with its article
    const duration = valueTypeOf("combien de temps a-t-il fallu pour doubler les postes ?");
    expect(duration?.kind).toBe("duration");
    expect(duration?.shape.exec("En une semaine, les conditions techniques de doublement des postes…")?.[0]).toBe("une semaine");
    expect(valueTypeOf("What workshops did the two staff from the psychiatric hospital run?")?.kind).toBe("subject");
    expect(valueTypeOf("Quels ateliers ont été animés par le CHS ?")?.kind).toBe("subject");
    expect(valueTypeOf("Pour les balades vertes, quels ateliers les deux professionnelles de l'hôpital ont-elles animés ?")?.kind).toBe("subject");
    // a company named in small letters ("(compagnie Dana)") is a company's name as much as "Compagnie Dana"
    const name = valueTypeOf("Which theatre company ran the events?");
    expect(name?.kind).toBe("name");
    expect(name?.shape.exec("Pilotage opérationnel délégué en 2019 (compagnie Dana), en régie en 2021")?.[0]).toBe("compagnie Dana");
    // an establishment asked is a body; a body's name may go on after "de l'" ("Centre psychothérapique de l'AIN")
    const body = valueTypeOf("Avec quel établissement psychiatrique la ville s'est-elle associée ?");
    expect(body?.kind).toBe("organisation");
    expect(body?.sure?.exec("Partenaires : Centre psychothérapique de l'AIN")?.[0]).toBe("Centre psychothérapique de l'AIN");
    const { passages } = await lookup("ECOVIP Lyon: in what event was the 2023 conference held?");
    expect(passages[0].value).toBe("Entretiens Jacques Cartier");
    // the capitalised name the question itself gives (with the sheet's city after it) is not the answer
    const named = await lookup("Comment s'appelle l'intervention de l'Espace Santé Jeunes de Boulogne dans les classes de 3e ?");
    expect(named.passages[0].value).not.toMatch(/Santé Jeunes/);
  });

  it("reads a theatre company and an attendance asked as a name and a count, and quotes the company from any field", async () => {
    expect(valueTypeOf("Quelle compagnie de théâtre joue dans les restaurants universitaires ?")?.kind).toBe("name");
    expect(valueTypeOf("Which improv troupe performed?")?.kind).toBe("name");
    expect(valueTypeOf("Quelle fréquentation pour les ateliers ?")?.kind).toBe("count");
    expect(valueTypeOf("What was the attendance at the workshops?")?.kind).toBe("count");
    // "five neighbourhoods — which ones?": the place asked after what it counts
    expect(valueTypeOf("The project began in three districts — which ones?")?.kind).toBe("place");
    expect(valueTypeOf("Which ones?")?.kind).not.toBe("place");
    // "à leur charge ?": whether they pay is answered by what it costs and who pays
    expect(valueTypeOf("Les repas sont-ils à leur charge ?")?.kind).toBe("amount");
    const { passages } = await lookup("Quelle troupe de théâtre a joué pour les étudiants de Valence ?");
    expect(passages[0]?.value).toMatch(/^Cie /);
  });

  it("reads a body spelled out before its acronym in brackets as its name, and each of two values with its own part's words", async () => {
    const question = "Combien de patients du projet messin devaient accéder à un logement social, et quelle équipe du CH de Jury les a identifiés ?";
    const q = understandQuestion(corpus, { question });
    const sheet = lookupSheet(q, await rankForQuestion(q))!;
    const part = "quelle équipe du CH de Jury les a identifiés ?";
    const [first] = findValue(q, sheet, valueTypeOf(part)!, part);
    expect(first?.value).toMatch(/\(\p{Lu}{2,}\)$/u);
  });

  it("never runs a place's name across a line break ('quartier' then a heading on the next line)", async () => {
    const { passages } = await lookup("The Pôles Ressources Santé in Lille began in five neighbourhoods — which ones?");
    for (const p of passages) expect(p.value).not.toMatch(/\n/);
  });

  it("reads an attendance asked as a count of who came ('97 participations'), not of any people a sentence counts", async () => {
    const { passages } = await lookup("Combien de monde aux ateliers d'échanges avec un psychologue à Lorient en 2021, quelle fréquentation ?");
    expect(passages.some((p) => p.value === "97")).toBe(true);
  });

  it("reads an attendance named by its noun alone, a price asked with 'what does … cost' and a size after a qualifier", async () => {
    expect(valueTypeOf("affluence aux petits-déjeuners du CLSM ?")?.kind).toBe("count");
    expect(valueTypeOf("fréquentation des ateliers en 2022")?.kind).toBe("count");
    expect(valueTypeOf("What does the training manual cost?")?.kind).toBe("amount");
    expect(valueTypeOf("and who covers it?")?.kind).toBe("organisation");
    expect(valueTypeOf("et qui prend en charge les repas ?")?.kind).toBe("organisation");
    expect(valueTypeOf("What is the minimum size of a new flat's balcony?")?.kind).toBe("measure");
    // a cost named as a topic asks nothing: "low-cost" is no question of price
    expect(valueTypeOf("low-cost mental health support for students")).toBeUndefined();
    const attendance = await lookup("affluence aux ateliers avec un psychologue dans les centres sociaux de Lorient en 2021");
    expect(attendance.passages.some((p) => p.value === "97")).toBe(true);
    const price = await lookup("What does the manual each first-aider takes home from Lille's PSSM training cost?");
    expect(price.passages[0]?.value).toMatch(/^30\s?€/u);
  });

  it("reads 'attendances', 'combien de monde', 'set … back', 'which … group' and 'dure combien de temps' as the values they ask", async () => {
    expect(valueTypeOf("How many attendances did the talk groups clock up in 2021?")?.kind).toBe("count");
    expect(valueTypeOf("What did the Psycom anti-stigma training set the city back?")?.kind).toBe("amount");
    expect(valueTypeOf("the former patient chaired which mutual-aid group?")?.kind).toBe("organisation");
    expect(valueTypeOf("Which age group does it target?")?.kind).toBe("age");
    expect(valueTypeOf("ça dure combien de temps, une séance ?")?.kind).toBe("duration");
    const attendances = await lookup("How many attendances did Lorient's neighbourhood talk groups with a psychologist clock up in 2021?");
    expect(attendances.passages[0]?.value).toBe("97");
    // "combien de monde": how many people, written with whichever people the sheet counts ("40 participants")
    const evening = await lookup("À Bordeaux, la soirée d'information pour les médecins et psychologues libéraux, il y avait combien de monde ?");
    expect(evening.passages[0]?.value).toBe("40");
    // a mutual-aid group named after its kind ("Groupe d'entraide mutuelle L'Albatros"), and a team after an elided article
    const group = await lookup("Metz social housing scheme: the former patient on the design team chaired which mutual-aid group?");
    expect(group.passages[0]?.value).toBe("Groupe d'entraide mutuelle L'Albatros");
    const team = await lookup("Dans le projet messin de relogement de patients psychiatriques en logement social, quelle association prépare les logements et accompagne les locataires jusqu'au bail glissant ?");
    expect(team.passages[0]?.value).toBe("équipe AMLI");
  });

  it("answers since when with the sentence saying when it began, the month and year as one value, not the sheet's own date", async () => {
    const since = await lookup("L'expo d'œuvres des allocataires du RSA au CCAS de Poitiers, elle existe depuis quand ?");
    expect(since.passages[0]?.value).toBe("janvier 2016");
    expect(since.passages[0]?.chunk.field).toBe("period");
  });

  it("reads no count in a date written with dots ('24.05.2023')", () => {
    const count = valueTypeOf("How many people came?")!;
    const counts = (text: string) => [...text.matchAll(new RegExp(count.shape.source, "gu"))].map((m) => m[0]);
    expect(counts("24.05.2023")).toEqual([]);
    expect(counts("le 24.05.2023, 40 personnes et 1.000 visiteurs")).toEqual(["40", "1.000"]);
  });

  it("finds who did a thing named by its noun, then 'par' ('La formation de … par l'association ZEST'), not a partner", async () => {
    const found = await lookup("Who trained the staff to run the living library Montreuil organised at its health forum?");
    expect(found.passages[0]?.value).toBe("l'association ZEST");
  });

  it("counts a name opening with the kind of body asked ('which company': « compagnie Dana ») as the name asked", async () => {
    const found = await lookup("For Rennes' arts-and-care initiative, which company was given the operational running of the events?");
    expect(found.passages.find((p) => p.value === "compagnie Dana")?.counted).toBe(true);
  });

  it("reads « quelles dates », « sur quel créneau », « qui la finançait », 'which … provider', 'which … centres' as the values they ask", () => {
    expect(valueTypeOf("c'était à quelles dates ?")?.kind).toBe("date");
    expect(valueTypeOf("L'activité physique estivale, c'est sur quel créneau ?")?.kind).toBe("date");
    expect(valueTypeOf("qui la finançait ?")?.kind).toBe("organisation");
    expect(valueTypeOf("Which psychiatric care provider partnered with them?")?.kind).toBe("organisation");
    expect(valueTypeOf("which three health centres supply the psychologists?")?.kind).toBe("organisation");
    expect(valueTypeOf("Projet slam à Bourg-en-Bresse : quelle est la contribution de la ville ?")?.kind).toBe("amount");
  });

  it("answers who paid from the funders field, which states it whole ('ARS HdF'), before sentences richer in the question's words", async () => {
    const found = await lookup("À Lille, la permanence téléphonique de soutien psy 24h/24 montée avec l'EPSM au début du Covid : qui la finançait ?");
    expect(found.passages[0]?.chunk.field).toBe("funders");
  });

  it("reads a follow-up opening with 'and' (« Et qui les animait ? », « Et où ? ») as asking who or where", () => {
    expect(valueTypeOf("Et qui les animait ?")?.kind).toBe("person");
    expect(valueTypeOf("And who ran them?")?.kind).toBe("person");
    expect(valueTypeOf("Et où ça se passe ?")?.kind).toBe("place");
  });

  it("reads « ça dure combien » as a length asked, and 'en tout' as the total the sheet states ('3 heures au total (… + 1 h …)')", async () => {
    expect(valueTypeOf("ça a duré combien ?")?.kind).toBe("duration");
    expect(valueTypeOf("ça dure combien de séances ?")?.kind).toBe("count");
    const total = await lookup("Un temps d'échanges avec le psy dans les quartiers de Lorient, ça dure combien en tout, prépa et débrief compris ?");
    expect(total.passages[0]?.value).toBe("3 heures");
  });

  it("answers what a session consists of with the sheet's outline quoted whole ('Déroulé de l'action :' and its items)", async () => {
    expect(valueTypeOf("qu'est-ce qu'on y fait pendant les deux heures ?")?.kind).toBe("content");
    expect(valueTypeOf("What does a typical Tuesday-morning session of the summer programme involve?")?.kind).toBe("content");
    const { passages } = await lookup("À Boulogne, l'Espace Santé Jeunes intervient en 3e sur la vie affective : qu'est-ce qu'on fait concrètement pendant les 2h avec les élèves ?");
    expect(passages[0]?.value).toBe("Déroulé de l'action");
    const quoted = passages[0].chunk.text.slice(passages[0].start, passages[0].end);
    expect(quoted).toContain("Photolangage");
    expect(quoted).toContain("cup of tea");
    // the activities or tools a session uses are its outline too
    expect(valueTypeOf("What activities do they use with the pupils?")?.kind).toBe("content");
    expect(valueTypeOf("Quels outils sont utilisés pendant les séances ?")?.kind).toBe("content");
  });

  it("finds an elected official asked by role in the form's field of the services and officials involved, without her title", async () => {
    const { passages } = await lookup("Quelle adjointe au maire suit la prévention du risque suicidaire à Bordeaux ?");
    expect(passages.some((p) => p.chunk.field === "services_elus" && p.value === "Sylvie Justome")).toBe(true);
  });

  it("reads 'a cap on how many' as a limit asked, answered by the sentence stating it", async () => {
    const { passages } = await lookup("Is there a cap on how many appointments someone can get at Lille's free neighbourhood listening points with a psychologist?");
    expect(passages[0]?.value).toBe("6");
    expect(passages[0].chunk.text.slice(passages[0].start, passages[0].end)).toContain("ne peut pas durer plus de 6 séances");
  });

  it("reads scores asked in the plural", async () => {
    expect(valueTypeOf("How did the health scores of the scenarios compare?")?.kind).toBe("score");
    const scores = await lookup("Porte de Bagnolet: how did the scenarios' health scores compare?");
    expect(scores.passages[0]?.value).toMatch(/points$/);
  });

  it("reads a lead time as a duration, found where the sheet tells it", async () => {
    expect(valueTypeOf("How much lead time did they have?")?.kind).toBe("duration");
    expect(valueTypeOf("Quel délai pour monter le projet ?")?.kind).toBe("duration");
    const { passages } = await lookup("How much time did Montreuil have to set up its living library?");
    expect(passages[0]?.value).toMatch(/semaines$/);
  });

  it("reads 'what's' as 'what is'", () => {
    expect(valueTypeOf("what's the minimum size of a balcony?")?.kind).toBe("measure");
    expect(valueTypeOf("who's the contact person?")?.kind).toBe("person");
  });

  it("reads an age range, a share and what something was about as kinds of their own, each with its shape", async () => {
    expect(valueTypeOf("How old were the people whose cases were discussed?")?.kind).toBe("age");
    expect(valueTypeOf("Quelle tranche d'âge est concernée ?")?.kind).toBe("age");
    expect(valueTypeOf("What share of the residents are children?")?.kind).toBe("percent");
    expect(valueTypeOf("Quelle proportion des personnes reçues réengage un parcours ?")?.kind).toBe("percent");
    expect(valueTypeOf("What were the workshops about?")?.kind).toBe("subject");
    // "and who else?" asks a person; "what actually happens during…" what a session consists of; three words may qualify neighbourhoods
    expect(valueTypeOf("steered by a professor, the city officer, and who else?")?.kind).toBe("person");
    expect(valueTypeOf("What actually happens during a session?")?.kind).toBe("content");
    expect(valueTypeOf("Which four Nantes priority neighbourhoods got the sessions?")?.kind).toBe("place");
    const age = await lookup("In Caen's RCP Psy, how old were the people whose situations were examined in 2022?");
    expect(age.passages.some((p) => /26 à 72 ans/.test(p.value))).toBe(true);
    const share = await lookup("The health portrait of the Porte de Bagnolet redevelopment: what share of the people living there are children?");
    expect(share.passages[0]?.value).toMatch(/%$/);
    const about = await lookup("On Poitiers' green walks for new students, the psychiatric hospital sent two staff to run workshops. What were the workshops about?");
    expect(about.passages.some((p) => /stress/.test(p.value))).toBe(true);
  });

  it("answers a date with the day of a month a sentence gives rather than a year another gives", async () => {
    const { passages } = await lookup("Quel jour s'est tenu le colloque de Lyon avec les universitaires québécois ?");
    expect(passages[0]?.value).toMatch(/^\d{1,2} \p{L}+ \d{4}$/u);
  });

  it("shows the sentence stating a limit when the question asks for one, not only the typical value", async () => {
    const { passages } = await lookup("How many sessions at most can one person have at Lille's Points Écoute Santé?");
    expect(passages.some((p) => /plus de/.test(p.chunk.text.slice(p.start, p.end)) && p.value === "6")).toBe(true);
    // first, whatever the question calls what is counted
    const asked = await lookup("Combien de rendez-vous au maximum une personne peut-elle avoir aux Points Écoute Santé de Lille ?");
    expect(asked.passages[0]?.value).toBe("6");
  });

  it("reads a surface or a length asked as a measure, whose value is a number with its unit", () => {
    expect(valueTypeOf("How much outdoor space must each flat have?")?.kind).toBe("measure");
    expect(valueTypeOf("Quelle surface minimale pour chaque balcon ?")?.kind).toBe("measure");
    expect(valueTypeOf("How much did the city pay?")?.kind).toBe("amount");
    const shape = valueTypeOf("Quelle surface ?")!.shape;
    expect("un balcon d'au moins 4m², ou un jardin".match(shape)?.[0]).toBe("4m²");
    expect("4 ateliers en 2023".match(shape)).toBeNull();
  });

  it("reads a count written in words before what it counts ('vingt patients'), never the article 'un'", () => {
    const shape = valueTypeOf("Combien de patients ?")!.shape;
    expect("du CH de Jury de vingt patients prêts".match(shape)?.[0]).toBe("vingt");
    expect("three workshops were held".match(shape)?.[0]).toBe("three");
    expect("un atelier par mois".match(shape)).toBeNull();
  });

  it("never takes a year for a count", () => {
    const count = valueTypeOf("combien de situations ?")!;
    expect("en 2022".match(count.shape)).toBeNull();
    expect("12 situations".match(count.shape)?.[0]).toBe("12");
    // "3h30" is a duration
    expect("durée 4x 3h30 Tour de table".match(valueTypeOf("Combien de temps durait chaque séance ?")!.shape)?.[0]).toBe("3h30");
    // "combien d'ateliers" counts; a day of a date is no count; a mark on a grid is a score
    expect(valueTypeOf("Combien d'ateliers ont été tenus ?")?.kind).toBe("count");
    expect("reportée au 15 octobre 2021, 115 personnes".match(count.shape)?.[0]).toBe("115");
    expect(valueTypeOf("Quelle note santé a obtenu le scénario ?")?.kind).toBe("score");
    expect("obtient 44 points sur la grille".match(valueTypeOf("what health score did it get?")!.shape)?.[0]).toBe("44 points");
    // a count said in words
    expect("une quinzaine de participants par session".match(count.shape)?.[0]).toBe("quinzaine");
  });
});

describe("findValue", () => {
  it("weighs what the question says of the value, not how it asks it nor the city the sheet is in", async () => {
    // "à quelle date" and "Caen" had put first the sheet's 2022 dates ("Pas de date de fin prévue")
    const { passages } = await lookup("Caen la Mer a lancé un collectif des secouristes formés aux PSSM : à quelle date est prévue sa première réunion ?");
    expect(passages.map((p) => p.chunk.text.slice(p.start, p.end)).join(" ")).toContain("10 octobre 2023");
  });

  it("finds a venue, and answers with the sheet's only value of the asked kind when no sentence holding one says what the question asks", async () => {
    // "nous avons occupé une salle communale en centre-ville": the sheet's one venue, in its difficulties
    const { sheet, passages } = await lookup("Bourg-en-Bresse, ateliers slam parents-enfants : où se sont-ils finalement tenus ?");
    expect(sheet).toBe("bourg-en-bresse--une-voix-autrement");
    expect(passages.map((p) => p.value)).toEqual(["salle communale"]);
    const forum = await lookup("Où se tenait le forum santé de Montreuil ?");
    expect(forum.passages[0]?.value).toBe("place Jean Jaurès");
  });

  it("finds the sentence that holds a count the question names, in any field", async () => {
    const { sheet, passages } = await lookup("combien de situations examinées en RCP psy à Caen en 2022");
    expect(sheet).toBe("caen--accompagner-des-situations-complexes-preoccupantes");
    expect(passages[0].value).toBe("12");
    expect(passages[0].chunk.text.slice(passages[0].start, passages[0].end)).toContain("12 situations");
  });

  it("reads « combien en » as a count of the plural noun « en » stands for ('des ateliers : combien en ont eu lieu')", async () => {
    const asked = "La recherche-action lyonnaise sur les seniors, elle fonctionne avec des ateliers : combien en ont eu lieu ?";
    expect(valueTypeOf(asked)?.kind).toBe("count");
    const { passages } = await lookup(asked);
    expect(passages[0].chunk.text.slice(passages[0].start, passages[0].end)).toContain("5 ateliers");
  });

  it("reads an agency asked as a body, its kind words joined by a slash, and answers with the agency the sheet names", async () => {
    expect(valueTypeOf("quelle agence a mené l'étude ?")?.kind).toBe("organisation");
    const { passages } = await lookup("Paris Porte de Bagnolet interchange - which architecture/urban planning agency did the pre-operational urban study?");
    expect(passages[0].value).toBe("agence ZCCS");
  });

  it("answers who facilitated with the agent of the noun of that verb ('l'animation proposée par Sonia Sharapov')", async () => {
    const { passages } = await lookup("Who facilitated the 'mental health in my neighbourhood' awareness sessions in Nantes' priority areas?");
    expect(passages[0].value).toBe("Sonia Sharapov du CCOMS de Lille");
  });

  it("counts a thing by the acronym the sheet defines for it ('Réunions Pluriprofessionnelles Psy (RCP Psy)': '5 RCPpsy')", async () => {
    const { passages } = await lookup("À Caen, les réunions du CLSM sur les situations psy complexes : combien de réunions en 2022 ?");
    expect(passages[0].value).toBe("5");
    expect(passages[0].chunk.text.slice(passages[0].start, passages[0].end)).toContain("5 RCPpsy");
  });

  it("reads the topics asked of a thing named before the question ('…to run workshops. On what topics?') as the workshops' subjects", async () => {
    const { passages } = await lookup("For the environment-and-health walks offered to new students in Poitiers, the psychiatric hospital sent two staff to run workshops. On what topics?");
    expect(passages[0].value).toContain("gestion du stress");
  });

  it("counts people with whichever people the sheet counts", async () => {
    // the difficulties field: "Malgré tout, une quinzaine de participants par session", beside "6 sessions ont été proposées"
    const { passages } = await lookup("In Limoges, roughly how many people came to each awareness session in priority neighbourhoods?");
    expect(passages[0]?.value).toBe("quinzaine");
  });

  it("takes a first name and a surname for a person, never a sentence's capitalised article and noun", () => {
    const person = valueTypeOf("Who runs the listening spaces in Lille?")!;
    expect(person.kind).toBe("person");
    expect(person.shape.test("Les Espaces sont ouverts au sein des mairies de quartiers")).toBe(false);
    expect(person.shape.test("contact : Isabelle Kaucic, coordinatrice")).toBe(true);
  });

  it("reads how often as a frequency, answered with the sentence saying how often, in either language", async () => {
    expect(valueTypeOf("Quelle est la fréquence des réunions RCP Psy à Caen ?")?.kind).toBe("frequency");
    expect(valueTypeOf("How often do the Lille partners' breakfasts take place?")?.kind).toBe("frequency");
    const { sheet, passages } = await lookup("Quelle est la fréquence des réunions RCP Psy à Caen ?");
    expect(sheet).toBe("caen--accompagner-des-situations-complexes-preoccupantes");
    expect(passages[0]?.value).toBe("tous les 2 mois");
    const breakfasts = await lookup("How often do the Lille partners' breakfasts take place?");
    expect(breakfasts.passages[0]?.value).toBe("4 fois dans l'année");
  });

  it("reads a count glossed in brackets after the people it counts, and never a number of hours for a number of people", async () => {
    // "Les ateliers sont limités à un petit nombre de personnes (6 ou 8)", where the description gives "Durée : 3 heures"
    const { sheet, passages } = await lookup("How many people per group in Lorient's neighbourhood sessions with a psychologist?");
    expect(sheet).toBe("lorient--temps-echanges-avec-psychologue-pour");
    expect(passages[0]?.value).toBe("6");
    expect(passages.map((p) => p.value)).not.toContain("3");
  });

  it("finds the bodies a sheet names in brackets after counting them, whole ('deux associations (Rénovation et Dites Je Suis Là)')", async () => {
    const { passages } = await lookup("Which suicide prevention associations did Bordeaux's CLSM team up with?");
    expect(passages.map((p) => p.value)).toContain("Rénovation et Dites Je Suis Là");
    expect("l'opérateur départemental (association Rénovation)".match(valueTypeOf("Which associations?")!.shape)?.[0]).toBe("association Rénovation");
  });

  it("puts the bodies of the kind asked ('quelles associations') before a bare acronym or a body of another kind", async () => {
    const { passages } = await lookup("Avec quelles associations la Ville de Bordeaux a-t-elle travaillé contre le suicide ?");
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) expect(p.value).toMatch(/Rénovation/);
  });

  it("never reads a body's name across a list's bullet ('centre hospitalier / - Le lancement')", () => {
    const shape = valueTypeOf("Quelle association ?")!.shape;
    expect("des associations partenaires et du centre hospitalier\n- Le lancement".match(shape)?.[0] ?? "").not.toMatch(/\n/);
  });

  it("quotes a sentence once when two overlapping chunks hold it, alone or with its neighbour", async () => {
    const { passages } = await lookup("Quelle note santé a obtenu le scénario d'enfouissement total de l'échangeur de la Porte de Bagnolet ?");
    expect(passages[0]?.value).toBe("44 points");
    expect(passages.filter((p) => p.value === "44 points")).toHaveLength(1);
  });

  it("reads 'quel CMP…' as asking a body's name, found where the sheet spells the body out ('Centre médico-psychologique Paul Langevin')", async () => {
    expect(valueTypeOf("Quel CMP a rencontré les bailleurs ?")?.kind).toBe("organisation");
    expect(valueTypeOf("Which CHU took part?")?.kind).toBe("organisation");
    expect(valueTypeOf("quel projet ?")).toBeUndefined();
    const { passages } = await lookup("Quel CMP a rencontré les bailleurs sociaux au lancement du projet logement et santé mentale à Metz ?");
    expect(passages.map((p) => p.value)).toContain("Centre médico-psychologique Paul Langevin");
  });

  it("never takes a name's number for a count ('Covid-19')", () => {
    const count = valueTypeOf("how many people came?")!;
    expect("l'impact de la crise sanitaire du Covid-19 sur les habitants".match(count.shape)).toBeNull();
    expect("6 sessions ont été proposées".match(count.shape)?.[0]).toBe("6");
  });

  it("quotes a sentence once though two chunks hold it, and never takes the action's title for a person", async () => {
    // "Regards Sur" (of the title) had matched a first name and a surname in two overlapping chunks, quoted twice
    const { passages } = await lookup("Qui a animé l'action Regards sur l'Art à Poitiers ?");
    expect(passages.map((p) => p.value)).not.toContain("Regards Sur");
    const quotes = passages.map((p) => `${p.chunk.ficheId} ${p.chunk.text.slice(p.start, p.end).replace(/\s+/g, " ").trim()}`);
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it("finds what a body is made of, in the words the sheet uses ('composé de…')", async () => {
    expect(valueTypeOf("Who sits on the steering committee?")?.kind).toBe("members");
    expect(valueTypeOf("Qui compose le comité de pilotage ?")?.kind).toBe("members");
    expect(valueTypeOf("Quelles actions impliquent des membres du CLSM ?")).toBeUndefined();
    for (const question of ["Who sits on the organising committee of Poitiers' Regards sur l'Art project?", "Qui compose le comité organisateur de Regards sur l'Art à Poitiers ?"]) {
      const { sheet, passages } = await lookup(question);
      expect(sheet).toBe("poitiers--regards-sur-art");
      expect(passages[0]?.value, question).toBe("composé de bénéficiaires du RSA et d'agents du CCAS");
    }
  });

  it("puts first the number followed by what the question counts, over numbers beside its other words", async () => {
    // the sheet's description gives "3 heures" beside "psychologue"; its impacts, "97 participations … en 2021"
    for (const question of ["How many participations did Lorient's talk sessions with a psychologist record in 2021?", "Combien de participations aux temps d'échanges de Lorient en 2021 ?"]) {
      const { passages } = await lookup(question);
      expect(passages[0]?.value, question).toBe("97");
    }
  });

  it("finds what something is called, in quotes after what it names, in the sheet of the city the question names", async () => {
    expect(valueTypeOf("What was the cross-discovery action called?")?.kind).toBe("name");
    expect(valueTypeOf("In which Caen neighbourhood is the listening point?")?.kind).toBe("place");
    expect(valueTypeOf("quel quartier de Limoges est concerné ?")?.kind).toBe("place");
    const { sheet, passages } = await lookup("Which video does Boulogne's Espace Santé Jeunes show pupils to explain consent?");
    expect(sheet).toMatch(/^boulogne-billancourt--/);
    expect(passages[0]?.value).toBe("« cup of tea »");
    const rennes = await lookup("Arts et Soins en Mouvement in Rennes: what was the 2023 professional cross-discovery action called?");
    expect(rennes.passages[0]?.value).toBe('"Vis ma vie"');
  });

  it("counts with the number nearest what is counted, in the question's words or their French", async () => {
    // "Campagne d'affichage 3114 sur 50 panneaux": 50 counts the panneaux, not 3114
    const { passages } = await lookup("How many billboards did Bordeaux's 3114 poster campaign use in February 2022?");
    expect(passages.map((p) => p.value)).toContain("50");
    expect(passages.map((p) => p.value)).not.toContain("3114");
    expect(valueTypeOf("nombre max de séances avec la psychologue ?")?.kind).toBe("count");
  });

  it("names a company the sheet writes without quotes ('Cie Les excités')", async () => {
    const { passages } = await lookup("What's the name of the improv troupe that did surprise shows in Valence's university restaurants?");
    expect(passages[0]?.value).toBe("Cie Les excités");
  });

  it("finds the person a question asks for by role", async () => {
    const { passages } = await lookup("Quelle élue de Metz métropole suit le projet logement social et santé mentale ?");
    expect(passages[0]?.value).toBe("Isabelle Kaucic");
  });

  it("finds a person named outside the canonical fields, and never a place for a person", async () => {
    const { passages } = await lookup("Qui a animé les séances « La santé mentale dans mon quartier » dans les QPV nantais ?");
    // (with her body, as the passive's agent gives it: "animation proposée par Sonia Sharapov du CCOMS de Lille")
    expect(passages.map((p) => p.value).some((v) => v.startsWith("Sonia Sharapov"))).toBe(true);
    expect(passages.map((p) => p.value)).not.toContain("Nantes Nord");
  });

  it("takes no two capitalised common nouns for a person ('Direction Transition'): a person's name opens with a given name", async () => {
    const { passages } = await lookup("Aux balades vertes des étudiants à Poitiers, qui est venu animer les ateliers sur le stress et la méditation ?");
    for (const p of passages) expect(p.value).not.toMatch(/^(?:Direction|Transition)\b/);
    // (a sheet's person still answers: "Marina Lazzari coordinatrice CLSM")
    expect((await lookup("Who is the contact person for Lille's 24/7 psychological support line?")).passages.map((p) => p.value)).toContain("Marina Lazzari");
  });
});

describe("isPlaceholder", () => {
  it("recognises values that say there is nothing", () => {
    for (const v of ["/", "0", "0 E", "0 €", "néant", "Non", " - "]) expect(isPlaceholder(v), v).toBe(true);
    for (const v of ["80 000€", "non renseigné par la ville mais financé", "2022"]) expect(isPlaceholder(v), v).toBe(false);
  });
});

describe("findValue, enumerations and what is counted", () => {
  it("counts what follows 'how many other…', never an enumeration's item number ('1.', '2.2.')", async () => {
    const { passages } = await lookup("Apart from the cases examined in its bi-monthly multidisciplinary meetings, how many other ad hoc requests about complex situations did Caen's CLSM handle in 2022?");
    expect(passages[0]?.value).toBe("14");
    expect(passages.map((p) => p.value)).not.toContain("1");
    expect(passages.map((p) => p.value)).not.toContain("2");
  });

  it("reads 'N par an' as how often, and 'en mairie' as where", () => {
    const often = valueTypeOf("À quelle fréquence se réunissent-ils ?")!;
    expect(often.kind).toBe("frequency");
    expect("Le rythme des réunions est de 6 par an.".match(often.shape)?.[0]).toBe("6 par an");
    const where = valueTypeOf("Où ont lieu les réunions ?")!;
    expect(where.kind).toBe("place");
    expect("Des réunions régulières ont lieu en mairie avec les partenaires.".match(where.shape)?.[0]).toBe("en mairie");
  });

  it("answers 'who supplies…' with a body other than the one the question names, outside the fields listing bodies", () => {
    expect(valueTypeOf("and who supplies the breakfast?")?.kind).toBe("organisation");
    const q = understandQuestion(corpus, { question: "How many people usually come to the CLSM's housing and mental health breakfasts in Lille, and who supplies the breakfast?" });
    const found = findValue(q, { ficheId: "lille--petits-dejeuners-interconnaissance-habitat-sante", score: 1, chunks: [] }, valueTypeOf("who supplies the breakfast?")!, "who supplies the breakfast?");
    expect(found[0]?.value).toBe("EPSM");
  });

  it("answers what something consists of with the sentence saying what it offers ('La séance propose…')", async () => {
    expect(valueTypeOf("En quoi consiste une séance ?")?.kind).toBe("content");
    expect(valueTypeOf("What does a typical session consist of?")?.kind).toBe("content");
    const { sheet, passages } = await lookup("Poitiers runs summer sport mornings for isolated people: what does a typical session consist of?");
    expect(sheet).toBe("poitiers--ete-grand-air");
    expect(passages[0].value).toMatch(/^propose un réveil musculaire/);
  });

  it("reads a group's size as a count of the people in it, a part of a town as a place, and 'when' opening a clause as no date", () => {
    expect(valueTypeOf("How big are those groups?")?.kind).toBe("count");
    expect(valueTypeOf("Quelle taille font les groupes ?")?.kind).toBe("count");
    // "the group size": the noun before "size" says what is sized, people, not space
    expect(valueTypeOf("What's the group size for the talk sessions?")?.kind).toBe("count");
    expect(valueTypeOf("What is the workshop size?")?.kind).toBe("count");
    expect(valueTypeOf("How big is the garden?")?.kind).toBe("measure");
    expect(valueTypeOf("In which parts of Nantes were the awareness half-days held?")?.kind).toBe("place");
    expect(valueTypeOf("Which video clip do they show to pupils when talking about consent?")?.kind).toBe("name");
  });

  it("answers a group's size with the people a sentence counts, and who provides something from what the city's contribution says", () => {
    const size = understandQuestion(corpus, { question: "How big are those groups?" });
    const lorient = findValue(size, { ficheId: "lorient--temps-echanges-avec-psychologue-pour", score: 1, chunks: [] }, valueTypeOf("How big are those groups?")!);
    expect(lorient.map((p) => p.value)).toContain("6");
    const food = "Who provides the food for Lille's housing and mental health networking breakfasts?";
    const found = findValue(understandQuestion(corpus, { question: food }), { ficheId: "lille--petits-dejeuners-interconnaissance-habitat-sante", score: 1, chunks: [] }, valueTypeOf(food)!);
    expect(found[0]?.chunk.field).toBe("budget_city_contribution");
    expect(found[0]?.value).toBe("EPSM");
  });

  it("reads a venue named after a cultural centre or a theatre, never a street team ('équipe mobile de rue de Phare') for a street", () => {
    const where = valueTypeOf("Where was the professionals' day held?")!;
    expect("reportée au 15 octobre 2021 au centre culturel de l'Université de Rennes 1, le Diapason".match(where.shape)?.[0]).toBe("centre culturel de l'Université de Rennes");
    expect("équipe mobile de rue de Phare en Roannais".match(where.shape)).toBeNull();
  });
});

describe("count shapes", () => {
  it("reads no count in a phone number's pairs of digits nor in an ordinal", async () => {
    const { passages } = await lookup("How many calls did Lille's îlot psy line receive during the first lockdown?");
    // the sheet gives the line's number, "03 20 78 22 22", and counts no call
    for (const p of passages) expect(["03", "20", "78", "22"]).not.toContain(p.value);
    const count = valueTypeOf("Combien de livres ?")!.shape;
    expect(count.exec("en 4ème de couverture")).toBeNull();
    expect(count.exec("1er étage")).toBeNull();
    expect(count.exec("4 livres")?.[0]).toBe("4");
    // a service number as written, « 0 800 130 000 », counts nothing either
    const asked = understandQuestion(corpus, { question: "Combien de monde ?" });
    const line = (await rankForQuestion(asked)).find((r) => r.ficheId === "lille--mise-place-une-permanence-soutien")!;
    const values = findValue(asked, line, valueTypeOf(asked.question)!).map((p) => p.value);
    expect(values.filter((v) => /800/.test(v))).toEqual([]);
  });
});
