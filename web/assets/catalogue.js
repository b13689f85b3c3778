// The catalogue (/fiches): every sheet of GET /api/fiches as a card, narrowed by words and by
// facets whose counts follow the other active choices (faceted search: a facet's counts apply
// every filter but its own, so picking a second city stays possible), the active choices as
// removable chips, and a map of the places shown. The state lives in the query string, so a
// filtered catalogue can be linked to and the Back button undoes a choice.
import { h, clear } from "./dom.js";
import { t, getLang, setLang, applyStaticStrings } from "./i18n.js";
import { listFiches } from "./api.js";
import { renderMap } from "./map.js";
import { FACETS, ficheFacets, matchesWords, foldText, facetLabel } from "./facets.js";

const search = document.getElementById("cat-search");
const facetsBox = document.getElementById("facets");
const chipsBar = document.getElementById("active-filters");
const chips = document.getElementById("chips");
const cards = document.getElementById("cards");
const count = document.getElementById("results-count");
const mapSlot = document.getElementById("map-slot");
const summary = document.getElementById("corpus-summary");
const langSwitch = document.getElementById("lang-switch");

let fiches = [];
/** facet key → Set of chosen values; words typed in the search box */
const state = { chosen: new Map(FACETS.map((f) => [f.key, new Set()])), words: "" };

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const f of FACETS) state.chosen.set(f.key, new Set(params.getAll(f.key)));
  state.words = params.get("q") ?? "";
  search.value = state.words;
}

function writeUrl() {
  const params = new URLSearchParams();
  if (state.words.trim()) params.set("q", state.words.trim());
  for (const f of FACETS) for (const v of state.chosen.get(f.key)) params.append(f.key, v);
  const query = params.toString();
  history.replaceState(null, "", query ? `/fiches?${query}` : "/fiches");
}

/** Sheets that pass the words and every facet except `skip`. */
function matching(skip) {
  return fiches.filter((fiche) => matchesWords(fiche, state.words) && FACETS.every((f) => {
    if (f.key === skip) return true;
    const chosen = state.chosen.get(f.key);
    // within one facet, choices add up (or); across facets, they narrow (and)
    return chosen.size === 0 || fiche.facets[f.key].some((v) => chosen.has(v));
  }));
}

function toggle(key, value, on) {
  const set = state.chosen.get(key);
  if (on ?? !set.has(value)) set.add(value);
  else set.delete(value);
  update();
}

function renderFacets() {
  const focusedId = document.activeElement?.id;
  clear(facetsBox);
  for (const f of FACETS) {
    const pool = matching(f.key);
    const counts = new Map();
    for (const fiche of pool) for (const v of fiche.facets[f.key]) counts.set(v, (counts.get(v) ?? 0) + 1);
    const chosen = state.chosen.get(f.key);
    for (const v of chosen) if (!counts.has(v)) counts.set(v, 0);
    if (!counts.size) continue;
    const entries = [...counts].sort(([a, na], [b, nb]) => (f.byCount ? nb - na : 0) || facetLabel(f.key, a).localeCompare(facetLabel(f.key, b), "fr"));
    facetsBox.append(h("fieldset", { class: "facet" },
      h("legend", {}, t(f.label)),
      h("ul", { class: "facet-options" }, entries.map(([value, n], i) => {
        const id = `facet-${f.key}-${i}`;
        return h("li", {},
          h("input", { type: "checkbox", id, "data-facet": f.key, "data-value": value, checked: chosen.has(value),
            onChange: (e) => toggle(f.key, value, e.target.checked) }),
          h("label", { for: id }, facetLabel(f.key, value), " ", h("span", { class: "facet-count" }, `(${n})`)));
      }))));
  }
  // the boxes were rebuilt: keep the keyboard where it was
  if (focusedId) document.getElementById(focusedId)?.focus();
}

function renderChips() {
  const active = FACETS.flatMap((f) => [...state.chosen.get(f.key)].map((value) => ({ f, value })));
  chipsBar.hidden = active.length === 0 && !state.words.trim();
  clear(chips).append(
    ...(state.words.trim() ? [chip(`« ${state.words.trim()} »`, () => { state.words = ""; search.value = ""; update(); })] : []),
    ...active.map(({ f, value }) => chip(`${t(f.label)} : ${facetLabel(f.key, value)}`, () => toggle(f.key, value, false))),
  );
}

function chip(label, onRemove) {
  return h("li", { class: "chip" },
    h("span", {}, label),
    h("button", { type: "button", class: "chip-remove", "aria-label": t("removeFilter", { label }), onClick: () => {
      onRemove();
      // the chip is gone: land on the next one, or the results heading
      (chips.querySelector(".chip-remove") ?? document.getElementById("results-title")).focus();
    } }, "×"));
}

function renderCards(shown) {
  count.textContent = t("catResults", { n: shown.length, total: fiches.length });
  clear(cards).append(...shown.map(card));
  if (!shown.length) cards.append(h("li", { class: "no-result" }, t("catNoResult")));
}

function card(fiche) {
  const line = (key, value) => value ? [h("dt", {}, t(key)), h("dd", {}, value)] : [];
  const porteur = (fiche.fields.porteur ?? "").split("\n")[0].trim();
  return h("li", { class: "fiche-card", "data-id": fiche.id },
    h("article", { "aria-labelledby": `title-${fiche.id}` },
      h("p", { class: "card-city" }, facetLabel("city", fiche.city)),
      fiche.kind === "synthese" ? h("p", { class: "card-kind" }, t("synthesisBadge")) : null,
      h("h3", { id: `title-${fiche.id}` }, h("a", { href: `/fiches/${encodeURIComponent(fiche.id)}` }, fiche.title)),
      h("dl", { class: "card-facts" },
        line("catAxis", fiche.axis),
        line("catPeriod", fiche.fields.period?.split("\n")[0]),
        line("catPorteur", porteur.length > 160 ? `${porteur.slice(0, 157)}…` : porteur),
        fiche.facets.theme.length
          ? [h("dt", {}, t("catThemes")), h("dd", {}, h("ul", { class: "tags" }, fiche.facets.theme.map((v) => h("li", {}, v))))]
          : [])));
}

function renderMapFor(shown) {
  const byCity = new Map();
  for (const fiche of shown) byCity.set(fiche.city, (byCity.get(fiche.city) ?? 0) + 1);
  clear(mapSlot).append(renderMap(byCity, {
    caption: t("catMapCaption"),
    onCity: (city) => toggle("city", city, true),
  }));
}

function update() {
  writeUrl();
  const shown = matching(null);
  renderFacets();
  renderChips();
  renderCards(shown);
  renderMapFor(shown);
}

function renderStatic() {
  applyStaticStrings();
  langSwitch.lang = getLang() === "fr" ? "en" : "fr";
  const sheets = fiches.filter((f) => f.kind === "fiche");
  const syntheses = fiches.length - sheets.length;
  if (fiches.length) summary.textContent = t("corpusSummary", { fiches: sheets.length, cities: new Set(fiches.map((f) => f.city)).size,
    syntheses: syntheses ? t("corpusSyntheses", { n: syntheses }) : "" });
}

let typing;
search.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    state.words = search.value;
    update();
  }, 150);
});
document.getElementById("clear-all").addEventListener("click", () => {
  for (const set of state.chosen.values()) set.clear();
  state.words = search.value = "";
  update();
  document.getElementById("results-title").focus();
});
langSwitch.addEventListener("click", () => {
  setLang(getLang() === "fr" ? "en" : "fr");
  renderStatic();
  update();
});

setLang(getLang());
// on a phone the facets would fill the first screen: folded, the results come first
if (matchMedia("(max-width: 800px)").matches) document.getElementById("facets-details").open = false;
readUrl();
renderStatic();
listFiches().then((data) => {
  fiches = data.fiches.map((f) => ({ ...f, facets: ficheFacets(f), text: foldText(f) }));
  renderStatic();
  update();
}).catch((err) => {
  count.textContent = t("errorGeneric", { message: err.message });
});
