// The assistant's own words, in the question's language. Quotes from the sheets stay as written.
import type { Lang } from "../types.ts";

export const MESSAGES = {
  fr: {
    listIntro: (sheets: number, cities: number) => `${sheets} fiche${sheets > 1 ? "s" : ""} répond${sheets > 1 ? "ent" : ""}, dans ${cities} ville${cities > 1 ? "s" : ""} :`,
    fieldMissing: (label: string, title: string) => `La fiche « ${title} » ne renseigne pas : ${label}.`,
    fieldNotGiven: "la fiche ne renseigne pas ce point.",
    amountNotGiven: (title: string) => `La fiche « ${title} » n'indique aucun budget ni montant.`,
    shareNotGiven: (title: string, funder: string) => `La fiche « ${title} » indique un budget d'ensemble et ses financeurs, pas ce qu'y a apporté ${funder}.`,
    fieldRelatedOnly: "la fiche ne renseigne pas ce point ; elle indique :",
    similarIntro: (title: string) => `Actions proches de « ${title} » :`,
    shares: "en commun",
    nothing: "Je n'ai trouvé aucune fiche-action du recueil qui réponde à cette question.",
    unknownPlace: (place: string) => `Le recueil ne contient aucune fiche-action de ${place} : je ne peux rien en dire.`,
    generalIntro: "Voici ce que disent les fiches :",
    noneInScope: "Aucune des fiches de la réponse précédente ne traite de cela.",
    outsideScope: "Aucune des fiches de la réponse précédente ne traite de cela ; dans l'ensemble du recueil :",
    notCovered: (missing: string[]) => `Aucune fiche du recueil ne parle de ${missing.map((m) => `« ${m} »`).join(", ")} : je ne peux pas répondre sur ce point.`,
    notInCity: (cities: string[], missing: string[]) =>
      `Aucune fiche-action de ${cities.join(" ou de ")} ne parle de ${missing.map((m) => `« ${m} »`).join(", ")} : je ne peux pas répondre sur ce point pour ${cities.length > 1 ? "ces villes" : "cette ville"}.`,
    noneInFilters: "Aucune fiche ne répond à cette question avec les filtres choisis.",
    noOthers: "Aucune autre fiche du recueil ne répond à cette question.",
    suggestionsNote: "Les fiches les plus proches sont proposées à part, sans qu'elles répondent à la question.",
  },
  en: {
    listIntro: (sheets: number, cities: number) => `${sheets} sheet${sheets > 1 ? "s" : ""} answer${sheets > 1 ? "" : "s"}, in ${cities} cit${cities > 1 ? "ies" : "y"}:`,
    fieldMissing: (label: string, title: string) => `The sheet "${title}" does not fill in: ${label}.`,
    fieldNotGiven: "the sheet does not say.",
    amountNotGiven: (title: string) => `The sheet "${title}" gives no budget or amount.`,
    shareNotGiven: (title: string, funder: string) => `The sheet "${title}" gives an overall budget and its funders, not what ${funder} contributed.`,
    fieldRelatedOnly: "the sheet does not say; it gives:",
    similarIntro: (title: string) => `Actions close to "${title}":`,
    shares: "in common",
    nothing: "I found no action sheet in the collection that answers this question.",
    unknownPlace: (place: string) => `The collection has no action sheet from ${place}: I cannot say anything about it.`,
    generalIntro: "Here is what the sheets say:",
    noneInScope: "None of the sheets of the previous answer deals with that.",
    outsideScope: "None of the sheets of the previous answer deals with that; across the whole collection:",
    notCovered: (missing: string[]) => `No sheet in the collection mentions ${missing.map((m) => `"${m}"`).join(", ")}: I cannot answer on that point.`,
    notInCity: (cities: string[], missing: string[]) =>
      `No action sheet from ${cities.join(" or ")} mentions ${missing.map((m) => `"${m}"`).join(", ")}: I cannot answer on that point for ${cities.length > 1 ? "these cities" : "this city"}.`,
    noneInFilters: "No sheet answers this question within the chosen filters.",
    noOthers: "No other sheet in the collection answers this question.",
    suggestionsNote: "The closest sheets are offered separately; they do not answer the question.",
  },
} satisfies Record<Lang, unknown>;
