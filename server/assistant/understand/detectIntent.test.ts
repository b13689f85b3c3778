import { describe, expect, it } from "vitest";
import { asksScale, detectIntent, stripQuestionFrame } from "./detectIntent.ts";
import { valueTypeOf } from "./valueType.ts";

describe("detectIntent", () => {
  it.each([
    ["Quelles villes forment aux PSSM ?", "list"],
    ["Which cities run PSSM trainings?", "list"],
    ["Quel est le budget des Pôles Ressources Santé ?", "field"],
    ["actions similaires aux Balades vertes de Poitiers", "similar"],
    ["développement des compétences psychosociales", "general"],
    ["dispositifs proches de la maison des aidants de Caen", "similar"],
    ["Other projects like the Lyon helpline?", "similar"],
    // who else does what the question has just described
    ["One city ran six sessions in its neighbourhoods. Who else has run sessions like that?", "similar"],
    ["Qui d'autre organise des séances comme ça ?", "similar"],
    ["Who else works with social landlords?", "general"],
    ["soutien aux proches des personnes malades", "general"],
    ["I would like to know which cities train PSSM first aiders", "list"],
    ["Looking for mental health actions that happen inside schools or involve teachers — which ones?", "list"],
    ["Which Caen actions involve the local youth centre?", "list"],
    // "what do cities do about X?" asks which of them do it
    ["Logement et troubles psychiques : qu'est-ce que font les villes ?", "list"],
    ["Que font les collectivités contre l'isolement ?", "list"],
    ["What are cities doing about loneliness?", "list"],
    // what happened in a month: the actions that took place then
    ["Qu'est-ce qui s'est passé en avril 2023 ?", "list"],
    ["What took place in April 2023?", "list"],
    ["Which of these actions bring in the local hospital?", "list"],
    ["Quels dispositifs reposent sur une ligne joignable la nuit ?", "list"],
    // events and initiatives are actions too
    ["Quels événements ponctuels ont eu lieu en 2023 ?", "list"],
    ["Which one-off events took place in 2023?", "list"],
    // « où », where, opens the condition as « qui » does (not « ou », or: "Actions ou projets…" is no list by itself)
    ["Actions où la police municipale est partie prenante ?", "list"],
    // who does what the question has just named, by a pronoun, asks which cities do it; who works on a named project does not
    ["Bailleurs sociaux et maintien dans le logement : qui travaille là-dessus ?", "list"],
    ["Housing for people leaving psychiatric hospital — who is working on this?", "list"],
    ["Qui travaille sur le projet Pôles Ressources Santé ?", "general"],
    ["Des villes ont-elles glissé des ateliers cuisine dans leurs actions ?", "list"],
    ["Are any cities pairing their mental health work with cooking sessions?", "list"],
    ["Are there any mental health actions that include a nutrition workshop?", "list"],
    ["Are there any rules requiring balconies in new flats?", "general"],
    ["Actions évaluées par questionnaire auprès des participants ?", "list"],
    ["actions qui associent la préfecture ?", "list"],
    ["Any projects that had a safeguard in place?", "list"],
    ["Des projets artistiques ou culturels ?", "general"],
    ["actions pour la rentrée universitaire", "general"],
  ])("reads « %s » as %s", (question, kind) => {
    expect(detectIntent(question).kind).toBe(kind);
  });

  it("reads 'which ones' as a list of the actions named before it, not of a value's items", () => {
    expect(detectIntent("Lille's Pôles Ressources Santé started with five neighbourhoods — which ones?").kind).not.toBe("list");
    expect(stripQuestionFrame("actions that involve teachers — which ones?")).not.toMatch(/ones/);
  });

  it("reads 'other actions' as similar only after a sheet the question names", () => {
    expect(detectIntent("Qu'est-ce qui se rapproche de « Une voix(e) autrement » dans les autres fiches ?").kind).toBe("similar");
    const described = "Poitiers runs a seminar where councillors hear from people living with psychiatric disorders. Are there other actions where people with lived experience help?";
    expect(detectIntent(described, true).kind).toBe("similar");
    expect(detectIntent("Y a-t-il d'autres actions de prévention du suicide ?").kind).not.toBe("similar");
    expect(detectIntent("Y a-t-il ailleurs des projets artistiques, un peu comme Regards sur l'Art à Poitiers ?", true).kind).toBe("similar");
    // "du style X", and the others wanted "en dehors de Caen"
    expect(detectIntent("En dehors de Caen, existe-t-il des réunions pluripro du style RCP psy ?", true).kind).toBe("similar");
    expect(detectIntent("Outside Caen, are there case meetings?", true).kind).toBe("similar");
    expect(detectIntent("Quelles actions se déroulent en dehors des heures de bureau ?").kind).not.toBe("similar");
    expect(detectIntent("Apart from the cases examined in its meetings, how many other requests did Caen's CLSM handle?", true).kind).not.toBe("similar");
    // "s'inspirer de X", "quelles autres actions": X is a model ("inspired by" in English)
    expect(detectIntent("On voudrait s'inspirer de l'atelier slam de Bourg-en-Bresse : des idées ?", true).kind).toBe("similar");
    expect(detectIntent("Le séminaire des élus de Poitiers m'intéresse. Quelles autres actions font témoigner des usagers ?", true).kind).toBe("similar");
    expect(detectIntent("Quelles autres actions de prévention du suicide existent ?").kind).not.toBe("similar");
    // "des actions comme X": X is a model, once a sheet is named; "who else" asks a person
    expect(detectIntent("Qui d'autre mène des actions comme le groupe projet santé mentale des jeunes de Caen ?", true).kind).toBe("similar");
    expect(detectIntent("Lyon's research is steered by a trio: an emeritus professor, the city officer, and who else?", true).kind).not.toBe("similar");
    expect(detectIntent("Quelles villes mènent des actions comme les PSSM ?").kind).toBe("list");
  });

  it("reads actions that reach a public as whom they touch, and reaching someone as asking a contact", () => {
    expect(detectIntent("Which of these reach families on low incomes?").fields).not.toContain("contact");
    expect(detectIntent("Are there actions that reach isolated older people?").fields).not.toContain("contact");
    expect(detectIntent("How can I reach the coordinator of the Caen group?").fields).toContain("contact");
  });

  it("reads a phone that qualifies what is asked ('phone helplines', 'support by phone') as asking no contact, a phone number as asking one", () => {
    expect(detectIntent("Are there any phone helplines that cities set up for people in distress?").fields).not.toContain("contact");
    expect(detectIntent("Which cities offer support by phone?").fields).not.toContain("contact");
    expect(valueTypeOf("Are there any phone helplines that cities set up for people in distress?")?.kind).not.toBe("phone");
    expect(detectIntent("What is the phone number of the Lille CLSM coordinator?").fields).toContain("contact");
    expect(valueTypeOf("What is the phone number of the Lille CLSM coordinator?")?.kind).toBe("phone");
    expect(detectIntent("Quel est le téléphone du CLSM de Caen ?").fields).toContain("contact");
  });

  it("reads what went wrong as the difficulties field ('a eu du mal à', 'what made it hard')", () => {
    expect(detectIntent("Pourquoi la semaine à Valence a-t-elle eu du mal à toucher les élèves ?").fields).toContain("difficulties");
    expect(detectIntent("What made it hard to organise?").fields).toContain("difficulties");
  });

  it("keeps the asked fields of a list question, without making it a field question", () => {
    const intent = detectIntent("Quelles actions sont financées par la CAF ?");
    expect(intent.kind).toBe("list");
    expect(intent.fields).toContain("funders");
  });

  it("reads 'which of the city's actions get money from X' as a list relating sheets to their funders", () => {
    const intent = detectIntent("Which of the city's actions get money from the regional health agency?");
    expect(intent.kind).toBe("list");
    expect(intent.fields).toContain("funders");
  });

  it.each(["Who funds them?", "Who pays for it?", "Who paid for the trainings?"])("reads « %s » as asking for the funders", (question) => {
    const intent = detectIntent(question);
    expect(intent.kind).toBe("field");
    expect(intent.fields).toContain("funders");
  });

  it("takes a short « et leur… » as a follow-up, and a long question naming « leur » as a new one", () => {
    expect(detectIntent("et leur budget ?").followUp).toBe(true);
    // "ça", "cela": the French "it", the thing just spoken of
    expect(detectIntent("ça dure combien de temps, une séance ?").followUp).toBe(true);
    expect(detectIntent("What did the training set the city back?").fields).toContain("budget");
    // paying asks the funding fields, in French ("payé", folded "paye") as in English; the French "pays" is a country
    expect(detectIntent("qui a payé l'intervenante ?").fields).toContain("funders");
    expect(detectIntent("Who paid the facilitator?").fields).toContain("funders");
    expect(detectIntent("Quelles actions dans tout le pays ?").fields).not.toContain("funders");
    // "they", as "their": the sheets just cited
    expect(detectIntent("How many billboards did they book for the 2023 run of the campaign?").followUp).toBe(true);
    expect(detectIntent("How many billboards were booked for the 2023 run of the campaign?").followUp).toBe(false);
    // an intensifier points back as a pronoun does: the city just spoken of
    expect(detectIntent("Which psychiatric hospital was the partner, and how much did the city itself contribute?").followUp).toBe(true);
    expect(detectIntent("Combien la ville elle-même a-t-elle mis ?").followUp).toBe(true);
    expect(detectIntent("How much did the city contribute to the PSSM trainings?").followUp).toBe(false);
    // spoken French leaves « qui » last: a field asked, though the question is long
    expect(detectIntent("La ligne de soutien psy 24h/24 lancée à Lille pendant le premier confinement, c'était financé par qui ?").kind).toBe("field");
    const long = "Comment les villes associent-elles leur conseil local de santé mentale aux projets de prévention menés avec les bailleurs sociaux du territoire ?";
    expect(detectIntent(long).followUp).toBe(false);
  });

  it("takes « Et lesquelles… », however long, as asking among the last answer's sheets", () => {
    expect(detectIntent("Et lesquelles n'ont rien coûté à la commune, parce que payées par un organisme extérieur ?")).toMatchObject({ kind: "list", followUp: true });
    expect(detectIntent("And which ones were paid for by an outside body rather than by the town itself?").followUp).toBe(true);
    // not a relative "lesquelles" inside a new question
    expect(detectIntent("Quelles sont les actions pour lesquelles la commune a payé un intervenant extérieur sans aucune aide de l'État ?").followUp).toBe(false);
  });
});

describe("stripQuestionFrame", () => {
  it("reads the form's fields asked in everyday English and French words (role, difficulties, services, contact, learnings, success, funders, partners, porteur)", () => {
    const asks = (question: string) => detectIntent(question).fields;
    expect(asks("What part did the city play in the breakfasts?")).toContain("role");
    expect(asks("What hurdles did the campaign run into?")).toContain("difficulties");
    expect(asks("What challenges were faced by the walks?")).toContain("difficulties");
    expect(asks("Which municipal departments were involved?")).toContain("services_elus");
    expect(asks("Quels services municipaux sont impliqués ?")).toContain("services_elus");
    expect(asks("Who can I call about the meetings?")).toContain("contact");
    expect(asks("Any takeaways from the sessions?")).toContain("learnings");
    expect(asks("What was the key to its success?")).toContain("success_factors");
    expect(asks("Who sponsored the festival?")).toContain("funders");
    expect(asks("Which stakeholders took part?")).toContain("partners");
    expect(asks("Who organises the breakfasts?")).toContain("porteur");
    // the same words as a topic ask no field
    expect(asks("Which actions tackle the mental health challenges of students?")).not.toContain("difficulties");
    expect(asks("What services does the listening point offer?")).not.toContain("services_elus");
  });

  it("tells a question about the scale actions work at ('at metropolitan level', « à l'échelle d'une métropole »)", () => {
    expect(asksScale("Which actions operate at metropolitan level?")).toBe(true);
    expect(asksScale("Quelles actions à l'échelle d'un quartier ?")).toBe(true);
    expect(asksScale("Which actions are led at the level of the urban community?")).toBe(true);
    expect(asksScale("Which actions raise the level of mental health literacy?")).toBe(false);
  });

  it("reads leading an action together as who carries it ('Who co-led the housing project?')", () => {
    expect(detectIntent("Who co-led the housing project in Metz?").fields).toContain("porteur");
    expect(detectIntent("Which bodies co-led it?").fields).toContain("porteur");
  });

  it("reads which elected official by their title as the form's « Services et élus » field, not officials as a public", () => {
    expect(detectIntent("Which deputy mayor supported the campaign?").fields).toContain("services_elus");
    expect(detectIntent("Quelle adjointe a soutenu la campagne à Bordeaux ?").fields).toContain("services_elus");
    expect(detectIntent("Which cities train elected officials on mental health?").fields).not.toContain("services_elus");
    expect(detectIntent("sessions for councillors about psychiatric disorders").fields).not.toContain("services_elus");
  });

  it("reads no field in a name the question gives ('la Porte de Bagnolet' asks no porteur)", () => {
    expect(detectIntent("Quelle note santé a obtenu le scénario d'enfouissement de la Porte de Bagnolet ?").fields).not.toContain("porteur");
    expect(detectIntent("Qui porte l'action ?").fields).toContain("porteur");
  });

  it("drops the words that give the answer's shape, not its topic", () => {
    expect(stripQuestionFrame("Quelles villes forment aux PSSM ?")).toBe("forment aux PSSM ?");
    // a similar question's frame: the word for alike is how it asks, not what it asks of the sheets
    expect(stripQuestionFrame("Des actions similaires qui misent sur la pratique artistique ?")).toBe("Des actions qui misent sur la pratique artistique ?");
    expect(stripQuestionFrame("Anything comparable in schools?")).toBe("Anything in schools?");
  });

  it("drops an idiom for taking part, in French or English, whose noun names no topic ('la main à la pâte', 'hands dirty')", () => {
    expect(stripQuestionFrame("Où un psychiatre met-il concrètement la main à la pâte dans l'action ?")).toBe("Où un psychiatre dans l'action ?");
    expect(stripQuestionFrame("Where do nurses get their hands dirty in the workshops?")).toBe("Where do nurses in the workshops?");
    // the words alone are no idiom
    expect(stripQuestionFrame("Des ateliers pâte à sel pour les enfants ?")).toContain("pâte");
  });

  it("drops « avoir lieu » in any tense and the adverbs of how far along ('déjà', 'so far'): no place, no topic", () => {
    expect(stripQuestionFrame("Combien d'ateliers ont déjà eu lieu ?")).toBe("Combien d'ateliers ?");
    expect(stripQuestionFrame("How many workshops have taken place so far?")).toBe("How many workshops have ?");
    // « lieu » alone is a place
    expect(stripQuestionFrame("Dans quel lieu se tiennent les ateliers ?")).toContain("lieu");
  });

  it("strips a request's frame: who is asked to answer is no topic", () => {
    expect(stripQuestionFrame("Peux-tu me donner le contact ?")).toBe("le contact ?");
    expect(stripQuestionFrame("Can you tell me who leads it, please?")).toBe("who leads it, ?");
    expect(stripQuestionFrame("Donne-moi le budget de la Bibliothèque vivante")).toBe("le budget de la Bibliothèque vivante");
  });

  it("reads the form's 'type de projet' as its themes box, asked and not searched for", () => {
    const q = "Quelles fiches ont coché le type de projet « Lutter contre les discriminations » ?";
    expect(detectIntent(q).fields).toContain("themes");
    expect(stripQuestionFrame(q)).toBe("ont « Lutter contre les discriminations » ?");
    // and in English, however the box is named
    expect(detectIntent("Which action sheets are ticked as a 'governance / coordination' type of project?").fields).toContain("themes");
    expect(detectIntent("Which sheets are classed as governance / coordination projects (that project-type box ticked)?").fields).toContain("themes");
  });
});

describe("detectIntent on list questions naming a field word", () => {
  it("keeps the fields that relate a sheet to someone, not a word describing the thing asked", () => {
    expect(detectIntent("Quelles villes ont édité un guide ou des cartes contacts ?").fields).toEqual([]);
    expect(detectIntent("Quelles actions de Poitiers sont financées par l'ARS ?").fields).toContain("funders");
    expect(detectIntent("Quelles actions ont l'EPSM parmi leurs porteurs ?").fields).toContain("porteur");
  });

  it("asks for a value after a preposition, for a territory by its interrogative, and for money by 'how much' or a contribution", () => {
    expect(detectIntent("Sur quel territoire s'appliquent les formations PSSM de Caen ?")).toMatchObject({ kind: "field", fields: ["territory"] });
    expect(detectIntent("How much did Lille's health department put into its trainings?")).toMatchObject({ kind: "field" });
    expect(detectIntent("How much did Lille's health department put into its trainings?").fields).toContain("budget_city_contribution");
    // a list's frame is not a territory question
    expect(detectIntent("Quels territoires ont un CLSM ?").kind).toBe("list");
    // "any of them", "l'une d'elles": whether one of the previous answer's sheets does it is which of them do
    expect(detectIntent("Did peer helpers take part in any of them?").kind).toBe("list");
    expect(detectIntent("Est-ce que l'une d'elles travaille avec des pairs-aidants ?").kind).toBe("list");
  });

  it("reads the authority's own share as the contribution field alone, unless the budget is asked too, and 'Et combien…' as a field question", () => {
    const own = detectIntent("Et combien la métropole y a-t-elle mis sur son propre budget ?");
    expect(own.kind).toBe("field");
    expect(own.fields).toEqual(["budget_city_contribution"]);
    expect(detectIntent("How much of its own money did the town put in?").fields).not.toContain("budget_operating");
    const both = detectIntent("How much did the festival cost, and what was the city's own contribution?");
    expect(both.fields).toEqual(expect.arrayContaining(["budget", "budget_operating", "budget_city_contribution"]));
    expect(detectIntent("Combien a coûté l'action ?").fields).toContain("budget_operating");
  });

  it("reads 'how much time' and 'lead time' as no budget nor leader", () => {
    const q = detectIntent("How much lead time did the team have to set the event up?");
    expect(q.fields).not.toContain("budget");
    expect(q.fields).not.toContain("porteur");
    expect(detectIntent("Who leads the project?").fields).toContain("porteur");
    expect(detectIntent("How much did the project cost?").fields).toContain("budget");
  });

  it("keeps the difficulties field of a list about what held actions back, which retrieval then weighs first", () => {
    expect(detectIntent("Quelles actions ont été freinées par le manque de bénévoles ?")).toEqual({ kind: "list", fields: ["difficulties"], followUp: false });
    expect(detectIntent("Which projects were hampered by staff shortages?").fields).toEqual(["difficulties"]);
    // a list about what sheets do keeps no descriptive field
    expect(detectIntent("Quelles villes forment aux PSSM depuis 2020 ?").fields).toEqual([]);
  });

  it("takes a question opening on the previous answer's sheets as a follow-up, however long", () => {
    expect(detectIntent("And in which of those did staff from the mental health hospital, or a psychologist, actually run some of the sessions?").followUp).toBe(true);
    expect(detectIntent("Parmi elles, lesquelles réunissent les partenaires à intervalles réguliers pour examiner des situations individuelles ?").followUp).toBe(true);
    expect(detectIntent("Et dans lesquelles c'est le CCOMS ou le centre national de ressources qui a tout payé, sans budget de la ville ?").followUp).toBe(true);
    expect(detectIntent("Quelles sont les villes dans lesquelles le CCOMS a tout payé, sans budget de la ville ni de l'ARS ?").followUp).toBe(false);
    // a long question merely naming "their" is a new one
    expect(detectIntent("Which cities run trainings for their agents on mental health first aid in their neighbourhoods and schools?").followUp).toBe(false);
  });

  it("keeps the success factors field of a list about what helped actions along, and reads no field in 'helped' alone", () => {
    expect(detectIntent("Where did backing from elected officials help the action along?")).toEqual({ kind: "list", fields: ["success_factors"], followUp: false });
    expect(detectIntent("Which actions helped young people find a psychologist?").fields).toEqual([]);
    expect(detectIntent("Which actions say the crisis helped get them off the ground?").fields).toEqual(["success_factors"]);
  });

  it("reads 'when' as asking a date only as a question word, not opening a clause", () => {
    expect(detectIntent("When did the Lille action start?").fields).toContain("date");
    expect(detectIntent("Who runs it and when?").fields).toContain("date");
    expect(detectIntent("Which video clip does the centre show to pupils when talking about consent?").fields).toEqual([]);
  });

  it("reads a question opening on « ils »/« elles » as going on about the last answer's sheets", () => {
    expect(detectIntent("Ils se réunissent combien de fois dans l'année ?").followUp).toBe(true);
    expect(detectIntent("Elles sont financées par qui ?").followUp).toBe(true);
    // an inversion in a fresh question refers to its own subject
    expect(detectIntent("Quelles villes ont-elles formé des agents au repérage ?").followUp).toBe(false);
  });

  it("reads a cost « pris en charge par » someone as funded by them, and « prise en charge » alone as care", () => {
    const q = "Et pour lesquelles le coût de l'intervention a été pris en charge par le CCOMS ?";
    expect(detectIntent(q).fields).toContain("funders");
    expect(stripQuestionFrame(q)).toBe("Et pour lesquelles le coût de l'intervention a été financé par le CCOMS ?");
    expect(detectIntent("Quelles actions améliorent la prise en charge psychiatrique ?").fields).toEqual([]);
    expect(stripQuestionFrame("Quelles actions améliorent la prise en charge psychiatrique ?")).toContain("prise en charge");
  });

  it("reads 'Quels résultats ?' and 'What did they learn from it?' as the impacts and learnings fields, « effets » alone as a topic", () => {
    expect(detectIntent("Quels résultats ?").fields).toEqual(["impacts"]);
    expect(detectIntent("Did it work?").fields).toEqual(["impacts"]);
    expect(detectIntent("What did they learn from it?").fields).toEqual(["learnings"]);
    expect(detectIntent("Quels enseignements tirés ?").fields).toEqual(["learnings"]);
    expect(detectIntent("les effets du confinement sur la santé mentale").fields).toEqual([]);
  });

  it("reads the English idioms of paying ('picked up the bill', 'foots the bill', 'covered the cost') as funded, their nouns no topic", () => {
    for (const q of ["Who picked up the bill for the facilitator?", "who foots the bill?", "Which of those didn't pay because the CCOMS side covered the cost?", "Who covered the facilitator's cost in Limoges?"]) {
      expect(detectIntent(q).fields, q).toContain("funders");
      expect(stripQuestionFrame(q), q).not.toMatch(/bill|cost/);
    }
    expect(detectIntent("Who drew up the bill of rights?").fields).not.toContain("funders");
  });

  it("reads « font pareil », « la même chose », \"do the same\" as how a similar question is put, no topic", () => {
    for (const question of ["D'autres villes font pareil ?", "D'autres villes font la même chose ?", "Do other cities do the same?"]) {
      expect(detectIntent(question, true).kind, question).toBe("similar");
      expect(stripQuestionFrame(question), question).not.toMatch(/pareil|chose|same/);
    }
  });

  it("reads people « en difficulté » as a public, not the form's difficulties", () => {
    const question = "Ailleurs, y a-t-il des actions qui passent par l'art pour des personnes en difficulté ?";
    expect(detectIntent(question).fields).not.toContain("difficulties");
    // what put the action in difficulty is the field
    expect(detectIntent("Qu'est-ce qui a mis l'action en difficulté à Lorient ?").fields).toContain("difficulties");
    expect(detectIntent("Quelles difficultés a rencontrées l'action ?").fields).toContain("difficulties");
  });

  it("reads « dans la même veine que » a named action as asking for similar ones, « veine » no topic", () => {
    expect(detectIntent("des projets dans la même veine que « Une voix(e) autrement » à Bourg-en-Bresse ?", true).kind).toBe("similar");
    expect(stripQuestionFrame("des projets dans la même veine que « Une voix(e) autrement » ?")).not.toContain("veine");
  });

  it("reads « fiches où / qui / dont … » and 'sheets where / that …' as asking for the sheets", () => {
    expect(detectIntent("fiches où le type de démarche « gouvernance / coordination » est coché").kind).toBe("list");
    expect(detectIntent("Sheets where the 'governance' box is ticked?").kind).toBe("list");
    expect(detectIntent("Fiches dont le budget dépasse 10 000 € ?").kind).toBe("list");
  });

  it("reads who is doing something now, naming no city, as asking for the cities that do it", () => {
    expect(detectIntent("Who's rolling out Mental Health First Aid (PSSM) courses?").kind).toBe("list");
    expect(detectIntent("Who is running peer support groups?").kind).toBe("list");
    // a sheet named: its agent is asked
    expect(detectIntent("Who's running the Lille PSSM courses?", true).kind).not.toBe("list");
    expect(detectIntent("Who is the contact person for the PSSM courses?").kind).not.toBe("list");
  });

  it("reads a leading clause of time or condition as the scene, the main clause after its comma as the question", () => {
    const q = "Quand on oriente quelqu'un vers une permanence d'écoute, il a droit à combien de séances au maximum ?";
    expect(detectIntent(q).fields).not.toContain("date");
    expect(detectIntent("When someone is referred to the listening service, how many sessions can they get?").fields).not.toContain("date");
    // « quand » asking by inversion, or joined to the rest by "et", is the question
    expect(detectIntent("Quand la ville a-t-elle lancé les balades, et avec qui ?").fields).toContain("date");
    expect(detectIntent("Quand a démarré l'action de Lille ?").fields).toContain("date");
  });

  it("reads no field in a name opening the question ('Porte de Bagnolet' asks no porteur)", () => {
    expect(detectIntent("Porte de Bagnolet : quelle note santé a obtenu le scénario retenu ?").fields).toEqual([]);
    expect(detectIntent("Porteur de l'action à Lille ?").fields).toContain("porteur");
  });

  it("reads whether any city does something as which do ('Est-ce qu'une ville…', 'Does any city…')", () => {
    expect(detectIntent("Est-ce qu'une ville forme le personnel des crèches ?").kind).toBe("list");
    expect(detectIntent("Does any city train crèche staff?").kind).toBe("list");
    expect(detectIntent("Est-ce que la ville de Lille forme ses agents ?").kind).not.toBe("list");
  });
});

describe("detectIntent on the form's ticked boxes", () => {
  it("reads a ticked box the question names by no box list as a box of any of them", () => {
    expect(detectIntent("Dans quelles fiches la case « Vie citoyenne » est-elle cochée ?").fields).toEqual(["determinants", "themes", "territory_specifics"]);
    expect(detectIntent("Which sheets ticked the urban planning box?").fields).toEqual(["determinants", "themes", "territory_specifics"]);
  });

  it("keeps the box list the question names", () => {
    expect(detectIntent("Dans quelles fiches l'urbanisme est-il coché parmi les déterminants ?").fields).toEqual(["determinants"]);
    expect(detectIntent("Which actions have the priority neighbourhood box ticked in their territory specifics?").fields).toEqual(["territory_specifics"]);
  });

  it("reads no box in a box of tools or a case study", () => {
    expect(detectIntent("Quelles actions proposent une boîte à outils ?").fields).toEqual([]);
    expect(detectIntent("Which cities study complex cases together?").fields).toEqual([]);
  });
});
