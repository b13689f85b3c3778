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
