// What kind of answer a question wants. Patterns are over folded text (no accents, lower
// case) and cover French and English phrasings of the four intents of DESIGN.md.
import { fold } from "../../../ingest/text/index.ts";
import { monthBoundOf } from "./monthConstraint.ts";
import { TUNING } from "../tuning.ts";
import { budgetBoundOf } from "./budgetConstraint.ts";
import { yearBoundOf } from "./yearConstraint.ts";
import { periodAsked } from "./periodConstraint.ts";
import { PHONE_ASKED } from "./valueType.ts";

export type IntentKind = "list" | "field" | "similar" | "general";

export interface DetectedIntent {
  kind: IntentKind;
  /** canonical fields the question asks for (budget, partners…), possibly with another intent */
  fields: string[];
  /** the question refers back to the sheets of the previous answer ("et leur budget ?") */
  followUp: boolean;
}

// "proches d'Arts…" and, after a noun naming actions, "proches de la…" ("les proches des malades" are relatives);
// "projects like X", "anything like X": "like" after a noun naming actions, never the verb ("I'd like")
const SIMILAR =
  /\b(similaires?|similar|comparables?|proches? d'|(?:actions?|projets?|dispositifs?|initiatives?|programmes?) (?:les plus )?proches? d(?:e|es|u)|ressembl\w*|analogues?|equivalent\w*|du meme type|(?:something|anything|actions?|projects?|initiatives?|programm?e?s?|schemes?) like|other cities doing|autres? actions? comme|se rapproch\w*|(?:who else|qui d'autre)\b[^?]*\b(?:like (?:that|this|these|those|it)|comme (?:ca|cela|celle-ci|celles-ci|celui-ci|ceux-ci)))\b/;
/** "D'autres actions misent-elles… ?", "Are there other actions where…": similar only after a sheet the question names. */
/** ", like Lille's line", "the way Caen's group does", ", comme « Une voix(e) autrement »", "du style RCP psy", "s'inspirer de",
 * "quelles autres actions", "qui d'autre mène des actions comme le groupe … de Caen": the sheet named is a model ("who
 * else" alone asks a person: "…, and who else?"). */
const OTHERS = /\b((?:actions?|projets?|initiatives?|dispositifs?|demarches?) comme (?:le|la|les|l'|celles?|celui|ceux)|d'autres (?:actions?|projets?|dispositifs?|initiatives?|demarches?|villes?)|(?:quel(?:le)?s?|les) autres (?:actions?|projets?|dispositifs?|initiatives?|demarches?|villes?)|s'inspirer (?:de|du|des|d')|other (?:actions?|projects?|initiatives?|schemes?|examples?|programm?es?|cit(?:y|ies)|towns?)|un peu comme|dans le (?:meme|même) esprit|(?:dans|de) la (?:meme|même) veine|along the same lines|du (?:meme|même) (?:genre|type)|du (?:style|genre|type)|a la maniere d|dans l'esprit d(?:e|u|es|')|approchante?s?|ailleurs|elsewhere|in the same vein|in the spirit of|along the lines of|modell?ed on|inspired by|the way)\b|,\s*(?:just )?(?:like|comme)\b/;
/** "En dehors de Caen, …", "Outside Lille": the others than a place named (a capital follows; "apart from the cases…" is no place). */
const OTHER_THAN_NAMED = /(?<![\p{L}])(?:[Ee]n dehors d(?:e|u|es|['’])|[Hh]ors d(?:e|u|es|['’])|[Oo]utside(?: of)?|[Aa]part from|[Oo]ther than)\s*\p{Lu}/u;
// "Est-ce qu'une ville forme…", "Does any city…": whether one does asks which do
// ("Which Caen actions…", "Which of these actions…", « Quels dispositifs… », « Des villes ont-elles… », "Are any cities…",
// a question opening on the actions and what they do or had done to them, « Actions évaluées par… », « actions qui associent… »:
// the frames of a list, as "Which cities…")
const LIST = /\b(quelles?|quels) (sont les )?(villes?|communes?|collectivites?|fiches?(-actions?)?|actions?|projets?|territoires?|evenements|initiatives)\b|\b(which|what) (other )?(cities|towns|municipalities|action sheets|sheets|actions|projects|mental health actions|events|initiatives)\b|\bwhich of them\b|\bwhich (?:[\w'’-]+ ){1,2}(?:actions|projects|schemes|events|initiatives)\b|\bquels dispositifs\b|^(?:des |les )?(?:actions (?:qui|dont|[a-z-]+ees?)|(?:projets|dispositifs) (?:qui|dont))\b|^(?:any )?(?:actions|projects|schemes) (?:that|which|where)\b|\bdes villes ont-elles\b|\bare any (?:cities|towns)\b|\bany (?:cities|towns) (?:that|which|where)\b|\bare there any (?:[\w-]+ ){1,2}(?:actions|projects|schemes)\b|\bdo any of the (?:actions|projects|sheets)\b|\b(?:actions|projects|sheets|schemes|programmes|programs|initiatives)\b[^?]*\bwhich ones\b|\bany of (?:them|those|these)\b|\b(?:l['’]une?|certaine?s?) d['’](?:entre )?(?:elles|eux)\b|\bwhich of (?:the|our|its|their|your) (?:[\w'’-]+ )?(?:actions|projects|sheets|schemes)\b|\blesquel(le)?s\b|^(ou|where)\b|\bfiches?(?:-actions?)? (avec|qui|ou|dont|ayant)\b|^(?:the )?(?:action )?sheets (?:with|that|where|which|whose)\b|\blist(e|ez)?\b|\by a-t-il des (actions?|fiches?|projets?|villes?)\b|\bexiste-t-il des\b|\bare there (any )?(actions|sheets|projects|cities)\b|\b(which|what) are the ([\w-]+ ){0,3}(actions|sheets|projects|cities)\b|\bquelles sont les ([\w-]+ ){0,3}(actions|fiches|villes)\b|\best-ce qu(?:'une|'un|e des) (villes?|communes?|collectivites?|actions?|projets?)\b|\b(?:does|do|did|has|have) any (cit(?:y|ies)|towns?|municipalit(?:y|ies))\b|\bis there (?:a|any) (city|town|municipality)\b|\b(?:qu'est-ce que|que) font (?:les|des|nos|d'autres) (?:villes|communes|collectivites)\b|\bwhat (?:do|are) (?:the |other )?(?:cities|towns|municipalities) (?:do|doing)\b/;

/** "Who's running…", "who is rolling out…", "who are doing…": who is doing something now. */
const WHO_IS_DOING = /^(?:and |et )?who(?:'s|’s| is| are)(?: (?:now|currently|already|actually))? (?!(?:going|being)\b)[a-z]+ing\b/;

/** What happened, took place or went on (folded; general French and English). */
const HAPPENED = /\b(?:qu'est-ce qui s'est passe|que s'est-il passe|qu'est-ce qui (?:a eu|avait) lieu|qu'est-ce qui se passait|what (?:happened|took place|went on|was (?:going )?on|was happening))\b/;

/** A cost covered by someone: « le coût … a été pris en charge », « frais pris en charge » (folded, or as written). */
const COST_COVERED = /\b(couts?|coûts?|frais|depenses?|dépenses?)\b([^?.!]{0,60}?)\bpris(?:e|es)? en charge\b/iu;

/** Paying as an English idiom: "picked up the bill", "foots the bill", "covered the cost" (general English phrasing). */
const BILL_PAID = /\b(?:pick(?:ed|s|ing)? up|foot(?:ed|s|ing)?|settl(?:ed|es|e|ing)) the (?:[\w'’-]+ )?(?:bill|tab)\b|\b(?:cover(?:ed|s|ing)?|b(?:ore|ears?|earing)) the (?:[\w'’-]+ ){0,2}(?:costs?|bill|expenses?)\b/iu;

const OWN_SHARE = /\b(?:(?:son|sa|ses|leurs?) propres? (?:budget|argent|fonds|moyens|contribution|enveloppe|deniers)|(?:its|their|[a-z]+'s) own (?:budget|money|funds|contribution|share|resources|pocket|purse)|de sa poche|de leur poche|part (?:de la|prise par la) (?:ville|commune|collectivite|metropole)|contribution de (?:la ville|la commune|la collectivite|la metropole)|(?:city|town|municipality|council)'?s? (?:own )?(?:share|contribution))\b/;
const BUDGET_WORDS = /\b(budget|cout\w*|coute|combien a coute|montant|quelle somme|cost\w*|spent|spend|how much(?! (?:[a-z-]+ )?(?:time|notice|space|area|surface|room))|contribu\w*|put into|depens\w*|set (?:[a-z'-]+ ){1,3}back)\b/;
/** The form's territory field, « Échelle de territoire concerné »: the scale or area an action covers (folded text). */
// ("operate at metropolitan level", "at the level of a metropolitan authority": the scale an action works at)
const TERRITORY_WORDS = /\b(echelle|territoire concerne|territory|scale|perimetre|quel(?:le)? (?:territoire|zone|secteur)|(?:which|what) area|area covered|(?:metropolitan|inter-?municipal|intercommunal|municipal|city|town|neighbou?rhood|district|regional|departmental|local) level|at the level of)\b/;

/** Whether a question asks about the scale or area actions cover (a list asks it of every sheet's territory field). */
export const asksScale = (question: string): boolean => TERRITORY_WORDS.test(fold(question));

const FIELD_PATTERNS: [RegExp, string[]][] = [
  [BUDGET_WORDS, ["budget", "budget_operating", "budget_investment", "budget_city_contribution"]],
  // "qui a payé l'intervenante ?", "who paid the facilitator?": paying, in either language (folded: "payé" is "paye"; the
  // French "pays" is a country, so the English "pays" only before "for")
  [/\b(financ\w*|funded|funders?|funding|funds?|money|argent|paid( for)?|pays? for|pay(?:ing)?(?= (?:for|the|a|an|their|its)\b)|pay(?:e|ee|es|ees|er|ent)|paient|co-?finance\w*|co-?funded|sponsor(?:s|ed|ing)?|grants?)\b/, ["funders", "budget_city_contribution"]],
  // a cost "pris en charge par" someone is paid by them ("le coût de l'intervention a été pris en charge par le CCOMS"); «
  // prise en charge » alone is care ("prise en charge psychiatrique")
  [COST_COVERED, ["funders", "budget_city_contribution"]],
  [BILL_PAID, ["funders", "budget_city_contribution"]],
  // « mis de sa poche », "out of its own pocket", « la part de la ville »: the collectivity's own share, a field of its own
  [OWN_SHARE, ["budget_city_contribution"]],
  [/\b(partenaires?|partners?|partenariats?|stakeholders?)\b/, ["partners"]],
  // (a phone that qualifies what is asked, "phone helplines", "support by phone", asks for no number)
  // ("who should I get in touch with?", "who can I call about it?")
  // ("Which of those reach people on welfare?", "actions that reach young people": a subject reaching a public is whom
  // an action touches, not how to get in touch)
  [new RegExp(String.raw`\b(contact\w*|joindre|(?<!\b(?:those|these|which|that|who|they|ones|actions|projects|schemes|programmes|programs|initiatives|services) )reach|email|get in touch|who (?:should|can|could|do) (?:i|we) (?:call|ring|write to|speak to|talk to)|${PHONE_ASKED})\b`), ["contact"]],
  // (folded: "portées par", "co-portée" carry the action as "porteurs" does; "porte sur" says what it is about)
  // ("who runs the one in Bourg?": who runs an action is who carries it)
  // ("who co-led the scheme?": leading an action together is carrying it together, « co-porté »)
  [/\b(porte|portent|porteurs?|portee?s? par|co-?porte\w*|pilote\w*|leads?(?! time)|led by|co-?led|runs? it|who (?:runs|ran|led|organi[sz]e[sd]?)|qui organise\w*|coordonne|in charge)\b/, ["porteur"]],
  // ("What part did the city play?": the part a body plays is its role)
  [/\b(role|part (?:did|does|do|has|have) (?:the |its |their )?[a-z'-]+(?: [a-z'-]+)? play|part (?:it|they) play(?:ed|s)?)\b/, ["role"]],
  // "when" asks a date as a question word ("When did it start?", "…, and when?"), not opening a clause ("which clip do
  // they show when talking about consent?")
  [/\b(quand|periode|duree|depuis quand|period|how long|dates?)\b|(?:^|[,;] |\band |\bsince )when\b|\bwhen (?=(?:did|does|do|was|were|is|are|will|has|have|had|exactly)\b)|\bwhen\W*$/, ["period", "date"]],
  // "sur quel territoire…", "which area…"; not "quels territoires" (a list's frame)
  [TERRITORY_WORDS, ["territory"]],
  // the form's « Services et élus impliqués », or which of them by their title ("which deputy mayor…", « quelle adjointe… »);
  // not officials as a public ("Who trains elected officials?", "teaching councillors…")
  [/\b(services? et elus|elus? implique\w*|elected officials involved|(?:which|what) (?:deputy mayors?|elected officials?|elected members?|councill?ors?)|quel(?:le)?s? (?:elu\w*|adjointe?s?|maires? adjointe?s?)|(?:which|what) (?:city |municipal |council |town hall )?(?:departments|services) (?:were |are |was |is )?(?:involved|took part|take part)|(?:which|what) (?:city|municipal|council) (?:departments|services)|quels services (?:de la (?:ville|commune|collectivite)|municipaux))\b/, ["services_elus"]],
  // "a eu du mal à toucher…", "what made it hard to organise?": what went wrong is the form's difficulties field
  [/\b((?<!\ben )difficultes?|(?:mis|mise|mises|met|mettent|mettre|mettait) (?:[\w']+ ){0,2}en difficultes?|frein\w*|obstacles?|difficulties|du mal a|made it hard|hard to|struggled?|hampered|hindered|held back|(?:challenges|hurdles|problems|barriers|setbacks) (?:did|does|do|has|have|had|were|was)\b[^?]*\b(?:face[ds]?|meet|met|encounter(?:ed)?|run into|ran into|hit|come up against|came up against)|(?:challenges|hurdles|problems|setbacks) (?:faced|encountered|met))\b/, ["difficulties"]],
  // what came of an action and what was learnt from it are the form's impacts and learnings fields, asked in so many words
  // ("Quels résultats ?", "What did they learn from it?"); « effets » or "impact" alone are as often a topic
  [/\b(quels? (?:sont les |ont ete les |etaient les )?resultats|what (?:were |are |have been )?the (?:results|outcomes)|what results|resultats (?:obtenus|observes)|(?:did|does|has) it work(?:ed)?|ca a marche|ca marche)\b/, ["impacts"]],
  [/\b(apprentissages?|enseignements? (?:tires?|retenus?)|lecons? (?:tirees?|apprises?)|lessons? (?:learn(?:ed|t)|drawn)|what (?:did|have|has) (?:they|we|you|it|the [a-z]+) learn(?:ed|t)?|qu'ont-ils appris|qu'a-t-on appris|what was learn(?:ed|t)|takeaways?|quels enseignements)\b/, ["learnings"]],
  // the form's checkbox lists: a question about what a sheet "ticks" asks for those boxes
  [/\b(determinants?)\b/, ["determinants"]],
  // the form's « Éventuelles spécificités du territoire concerné » box list, by its label in either language
  [/\b(specificites? (?:du|de son|de leur) territoire|territor(?:y|ial) specifics|specific features of the (?:territory|area)|local specificities)\b/, ["territory_specifics"]],
  // the form asks "Type de projet/démarche" in the themes box
  // (in English "project type", "project-type box", "type of project")
  [/\b(thematiques?|themes?|types? de (?:projet|demarche)|project[- ]types?|types? of (?:projects?|approach))\b/, ["themes"]],
  [/\b(facteurs? de reussite|facteurs? (?:qui )?(?:ont |a )?favorise\w*|leviers?|success factors|what helped|made (?:it )?possible|rendu possible|help(?:ed|s)? (?:[a-z]+ ){0,2}along|helped (?:to )?get (?:it|them|the action|the project) off the ground|helped (?:it|the action|the project|them) (?:succeed|work|along)|keys? to (?:its |their |the )?success|what made (?:it|them|the [a-z'-]+(?: [a-z'-]+)?) (?:work|a success|succeed)|(?:aide|contribue) a (?:la|sa|leur) reussite)\b/, ["success_factors"]],
];

/** "sur son propre budget", "the city's own contribution", "out of its own pocket": the share the sheet's own authority
 * put in, which the form asks apart ("Contribution de votre collectivité"), not the action's whole budget. */
const BUDGET_FIELDS = new Set(["budget", "budget_operating", "budget_investment"]);

/** "And in which of those did…", "Parmi elles, lesquelles…", "Et dans lesquelles…", "Et lesquelles…": a question opening on the previous answer's sheets is about them, however long. */
const AMONG_THEM = /^(?:(?:et|and) )?(?:(?:in|for|with|at) )?(?:which of (?:those|them|these)|(?<=^(?:et|and) )(?:lesquel(?:le)?s|which ones)\b|(?:dans|chez|pour|parmi) lesquel(?:le)?s\b|parmi (?:elles|eux|celles-ci|ceux-ci|ces (?:actions|fiches|villes|projets)),? (?:lesquel\w*|laquelle|lequel|quelles?|quels?))\b/;

/** The sheets asked for by "which of them", "lesquelles": not a value of each ("parmi elles, quel budget"). */
const WHICH_OF_THEM = /\b(?:which of (?:those|them|these)|lesquel\w*|laquelle|lequel)\b/;

/** (an intensifier points back as a pronoun does: "how much did the city itself contribute?" is the city just spoken of) */
const FOLLOW_UP = /^(et|and|what about|et pour)\b|^(?:ils|elles|elle|il(?! (?:y a|y avait|existe|existait|faut|fallait|s'agit|reste|manque|semble|est possible)))\b|\b(leurs?|ces (actions|fiches|villes)|celles?-ci|ceux-ci|lesquel(le)?s|laquelle|lequel|they|them|their|its|those|these ones|of them|parmi elles|parmi eux|ca|cela)\b|\bthe (?:[a-z-]+ ){1,2}one\b|\b(?:that|this) one\b|\b(?:celle|celui) (?:de|du|d'|des|a|au)\b|\bthe (?:city|town|council|municipality) itself\b|\bla (?:ville|commune|collectivite|municipalite) elle-meme\b/;

/** « Bailleurs sociaux et maintien dans le logement : qui travaille là-dessus ? », "who works on this?": who does what
 * the question has just named (a pronoun, no name) asks which cities do it. */
const WHO_DOES_THIS = /\b(?:qui|who(?:'s| is| are)?|which cities are)\s+(?:travaill\w*|agi\w*|fai[ts]|font|s'en occupe\w*|s'y (?:colle\w*|met\w*)|work(?:s|ing)?|do(?:es|ing)?)\s+(?:(?:deja|already)\s+)?(?:la-dessus|dessus|sur ce (?:sujet|theme)|ca|cela|on (?:this|that|it)|this|that)\s*\??\s*$/;
/** « Actions où la police municipale est partie prenante ? »: the actions where something holds (« où », not « ou »,
 * which folding would confuse). */
const ACTIONS_WHERE = /^\s*(?:des |les )?(?:actions|projets|dispositifs|fiches|villes) où(?=\s)/iu;
/** « la case … est-elle cochée ? », "which sheets ticked the … box?": a box of the form, whichever of its box lists holds
 * it when the question names none of them. */
const TICKED = /\b(cochee?s?|cocher|cochent|coche|(?:la|une|les|des|cette|ces) cases?|ticked|ticks?|tick(?:ing)? (?:the|a|that|this)|checkbox(?:es)?|check[- ]?box(?:es)?|(?:the|a|that|this) box(?:es)?)\b/;
const LIST_FIELDS = new Set(["difficulties", "success_factors", "funders", "budget_city_contribution", "partners", "porteur", "determinants", "themes", "territory_specifics"]);

/**
 * "Quand on oriente quelqu'un vers une permanence, il a droit à combien de séances ?", "When someone is referred, how
 * many sessions can they have?": a leading clause of time or condition, closed by a comma before the interrogative,
 * sets the scene; the question is the main clause after it (French and English grammar: « quand » and "when" there
 * open a subordinate clause, not a question). A clause asking by inversion ("Quand la ville a-t-elle lancé…, et avec
 * qui ?") is itself a question, as is one the rest joins with "et"/"and".
 */
const LEADING_CLAUSE = /^(?:quand|lorsqu(?:e|')|when|whenever|once|si|if)\b(?![^,?]*-t-|[^,?]*est-ce)[^,?]{3,}?,\s*(?!(?:et|and|ou|or|puis|then)\b)(?=(?:[a-z'-]+\s+){0,8}?(?:combien|quel(?:le)?s?|qui|ou|comment|pourquoi|how|what|which|who|where|why)\b)/;

/** The leading clause, on the question as written (its letters unfolded). */
const LEADING_CLAUSE_RAW = new RegExp(LEADING_CLAUSE.source.replace("[a-z'-]", "[\\p{L}'’-]").replace("lorsqu(?:e|')", "lorsqu(?:e|['’])"), "iu");

/** `namesSheet`: the question names a city of the corpus or quotes a title, so "other actions" are other than that one. */
export function detectIntent(question: string, namesSheet = false): DetectedIntent {
  const q = fold(question).replace(LEADING_CLAUSE, "");
  // a name inside the question is no field it asks for: "la Porte de Bagnolet" asks no "porteur"
  // (nor does a name opening it: "Porte de Bagnolet : quelle note…")
  const unnamed = fold(question.replace(LEADING_CLAUSE_RAW, "").replace(/^\s*\p{Lu}\p{Ll}[\p{L}'’-]*(?=\s+(?:(?:de|du|des|de la|d['’])\s*)?\p{Lu})/u, " ").replace(/(?<=[\p{L}\p{N},;:'’]\s+)\p{Lu}\p{Ll}[\p{L}'’-]*/gu, " "));
  const named = [...new Set(FIELD_PATTERNS.filter(([re]) => re.test(unnamed)).flatMap(([, f]) => f))];
  const asked = TICKED.test(unnamed) && !named.some((f) => TUNING.evidence.checkboxFields.includes(f)) ? [...named, ...TUNING.evidence.checkboxFields] : named;
  // unless the rest of the question asks the budget too ("How much did it cost, and what was the city's own contribution?")
  const ownShareOnly = OWN_SHARE.test(unnamed) && !BUDGET_WORDS.test(unnamed.replace(OWN_SHARE, " ").replace(/\bhow much\b/, " "));
  const fields = ownShareOnly && asked.includes("budget_city_contribution") ? asked.filter((f) => !BUDGET_FIELDS.has(f)) : asked;
  const followUp = (FOLLOW_UP.test(q) && q.split(/\s+/).length <= TUNING.understand.followUpMaxWords) || AMONG_THEM.test(q);
  if (SIMILAR.test(q) || (namesSheet && (OTHERS.test(q) || OTHER_THAN_NAMED.test(question)))) return { kind: "similar", fields: [], followUp };
  // a list is about what sheets do; only fields that relate a sheet to someone ("financées par",
  // "parmi leurs porteurs", "avec quels partenaires") or to its ticked boxes shape it, not a word
  // such as "contacts" or "quand" in the description of the thing asked
  // "Who's rolling out Mental Health First Aid courses?": who is doing something now, naming no city nor title, asks for
  // the cities that do it (English grammar: the progressive asks about ongoing activity, not one sheet's agent). Read
  // here, not with decideAnswer's WHO_DOES, because the programme it names is often in several titles ("Premiers
  // Secours en Santé Mentale"), which WHO_DOES reads as one sheet named; counting titles there lost blind18 p-08
  if (LIST.test(q) || ACTIONS_WHERE.test(question) || WHO_DOES_THIS.test(q) || (!namesSheet && WHO_IS_DOING.test(q))) return { kind: "list", fields: fields.filter((f) => LIST_FIELDS.has(f)), followUp };
  // "Which of those manage it without any dedicated budget?": which of the previous answer's sheets keep within a cost
  // bound, a list of them, though it names the budget fields (a bound filters lists only); so do "Which of those started
  // before 2020?", « Lesquelles étaient ponctuelles ? », bounds on when and how long, read from each sheet's period
  if (AMONG_THEM.test(q) && WHICH_OF_THEM.test(q) && (budgetBoundOf(question) || yearBoundOf(question) || periodAsked(question) || monthBoundOf(question))) return { kind: "list", fields: fields.filter((f) => LIST_FIELDS.has(f)), followUp };
  // "Qu'est-ce qui s'est passé en avril 2023 ?", "What took place in April 2023?": what happened in a month asks which
  // actions took place then, a list the month bounds (monthConstraint.ts)
  if (HAPPENED.test(q) && monthBoundOf(question)) return { kind: "list", fields: [], followUp };
  if (fields.length > 0 && isFieldQuestion(q)) return { kind: "field", fields, followUp };
  return { kind: "general", fields, followUp };
}

/** A field question asks for the value ("quel est le budget", "who leads", "budget X"), not about a topic. */
function isFieldQuestion(q: string): boolean {
  // the interrogative may follow a preposition: "sur quel territoire…", "by whom…", "in which area…"
  // "Et combien… ?", "And who…?": a follow-up's interrogative after its conjunction
  return /^(?:(?:et|and) )?(?:(?:sur|dans|pour|avec|par|de|a|over|in|on|for|with|by|from) )?(quel|quelle|quels|quelles|qui|who|whom|what|which|combien|how much|quand|when|ou|where)\b/.test(q) || q.split(/\s+/).length <= TUNING.understand.fieldQuestionMaxWords || /^(budget|partenaires|partners|contact|porteur)\b/.test(q) || IN_SITU.test(q);
}
/** « …, c'était financé par qui ? »: spoken French leaves its interrogative in place, last. (Not « ça coûte combien ? »:
 * the price of one thing the sheet names is in its text more often than in the budget field: blind19 j-22, blind34 ak-07.) */
const IN_SITU = /(?:^|\s)(?:(?:par|avec|pour|de|chez|a) )?qui\s*\??\s*$/;

/** Idioms saying someone takes part or gets involved, in any person and tense of their verb. */
const TAKING_PART = /(?<![\p{L}])(?:(?:m[eiî]\p{L}*|mett\p{L}*)(?:-(?:t-)?(?:il|elle|ils|elles|on))?\s+(?:\p{L}+\s+)?la\s+main\s+à\s+la\s+pâte|(?:mouill\p{L}*)(?:-(?:t-)?(?:il|elle|ils|elles|on))?\s+(?:\p{L}+\s+)?(?:la|sa|leur)\s+chemise|(?:retrouss\p{L}*)\s+(?:\p{L}+\s+)?(?:les|ses|leurs)\s+manches|(?:gets?|got|getting)\s+(?:their|his|her|its)\s+hands\s+dirty|(?:rolls?|rolled|rolling)\s+up\s+(?:their|his|her|its)\s+sleeves|(?:pitch(?:es|ed|ing)?)\s+in)(?![\p{L}])/giu;

/** "Avoir lieu" (to take place) in any tense ("ont déjà eu lieu", "a-t-elle eu lieu", "took place"), and the adverbs
 * saying how far along ("déjà", "jusqu'ici", "so far", "already"): when, not what; « lieu » there is no place. */
const TAKING_PLACE = /(?<![\p{L}])(?:(?:a|ont|avait|avaient|aura|auront|aurait|auraient|ait|aient|avoir|ayant)(?:-(?:t-)?(?:il|elle|ils|elles|on))?\s+(?:(?:déjà|deja|jamais|bien|toujours)\s+)?(?:eu\s+)?lieu|(?:took|takes?|taking|taken)\s+place|déjà|deja|jusqu['’]ici|jusqu['’]à présent|jusqu['’]a present|à ce jour|a ce jour|already|so far|to date)(?![\p{L}])/giu;

/** "dans la même veine que…", "in the same vein as…", « font pareil », « la même chose », "do the same (thing)": how a similar
 * question is put, « veine », « pareil », « chose » no topic. */
const SAME_VEIN = /(?<![\p{L}])(?:(?:dans|de) la m[êe]me veine|in the same vein|along the same lines|pareil(?:le)?s?|la m[êe]me chose|(?:do|does|did|doing|done) the same(?: thing)?|the same thing)(?![\p{L}])/giu;

/** "peux-tu me donner", « pourriez-vous m'indiquer », « donne-moi », « parle-moi de », "can you tell me", "tell me more about", "please". */
const REQUEST_FRAME = /(?<![\p{L}])(?:(?:peux|pouvez|pourrais|pourriez)[- ](?:tu|vous)\s+(?:me\s+|m['’]\s*|nous\s+)?(?:donner|dire|indiquer|préciser|trouver|montrer|rappeler|envoyer|communiquer)|(?:donne|donnez|dis|dites|indique|indiquez|montre|montrez|parle|parlez|raconte|racontez|pr[ée]sente|pr[ée]sentez)-(?:moi|nous)(?:\s+(?:en\s+)?plus)?|(?:en\s+savoir|(?:un\s+peu\s+)?plus\s+d['’]infos?)\s+(?:plus\s+)?(?:sur|de)|(?:tell|show)\s+(?:me|us)\s+more(?:\s+about)?|more\s+about|(?:can|could|would)\s+you\s+(?:please\s+)?(?:give|tell|show|send|find)(?:\s+(?:me|us))?|(?:give|tell|show)\s+(?:me|us)|please|s['’]il (?:te|vous) pla[iî]t|svp|merci)(?![\p{L}])/giu;

/**
 * The question without its frame ("Quelles villes…", "Which cities…", "fiches-action avec…"):
 * those words say what shape the answer takes, not what it is about, and "ville" or "action"
 * would otherwise match every sheet.
 */
export function stripQuestionFrame(question: string): string {
  return question
    .replace(/\b(quelles?|quels)\s+(sont\s+les\s+)?(villes?|communes?|collectivités?|fiches?(-actions?)?|actions?|projets?|territoires?)\b/giu, " ")
    .replace(/\b(which|what)\s+(other\s+)?(cities|towns|municipalities|action sheets|sheets|mental health actions|actions|projects)\b/giu, " ")
    .replace(/\by a-t-il des (actions?|fiches?|projets?)\b|\bexiste-t-il des (actions?|fiches?|projets?)\b|\bare there (any )?(actions|sheets|projects)\b/giu, " ")
    .replace(/\bfiches?-actions?\b|\baction sheets?\b/giu, " ")
    // "actions that … involve teachers — which ones?": the pronoun stands for the actions listed (not "five neighbourhoods
    // — which ones?", a value)
    .replace(/(\b(?:actions|projects|sheets|schemes|programmes|programs|initiatives)\b[^?]*)\bwhich ones\b/giu, "$1 ")
    // how the question is put, not what it is about: a box is "cochée" in the form (its "type de projet"), the asker "cherche"
    // idioms for taking part ("met la main à la pâte", "get their hands dirty"): someone takes part, no topic (general French
    // and English phrasing; their nouns, « pâte », "sleeves", are in no sheet)
    .replace(TAKING_PART, " ")
    .replace(TAKING_PLACE, " ")
    // a cost "pris en charge par" someone is funded by them: the words of funding, which a list relating sheets to their
    // funders reads as the form's (« pris », « charge » are no topic there)
    .replace(COST_COVERED, "$1$2financé")
    .replace(BILL_PAID, "paid for")
    .replace(SAME_VEIN, " ")
    // a request's frame ("Peux-tu me donner le contact ?", "Can you tell me who leads it?"): who is asked to answer, not what about
    .replace(REQUEST_FRAME, " ")
    .replace(/(?<![\p{L}])(coch(?:é|ée|és|ées|ent|er)|tick(?:s|ed)?|(?:le |the )?types? de (?:projet|démarche|demarche)|(?:the )?project types?|je cherche|cherchons|je voudrais|j'aimerais|je souhaite|(?:des |quelques )?exemples?|examples?|i(?:'m| am) looking for|looking for|similaires?|similar|comparables?|analogues?)(?![\p{L}])/giu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
