// Every string the chat page shows, in French (default) and English. Field labels cover the
// canonical field names of ingest/types.ts; `extra_*` fields keep the label the sheet wrote.
const STRINGS = {
  fr: {
    appTitle: "Assistant fiches-action santé mentale",
    appSubtitle: "Réseau français Villes-Santé — recueil d'actions de prévention en santé mentale",
    switchLang: "English",
    switchLangLabel: "Switch to English",
    newConversation: "Nouvelle conversation",
    filtersTitle: "Filtres",
    filtersHint: "Appliqués aux prochaines questions.",
    filterCity: "Ville",
    filterAxis: "Axe",
    filterTheme: "Thématique",
    filterDeterminant: "Déterminant",
    filterQpv: "Quartiers prioritaires (QPV) uniquement",
    filterAny: "Toutes",
    filtersReset: "Effacer les filtres",
    filtersActive: "Filtres actifs : {n}",
    questionLabel: "Votre question",
    questionPlaceholder: "Posez une question sur les fiches-action…",
    send: "Envoyer",
    sending: "Recherche…",
    emptyTitle: "Interrogez les fiches-action des Villes-Santé",
    emptyIntro: "Chaque réponse cite les fiches et les passages sur lesquels elle s'appuie. Exemples :",
    examples: [
      "Quelles villes forment aux PSSM ?",
      "Quel est le budget des Pôles Ressources Santé de Lille ?",
      "Actions similaires aux Balades vertes de Poitiers",
      "Quelles actions ciblent les quartiers prioritaires ?",
    ],
    you: "Vous",
    assistant: "Assistant",
    sources: "Sources",
    noSources: "Aucune source citée.",
    citeRef: "Source {n} : {city} — {title}",
    openCard: "Ouvrir la fiche",
    copyAnswer: "Copier la réponse et les sources",
    copied: "Réponse copiée dans le presse-papiers.",
    copyFailed: "La copie a échoué ; sélectionnez le texte à la main.",
    answerReady: "Réponse : {text}",
    errorGeneric: "La question n'a pas pu aboutir : {message}",
    errorNetwork: "Le service est injoignable. Réessayez dans un instant.",
    errorFiche: "Cette fiche est introuvable.",
    notice: "Remarque : {text}",
    close: "Fermer",
    cardDialog: "Fiche-action",
    cardCity: "Ville",
    cardAxis: "Axe",
    cardCited: "Passage cité",
    similar: "Actions similaires",
    similarLoading: "Recherche des actions similaires…",
    similarNone: "Aucune action similaire trouvée.",
    similarShared: "En commun",
    print: "Imprimer la fiche",
    loading: "Chargement…",
    mapCaption: "Où sont ces actions : départements colorés selon le nombre de fiches",
    mapCredit: "Fond de carte : svg-maps (CC BY 4.0), géographie officielle INSEE.",
    mapUnplaced: "lieu non situé",
    mapUnavailable: "La carte n'a pas pu être chargée ; les lieux sont listés dans la réponse.",
    sheetCount: "{n} fiche(s)",
    corpusSummary: "Le recueil compte {fiches} fiches-action{syntheses} de {cities} villes et territoires. Posez vos questions en français ou en anglais.",
    corpusSyntheses: " et {n} synthèse(s)",
    synthesisBadge: "Synthèse d'atelier",
    catalogueLink: "Parcourir le catalogue des fiches",
    navAssistant: "Assistant",
    navCatalogue: "Catalogue",
    filtersUsed: "Filtres appliqués : {list}",
    filtersNone: "Sans filtre",
    removeFilter: "Retirer le filtre {label}",
    filterQpvChip: "QPV uniquement",
    listSummary: "{n} fiche(s) dans {cities} ville(s) : {names}.",
    answerSummary: "Réponse reçue, {n} source(s).",
    answerNone: "Aucune fiche ne répond à cette question.",
    suggestionsTitle: "Fiches les plus proches",
    suggestionsHint: "Aucune fiche ne répond exactement ; ces fiches s'en approchent (ce ne sont pas des sources).",
    exportCsv: "Télécharger la liste (CSV)",
    copyCsv: "Copier la liste (CSV)",
    csvCopied: "Liste copiée au format CSV.",
    exportMarkdown: "Exporter la conversation (Markdown)",
    csvHeader: ["ville", "fiche", "lien", "passage cité"],
    mdTitle: "Conversation — Assistant fiches-action santé mentale",
    mdQuestion: "Question",
    mdAnswer: "Réponse",
    restored: "Conversation précédente restaurée.",
    citedPassage: "Passage cité",
    catTitle: "Catalogue des fiches-action",
    catSearch: "Rechercher dans les fiches",
    catSearchHint: "Mots du titre, de la ville, du porteur, des thèmes ou de la description.",
    catResults: "{n} fiche(s) sur {total}",
    catNoResult: "Aucune fiche ne correspond : retirez un filtre ou un mot.",
    catFilters: "Affiner",
    catFacets: "Ville, axe, thématique, déterminant",
    catActive: "Filtres actifs",
    catClear: "Tout effacer",
    catPeriod: "Période",
    catPorteur: "Porteur",
    catThemes: "Thèmes",
    catAxis: "Axe",
    catOpen: "Ouvrir la fiche",
    catMapCaption: "Où sont les fiches affichées : départements colorés selon le nombre de fiches",
    catAsk: "Poser une question sur ces fiches",
    footer: "Les réponses sont extraites des fiches ; vérifiez toujours la fiche citée.",
  },
  en: {
    appTitle: "Mental-health action sheets assistant",
    appSubtitle: "French Healthy Cities Network — collection of mental-health prevention actions",
    switchLang: "Français",
    switchLangLabel: "Passer en français",
    newConversation: "New conversation",
    filtersTitle: "Filters",
    filtersHint: "Applied to the next questions.",
    filterCity: "City",
    filterAxis: "Axis",
    filterTheme: "Theme",
    filterDeterminant: "Determinant",
    filterQpv: "Priority neighbourhoods (QPV) only",
    filterAny: "All",
    filtersReset: "Clear filters",
    filtersActive: "Active filters: {n}",
    questionLabel: "Your question",
    questionPlaceholder: "Ask about the action sheets…",
    send: "Send",
    sending: "Searching…",
    emptyTitle: "Ask the Healthy Cities action sheets",
    emptyIntro: "Every answer cites the sheets and passages it relies on. Examples:",
    examples: [
      "Which cities run PSSM trainings?",
      "What is the budget of the Pôles Ressources Santé in Lille?",
      "Actions similar to the Balades vertes in Poitiers",
      "Which actions target priority neighbourhoods?",
    ],
    you: "You",
    assistant: "Assistant",
    sources: "Sources",
    noSources: "No source cited.",
    citeRef: "Source {n}: {city} — {title}",
    openCard: "Open the sheet",
    copyAnswer: "Copy answer with sources",
    copied: "Answer copied to the clipboard.",
    copyFailed: "Copy failed; please select the text by hand.",
    answerReady: "Answer: {text}",
    errorGeneric: "The question failed: {message}",
    errorNetwork: "The service cannot be reached. Please try again shortly.",
    errorFiche: "This sheet cannot be found.",
    notice: "Note: {text}",
    close: "Close",
    cardDialog: "Action sheet",
    cardCity: "City",
    cardAxis: "Axis",
    cardCited: "Cited passage",
    similar: "Similar actions",
    similarLoading: "Looking for similar actions…",
    similarNone: "No similar action found.",
    similarShared: "Shared",
    print: "Print the sheet",
    loading: "Loading…",
    mapCaption: "Where these actions are: départements coloured by number of sheets",
    mapCredit: "Base map: svg-maps (CC BY 4.0), official INSEE geography.",
    mapUnplaced: "place not located",
    mapUnavailable: "The map could not be loaded; the places are listed in the answer.",
    sheetCount: "{n} sheet(s)",
    corpusSummary: "The collection holds {fiches} action sheets{syntheses} from {cities} cities and areas. Ask in French or in English.",
    corpusSyntheses: " and {n} workshop synthesis(es)",
    synthesisBadge: "Workshop synthesis",
    catalogueLink: "Browse the catalogue of sheets",
    navAssistant: "Assistant",
    navCatalogue: "Catalogue",
    filtersUsed: "Filters applied: {list}",
    filtersNone: "No filter",
    removeFilter: "Remove the filter {label}",
    filterQpvChip: "Priority neighbourhoods only",
    listSummary: "{n} sheet(s) in {cities} city(ies): {names}.",
    answerSummary: "Answer received, {n} source(s).",
    answerNone: "No sheet answers this question.",
    suggestionsTitle: "Closest sheets",
    suggestionsHint: "No sheet answers exactly; these come closest (they are not sources).",
    exportCsv: "Download the list (CSV)",
    copyCsv: "Copy the list (CSV)",
    csvCopied: "List copied as CSV.",
    exportMarkdown: "Export the conversation (Markdown)",
    csvHeader: ["city", "sheet", "link", "cited passage"],
    mdTitle: "Conversation — Mental-health action sheets assistant",
    mdQuestion: "Question",
    mdAnswer: "Answer",
    restored: "Previous conversation restored.",
    citedPassage: "Cited passage",
    catTitle: "Catalogue of action sheets",
    catSearch: "Search the sheets",
    catSearchHint: "Words of the title, city, lead organisation, themes or description.",
    catResults: "{n} sheet(s) of {total}",
    catNoResult: "No sheet matches: remove a filter or a word.",
    catFilters: "Refine",
    catFacets: "City, axis, theme, determinant",
    catActive: "Active filters",
    catClear: "Clear all",
    catPeriod: "Period",
    catPorteur: "Lead organisation",
    catThemes: "Themes",
    catAxis: "Axis",
    catOpen: "Open the sheet",
    catMapCaption: "Where the listed sheets are: départements coloured by number of sheets",
    catAsk: "Ask a question about these sheets",
    footer: "Answers are extracted from the sheets; always check the cited sheet.",
  },
};

const FIELD_LABELS = {
  fr: {
    period: "Période",
    territory: "Territoire",
    porteur: "Porteur / pilote",
    role: "Rôle de la collectivité",
    services_elus: "Élus et services impliqués",
    partners: "Partenaires",
    budget: "Budget",
    budget_operating: "Budget de fonctionnement",
    budget_investment: "Budget d'investissement",
    budget_city_contribution: "Contribution de la collectivité",
    funders: "Partenaires financiers",
    themes: "Thématiques",
    territory_specifics: "Spécificités du territoire",
    determinants: "Déterminants de la santé mentale",
    publics: "Publics",
    description: "Description",
    mental_health_considered: "Prise en compte de la santé mentale",
    success_factors: "Facteurs favorables",
    difficulties: "Difficultés",
    inequalities: "Inégalités de santé",
    learnings: "Enseignements",
    impacts: "Effets et impacts",
    health_in_all_policies: "Santé dans toutes les politiques",
    contact: "Contact",
    date: "Date de la fiche",
  },
  en: {
    period: "Period",
    territory: "Territory",
    porteur: "Lead organisation",
    role: "Role of the city",
    services_elus: "Elected officials and departments",
    partners: "Partners",
    budget: "Budget",
    budget_operating: "Operating budget",
    budget_investment: "Investment budget",
    budget_city_contribution: "City contribution",
    funders: "Funders",
    themes: "Themes",
    territory_specifics: "Territory specifics",
    determinants: "Mental-health determinants",
    publics: "Audiences",
    description: "Description",
    mental_health_considered: "How mental health is considered",
    success_factors: "Success factors",
    difficulties: "Difficulties",
    inequalities: "Health inequalities",
    learnings: "Learnings",
    impacts: "Effects and impacts",
    health_in_all_policies: "Health in all policies",
    contact: "Contact",
    date: "Sheet date",
  },
};

/** Display order of a card: key facts first, then the narrative fields. */
export const FIELD_ORDER = Object.keys(FIELD_LABELS.fr);

const STORAGE_KEY = "vs-assistant-lang";
let lang = initialLang();

function initialLang() {
  const fromQuery = new URLSearchParams(location.search).get("lang");
  if (fromQuery === "fr" || fromQuery === "en") return fromQuery;
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "fr" || saved === "en") return saved;
  } catch {
    // storage can be disabled (private mode, sandboxed iframe): French is the default anyway
  }
  return "fr";
}

export function getLang() {
  return lang;
}

export function setLang(next) {
  lang = next === "en" ? "en" : "fr";
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // see initialLang
  }
}

/** The string for `key`, with `{name}` placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const value = STRINGS[lang][key] ?? STRINGS.fr[key] ?? key;
  if (typeof value !== "string") return value;
  return value.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

/** Label of a field: ours for canonical names, else the one the sheet wrote. */
export function fieldLabel(field, sheetLabel) {
  return FIELD_LABELS[lang][field] ?? sheetLabel ?? field;
}

/** Fill every `[data-i18n]` text and `[data-i18n-attr="attr:key;attr:key"]` attribute. */
export function applyStaticStrings(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}
