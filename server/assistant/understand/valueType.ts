// What kind of value a question wants, from its wording (folded): a number to call, a person,
// an organisation, an amount, a count, a date, a duration or a place. Each kind comes with the
// shape such a value takes in a sheet's text, so any field can answer, not only the canonical one.
import { fold } from "../../../ingest/text/index.ts";

/** A phone asked for, folded: not one that qualifies what is asked ("phone helplines", "support by phone", « ligne téléphonique »
 * is another word), which asks about the service, not its number. Shared with detectIntent's contact field. */
export const PHONE_ASKED = String.raw`(?<!\b(?:by|over the|via|par|au) )(?:telephone|phone)(?! (?:lines?|helplines?|hotlines?|support|listening|counsel\w*|services?|calls?|consultations?|appointments?|sessions?|based|ecoute))(?=\b)`;

export type ValueKind = "age" | "percent" | "subject" | "content" | "phone" | "name" | "members" | "person" | "organisation" | "amount" | "count" | "score" | "measure" | "date" | "duration" | "frequency" | "place";

export interface ValueType {
  kind: ValueKind;
  /** the shape of such a value in a sheet's text */
  shape: RegExp;
  /** the form's fields where such a value usually stands: a prior, not the only place */
  fields: readonly string[];
  /** the question's wording of the kind ("à quelle date", "how many"), folded */
  asks: RegExp;
  /** the shape's surer forms: a value of these names itself as one (organisations spelled out, not any acronym) */
  sure?: RegExp;
}

const MONTHS = "janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december";
/** A day of a month ("le 11 octobre 2023", "1er mars"): the most precise date a sentence can give. */
export const DAY_DATE = new RegExp(`\\b\\d{1,2}(?:er)?\\s+(?:${MONTHS})(?:\\s+(?:19|20)\\d{2})?\\b`, "iu");

/** Numbers written in words, from two (one is an article): "vingt patients", "three workshops". */
const NUMBER_WORDS = "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred";

/** A first name and a surname: "Isabelle Kaucic", "Jean-Marc DUPONT"; a sentence's capitalised article and noun ("Les Espaces") are none. */
const PERSON = /\b(?!(?:Les?|La|Des|Du|Un|Une|Ces|Ses|Leurs?|Nos|Vos|Notre|Votre|Cette|Ce|The|This|These|Those|Our|Their|Its|Mme|Mmes|Mlle|Mr|Mrs|Ms|Dr)\s)\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}[\p{Lu}\p{Ll}-]+/u;

/** An organisation spelled out: the names a sheet brackets after the bodies it counts, or a body named after its kind. */
const ORGANISATION_SPELLED = /(?<=\b(?:associations?|organismes?|structures?|partenaires?)\b[^().;]{0,80}\()\s*\p{Lu}[^()]{2,80}(?=\))|(?<![\p{L}\p{N}])(?:[Aa]ssociation|[Oo]rganisme|[Ss]ervice|[Cc]entre|[Cc]ollectif|[Cc]ompagnie|[Aa]gence|[ÉéEe]quipe|[Gg]roupe)(?:[ \t]+(?:[dl]['’])?\p{Ll}[\p{Ll}-]*){0,2}?[ \t]+(?:[dl]['’])?(?!(?:Association|Organisme|Service|Centre|Collectif|Compagnie|Agence|Équipe|Groupe)(?![\p{L}]))\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,4}/u;
/** A body of some kind written out before its acronym in brackets ("Équipe réseau des alternatives à l'hospitalisation (ERAH)"):
 * a name, counted when its kind is the kind asked ("quelle équipe"), weak like a bare acronym otherwise. */
const ORGANISATION_BRACKETED = /(?<![\p{L}\p{N}])(?:[Aa]ssociation|[Oo]rganisme|[Ss]ervice|[Cc]entre|[Cc]ollectif|[Cc]ompagnie|[Aa]gence|[ÉéEe]quipe|[Rr]éseau|[Cc]omité|[Gg]roupe)[ \t][^().;:\n•]{2,80}?\(\p{Lu}{2,}\)/u;

/** Question wordings, most specific first; the first that matches decides. */
const KINDS: { kind: ValueKind; asks: RegExp; shape: RegExp; fields: readonly string[]; sure?: RegExp }[] = [
  // what something is made of: "what does a typical session consist of?", "en quoi consiste l'atelier ?", "comment se
  // déroule une séance ?": the sentence saying what it offers or holds ("La séance propose un réveil musculaire, …")
  // (and "what activities do they use?", "quels outils sont utilisés ?": the activities of its outline)
  { kind: "content", asks: /\b(what (?:[a-z-]+ )?(?:activities|tools|methods|exercises|techniques|games|media) (?:do|did|are|were|does)|quel(?:le)?s? (?:activites|outils|methodes|exercices|techniques|supports) (?:y )?(?:sont |ont ete |etaient |est |a ete )?(?:utilise|propose|employe|mobilise)\w*|consists? of|consisted of|en quoi consist\w*|comment se deroul\w*|comment (?:ca |cela )?se pass\w*|what (?:actually |really |exactly )?(?:goes|went) on (?:in|at|during)|qu'est-ce qu'on (?:y )?(?:fait|faisait)|que fait-on|qu'y fait-on|what (?:do|did) (?:they|you|we|the participants|participants|pupils|the pupils|students|the students|people) (?:actually |concretely |really )?do|what (?:[a-z]+ )?happens (?:during|at|in)|de quoi se compos\w*|what (?:does|do|did) (?:a |an |the |each |one )?(?:typical |usual )?(?:[a-z'’-]+ ){1,10}(?:involve|include|look like))\b/, shape: /(?<![\p{L}])(?:propose|proposent|proposait|comprend|comprennent|comprenait|consiste|consistent|consistait|se compose|se composent|se déroule|se déroulent|se déroulait|alterne|alternent|inclut|incluent|comporte|comportent|s['’]articule|débute par|commence par)(?![\p{L}])[^.;!?]{3,240}/u, fields: ["description"] },
  // the person to contact, asked as such, whatever line or hotline the question is about ("Pour la ligne d'écoute…, qui est
  // la personne à contacter ?")
  { kind: "person", asks: /\b(personnes? (?:a|de) contact(?:er)?|contact persons?|(?:qui|who) (?:est|is) (?:la personne|the person|l'interlocut\w*)|(?:who|whom) (?:should|can|do|could) (?:i|we) (?:contact|get in touch with|reach))\b/, shape: PERSON, fields: ["contact"] },
  { kind: "phone", asks: new RegExp(`\\b(numero|${PHONE_ASKED}|number do|number to call|call|appeler|composer|hotline|ligne d'ecoute)\\b`), shape: /\b0\d(?:[ .]?\d{2}){4}\b|\b3\d{3}\b/u, fields: ["contact"] },
  // a role: "quelle élue…", "which elected official is named on…" (a role asked outranks "named"); the form's field of
  // the services and elected officials involved names them too ("Mme …, Adjointe au Maire, Chargée de la santé")
  { kind: "person", asks: /\b(quel(?:le)?s? (?:elue?s?|adjointe?s?|coordinat(?:eur|rice)s?|referente?s?|interlocut(?:eur|rice)s?)|which (?:[a-z-]+ ){0,3}(?:elected officials?|councill?ors?|coordinators?|facilitators?|speakers?|contact persons?))\b/, shape: PERSON, fields: ["contact", "porteur", "services_elus"] },
  // who a body is made of: "qui compose le comité…", "who sits on its steering group?"; the value is what the sheet says it gathers
  { kind: "members", asks: /\b(qui (?:compose\w*|siege\w*|fait partie|font partie|y participe\w*|y siege\w*)|(?:de )?quoi (?:est|etait) compose\w*|quelle est la composition|qui sont (?:les|ses|leurs) membres|who (?:sits?|sat|is|was|are|were) on|who (?:makes|made) up|who are (?:the|its|their) members|what is the composition)\b/, shape: /\b(?:compos|constitu)(?:é|e)e?s?\s+(?:de|d['’]|des)\s*[^,.;:\n]{3,100}|\b(?:réuni(?:t|ssant|ssent)|rassembl(?:e|ant|ent))\s+[^,.;:\n]{3,100}/u, fields: [] },
  // what something is called: the name the sheet gives it, in quotes ("Vis ma vie", « cup of tea »); an event by its
  // capitalised name inside a sentence ("dans le cadre des 35 èmes Entretiens Jacques Cartier")
  { kind: "name", asks: /\b(called|named|what (?:is|was) (?:it|its name)|what(?:'s| is| was) the name|quel (?:est|etait) (?:le |son )?(?:nom|titre|slogan)|what(?:'s| is| was) (?:the |its )?(?:title|headline|heading|slogan|tagline)|comment s'appel\w*|intitule\w*|(?:which|what) (?:video|film|movie|clip|tool|game|guide|book|campaign|show|play)s?|quel(?:le)?s? (?:troupe|compagnie|collectif|support|video|film)s?|quel(?:le)?s? (?:manifestation|evenement|festival|salon|congres|rencontres?)s?|(?:what|which) (?:[a-z-]+ )?(?:event|festival|congress|convention)s?|which (?:[a-z-]+ ){0,2}(?:troupes?|compan(?:y|ies)|theat(?:re|er) groups?))\b/, shape: /«\s*[^»]{2,60}?\s*»|"[^"\n]{2,60}"|“[^”\n]{2,60}”|\b(?:[Cc]ie|[Cc]ompagnie|[Cc]ollectif|[Tt]roupe)\s+\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,2}|(?<=\p{Ll}[\p{L}'’]*\s+)\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+(?:(?:de|des|du|sur|la|le|d['’])\s*)?\p{Lu}[\p{L}'’-]*){1,4}/u, fields: [] },
  // how often something meets or takes place ("quelle fréquence", "how often"): "une fois par mois", "toutes les 6 à 8 semaines"
  { kind: "frequency", asks: /\b(frequence|frequency|how often|how frequently|a quel rythme|quel rythme|tous les combien|combien de fois (?:par|dans|chaque|en un|sur)|how many times (?:a|per|each|in a)|(?:quel|what) (?:est |is |was )?(?:le |the )?(?:rythme|pace))\b/, shape: /(?:\b(?:une|deux|trois|quatre|cinq|six|\d+)\s+fois\s*(?:(?:par|dans l['’]|dans le|dans la)\s*|\/\s*)(?:an|année|mois|semaine|trimestre|semestre)|\b(?:chaque|tous les|toutes les)\s+(?:\d+\s+(?:à\s+\d+\s+)?)?(?:mois|semaines?|ans|années?|jours?|trimestres?|semestres?)|\b(?:mensuel|hebdomadaire|trimestriel|semestriel|annuel|bimensuel)(?:le)?s?|\b(?:\d+\s+)?par (?:an|année|mois|semaine|trimestre)|\b(?:once|twice|\d+ times) (?:a|per) (?:year|month|week))(?![\p{L}])/iu, fields: [] },
  // (a count of days or hours is a length: "over how many days?", "combien de jours dure la formation ?"; "deux jours")
  { kind: "duration", asks: /\b(duree|how long|how many (?:days|hours|weeks|months|years)|combien de (?:jours|heures|semaines|mois|annees|ans)|combien de temps dur(?:e|ent|ait|aient|era|eront)|dur(?:e|ent|ait|aient|era|eront) combien de temps|combien dur(?:e|ent|ait|aient|era|eront)|dur(?:e|ent|ait|aient|era|eront|ee?s?) combien(?! de (?!temps))|combien de temps|pendant combien|how much (?:[a-z-]+ )?time|lead time|how much notice|delai|quel delai)\b/, shape: new RegExp(`\\b\\d+\\s*h\\s*\\d{2}\\b|\\b\\d+\\s*(?:ans?|mois|semaines?|jours?|heures?|h|years?|months?|weeks?|days?|hours?)\\b|\\b(?:${NUMBER_WORDS})\\s+(?:ans|années|mois|semaines|jours|heures|demi-journées|years|months|weeks|days|hours)\\b|\\b(?:une?|one|a)\\s+(?:an|année|mois|semaine|jour|journée|demi-journée|heure|year|month|week|day|hour)\\b`, "iu"), fields: ["period"] },
  // a mark on a grid ("quelle note santé", "what health score"): points, or a mark out of a total
  { kind: "score", asks: /\b(quelles? notes?|what (?:[a-z-]+ )?(?:score|rating|mark)s?|how many points|combien de points|scor(?:e|es|ed|ing))\b/, shape: /\b\d+(?:[.,]\d+)?\s*(?:points?|pts)\b|\b\d+(?:[.,]\d+)?\s*\/\s*\d+\b/u, fields: [] },
  // a surface or a length ("how much outdoor space", "quelle surface", "combien de m²"): a number with its unit
  { kind: "measure", asks: /\b(how much (?:[a-z-]+ ){0,3}(?:space|area|surface|floor space|land)|how (?:big|large)(?! (?:is|are|was|were) (?:the |those |these |their |its |each )?(?:[a-z-]+ )?(?:groups?|classes?|sessions?|workshops?|cohorts?|teams?)\b)|how (?:wide|far)|what (?:[a-z-]+ ){0,3}(?:area|surface|(?<!(?:groups?|class(?:es)?|sessions?|workshops?|cohorts?|teams?) )size|distance)(?! (?:of|are|is|were|was) (?:the |those |these |their |its |each )?(?:[a-z-]+ )?(?:groups?|classes?|sessions?|workshops?|cohorts?|teams?)\b)|quelles? (?:[a-z-]+ ){0,2}(?:surface|superficie|distance|taille(?! (?:font |ont |sont |faisaient |etaient )?(?:les |ces |leurs |ses )?(?:groupes?|ateliers?|sessions?|promotions?|equipes?)\b))|combien de (?:m2|m²|metres?|km|kilometres?|hectares?))\b/, shape: /\b\d+(?:[.,]\d+)?\s*(?:m²|m2\b|km²|km\b|mètres?(?:\s+carrés?)?|metres?|hectares?|ha\b)/u, fields: [] },
  // an age or an age range ("how old were the people…", "quelle tranche d'âge"): "de 26 à 72 ans", "16-25 ans"
  { kind: "age", asks: /\b(how old|what ages?|which ages?|age range|age group|ages? of|aged between|quel age|quels ages|quelle tranche d'age|tranches? d'age|age des|ages des)\b/, shape: /\b(?:de\s+|entre\s+)?\d{1,3}\s*(?:à|a|-|–|et)\s*\d{1,3}\s*ans\b|\b\d{1,3}\s*ans\b/u, fields: ["publics"] },
  // a share ("what share of the residents are children?", "quelle proportion…"): a percentage
  { kind: "percent", asks: /\b(what (?:[a-z-]+ ){0,2}(?:share|proportion|percentage|percent|fraction)|how many percent|quelle (?:[a-z-]+ ){0,2}(?:part|proportion)|quel (?:[a-z-]+ ){0,2}(?:pourcentage|taux))\b/, shape: /\d+(?:[.,]\d+)?\s*(?:à\s*\d+(?:[.,]\d+)?\s*)?%/u, fields: [] },
  // what something was about ("what were the workshops about?", "sur quoi portaient les ateliers ?"): what follows "sur",
  // "autour de", "consacré à"
  { kind: "subject", asks: /\b(what (?:is|was|were|are) (?:the |it |they |these |those )?(?:[a-z-]+ ){0,3}about|sur quoi (?:portai\w*|porte\w*)|quels? (?:etaient|sont|etait|est) (?:les |le )?(?:themes?|sujets?)|on what (?:topics?|themes?|subjects?)|(?:what|which) (?:[a-z-]+ )?(?:workshops|talks|courses|trainings) (?:did|do|does|were|are|was)|quel(?:le)?s? (?:ateliers|formations|interventions|seances) (?:ont|a|avaient|avait|sont|etaient)|quel(?:le)?s? (?:ateliers|formations|interventions|seances)\b[^?]{0,80}\b(?:anime|animes|animees|propose|proposes|proposees|mene|menes|menees|organise|organises|organisees|donne|donnes|donnees|assure|assures|assurees))\b/, shape: /(?<![\p{L}])(?:sur|autour d(?:e|u|es|['’])|consacrée?s? (?:à|aux?)|portant sur|dédiée?s? (?:à|aux?))\s*(?:la |le |les |l['’])?[^,.;:()\n]{3,80}/u, fields: [] },
  // a count, not a year nor a day of a date; a group's size ("how big are those groups?") is how many people are in it ("15 octobre") nor a name's number ("Covid-19"); or said in words ("une quinzaine de participants")
  { kind: "count", asks: /\b(how (?:big|large) (?:is|are|was|were) (?:the |those |these |their |its |each )?(?:[a-z-]+ )?(?:groups?|classes?|sessions?|workshops?|cohorts?|teams?)|(?:what|which) (?:[a-z-]+ )?size (?:of|are|is|were|was) (?:the |those |these |their |its |each )?(?:[a-z-]+ )?(?:groups?|classes?|sessions?|workshops?|cohorts?|teams?)|(?:groups?|class(?:es)?|sessions?|workshops?|cohorts?|teams?) sizes?|(?:quelle|de quelle) taille (?:font |ont |sont |faisaient |etaient )?(?:les |ces |leurs |ses )?(?:groupes?|ateliers?|sessions?|promotions?|equipes?)|taille des (?:groupes?|ateliers?|sessions?)|(?:reuni\w*|rassembl\w*|attir\w*) combien de (?:monde|gens|personnes|participants)|combien de (?:monde|gens)|combien d['’]|combien de|combien (?:y )?en|how many|nombre (?:max(?:imum|imal)? |moyen |total )?de|number of|(?:quelle (?:a ete la |est la |etait la )?)?(?:frequentation|affluence)|(?:what (?:was the |is the )?)?(?:attendance|turnout)|how (?:well )?attended)\b/, shape: new RegExp(`(?<![\\/\\d]|\\p{L}-|\\d\\.)\\b(?!(?:19|20)\\d{2}\\b)\\d+(?:[  .]\\d{3})*\\b(?![\\/\\d]|\\.\\d|(?:e|è|ème|eme|ième|ieme|er|ère|ere|nd|nde)(?![\\p{L}]))(?!\\s*(?:er\\s+)?(?:${MONTHS})\\b)(?!\\s*(?:er\\s+)?(?:au|à|a|-|–)\\s*\\d{1,2}(?:er)?\\s+(?:${MONTHS})\\b)|\\b(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|cinquantaine|centaine|millier)s?\\b|\\b(?:${NUMBER_WORDS})\\b(?=\\s+\\p{L})`, "iu"), fields: [] },
  { kind: "amount", asks: /\b(combien|how much|montant|cout\w*|budget|euros?|financement|contribution|participation financiere|what (?:does|did|do|would|will) (?:[a-z0-9'-]+ ){1,10}cost|what price|quel prix|a (?:leur|sa|ma|notre|votre) charge|pay for (?:it|them) themselves|set (?:[a-z'-]+ ){1,3}back)\b/, shape: /\d[\d  .,]*\s?(?:€|euros?|k€|m€)/iu, fields: ["budget", "budget_operating", "budget_investment", "budget_city_contribution"] },
  // a day ("which day do they meet?", "quel jour ?", « sur quel créneau ? »): of the week ("tous les mardis matin", "le jeudi après-midi") or of
  // a month ("le 11 octobre 2023"), not a year alone nor the form's date of writing ("24.04.2023")
  { kind: "date", asks: /\b(quels? jours?|(?:what|which|on what|on which) days?(?: of the week)?|what time of (?:the )?day|a quel moment de la (?:journee|semaine)|(?:sur |a )?quels? (?:creneaux?|horaires?)|(?:what|which) (?:time ?slots?|slots?|times?)(?= (?:is|are|was|were|do|does|did)\b))\b/, shape: new RegExp(`(?<![\\p{L}])(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-end|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)s?(?![\\p{L}])|${DAY_DATE.source}`, "iu"), fields: ["period", "date"] },
  // ("when" as the question's word, not opening a clause: "…meet with when it started its work?" asks who, not when)
  { kind: "date", asks: /\b(quand|(?:^|[,;] |\band |\bsince )when|when (?=(?:did|does|do|was|were|is|are|will|has|have|had|exactly)\b)|when\W*$|quelles? dates?|(?:what|which) dates?|quel jour|what day|which day|on what day|depuis quand|since when|en quelle annee|which year|date)\b/, shape: new RegExp(`\\b(?:${MONTHS})(?:\\s+(?:19|20)\\d{2})?\\b|\\b(?:19|20)\\d{2}\\b`, "iu"), fields: ["period", "date"] },
  // the kind of body may come after what it does: "which suicide prevention associations"
  // an organisation: the names a sheet brackets after the bodies it counts ("deux associations (X et Y)"), a body
  // named after its kind ("association Rénovation"), or an acronym
  { kind: "organisation", asks: /\b(quel(?:le)?s? (?:organisme|association|structure|partenaire|service|equipe|etablissement|hopital|hopitaux|agence|cabinet|compagnie|entreprise|societe)s?|which (?!(?:cities|towns|actions|projects|sheets)\b)(?:[a-z/-]+ ){0,3}(?:organi[sz]ations?|bod(?:y|ies)|associations?|partners?|services?|teams?|charit(?:y|ies)|(?<!age )groups?|hospitals?|institutions?|establishments?|compan(?:y|ies)|agenc(?:y|ies)|providers?|cent(?:re|er)s?)|par quel|(?:paye|finance|subventionne|pris en charge|prise en charge)e?s? par qui|(?:paid|funded|financed|covered|sponsored)(?: for)? by whom|who trained|qui a forme|qui (?:l[ea]s? )?(?:paie|paye|payent|financ\w*|fournit|fournissait|offre|offrait|prend en charge|a (?:paye|finance|fourni|offert|pris en charge))|who (?:paid|pays|funded|funds|financed|covered|covers|supplies|supplied|provides|provided|caters|catered|(?:picked|picks) up the (?:bill|tab)|foot(?:ed|s) the bill|bore the cost))\b/, shape: new RegExp(`${ORGANISATION_SPELLED.source}|${ORGANISATION_BRACKETED.source}|\\b\\p{Lu}{2,}(?:-\\p{Lu}{2,})*\\b`, "u"), sure: ORGANISATION_SPELLED, fields: ["porteur", "partners", "funders", "budget_city_contribution"] },
  // or who (« Et qui les animait ? »: a follow-up opens with "and")
  { kind: "person", asks: /^(?:(?:et|and) )?(qui|who)\b|\b(par qui|by whom|qui a|qui est|qui d'autre|who else|who (?:led|ran|trained|facilitated|animated|organi[sz]ed|is))\b/, shape: PERSON, fields: ["contact", "porteur"] },
  // the place may be qualified first: "in which Caen neighbourhood", "quel quartier de Limoges"
  // (or last, as spoken French puts it: « C'est où ? », « Ça se passe où ? », "It's held where?")
  { kind: "place", asks: /^(?:(?:et|and) )?(ou|where)\b|[:;]\s*(ou|where)\b|\b(?:ou|where)\W*$|\b(quels? quartiers?|which (?:[a-z-]+ ){0,3}(?:areas?|neighbou?rhoods?|districts?)|(?:which|what) parts? of|quels? (?:secteurs?|coins?) d|quel territoire|what territory|over which territory|(?:neighbou?rhoods?|districts?|areas?|quartiers?)\W+(?:which(?: ones)?|lesquels)(?=\W*$))\b/, shape: /\b\d+\s+(?:communes?|quartiers?|villes?|arrondissements?)\b|\b(?:en|à la|dans les?|dans une?)\s+mairies?(?:\s+(?:de\s+)?quartiers?)?\b|\bdans (?:les|des|leurs|ses) locaux\b|\b(?:place|rue|avenue|boulevard|cours|quai|parc|square|jardin|salle|gymnase|m[ée]diath[èe]que|centre social|maison de quartier|h[ôo]tel de ville)\s+(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*|communale|municipale|polyvalente|des f[êe]tes)|\b(?:biblioth[èe]que|mus[ée]e|th[ée][âa]tre|cin[ée]ma|centre (?:culturel|socioculturel|hospitalier))\s+(?:(?:de la|de l['’]|de|du|des|d['’])\s*)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|du|des|la|le|d['’]|l['’])\s*)?\p{Lu}[\p{L}'’-]*)*|\b(?:quartiers?|commune|ville|m[ée]tropole|d[ée]partement|r[ée]gion|agglom[ée]ration)[ \t]+(?:de la[ \t]+|de l['’]|de[ \t]+|du[ \t]+|des[ \t]+|d['’])?\p{Lu}[\p{L}-]+/u, fields: ["territory", "territory_specifics"] },
];

/** "Quel CMP…", "Which CHU…": a kind of body named by its acronym asks for the body's name. */
const BODY_BY_ACRONYM = /\b(?:[Qq]uel(?:le)?s?|[Ww]hich|[Ww]hat)\s+\p{Lu}{2,6}s?\b/u;

/** "Qu'est-ce qui a été fait…" asks what, not who: its "qui" is the subject of "est-ce". */
const WHAT_SUBJECT = /\bqu['’]est-ce qui\b/g;

/** The form's fields that hold an amount of money: where the amount kind of value is written. */
export const AMOUNT_FIELDS: ReadonlySet<string> = new Set(KINDS.find((k) => k.kind === "amount")!.fields);
/** What an amount looks like in a sheet ("5000 €", "6 000€"). */
export const AMOUNT_SHAPE: RegExp = KINDS.find((k) => k.kind === "amount")!.shape;

export function valueTypeOf(question: string): ValueType | undefined {
  // "what's the minimum size…": the contraction read as its verb
  const q = fold(question).replace(WHAT_SUBJECT, "quoi").replace(/\b(what|who|where|how|when|which)['’]s\b/g, "$1 is")
    // « nb de réunions », « nbre de participants »: French's written abbreviations of « nombre »
    .replace(/\bnbr?e?\b\.?(?=\s*d(?:e\b|['’]))/g, "nombre");
  const found = KINDS.find((k) => k.asks.test(q)) ?? (BODY_BY_ACRONYM.test(question) ? KINDS.find((k) => k.kind === "organisation") : undefined);
  return found && { kind: found.kind, shape: found.shape, fields: found.fields, asks: found.asks, ...(found.sure ? { sure: found.sure } : {}) };
}
