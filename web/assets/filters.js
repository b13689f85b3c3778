// The filter panel: options come from the sheets of GET /api/fiches, counted under the other
// active filters (so a count says what a question would search if it were picked too); the
// active filters show as removable chips by the question box and apply to the next questions
// (POST /api/ask `filters`).
import { h, clear } from "./dom.js";
import { t } from "./i18n.js";
import { ficheFacets, facetLabel } from "./facets.js";

const SELECTS = {
  city: { id: "filter-city", label: "filterCity" },
  axis: { id: "filter-axis", label: "filterAxis" },
  theme: { id: "filter-theme", label: "filterTheme" },
  determinant: { id: "filter-determinant", label: "filterDeterminant" },
};
const qpvBox = document.getElementById("filter-qpv");
const summary = document.getElementById("filters-active");
const chipsBar = document.getElementById("filter-chips");
const chipList = document.getElementById("filter-chip-list");
let sheets = null;

/** Gives the panel the sheets to count (from GET /api/fiches) and fills it. */
export function setSheets(fiches) {
  sheets = fiches.map((f) => ({ facets: ficheFacets(f) }));
  populateFilters();
}

const passes = (sheet, filters, skip) => Object.entries(filters).every(([key, value]) =>
  key === skip || (key === "qpv" ? sheet.facets.qpv.length > 0 : sheet.facets[key].includes(value)));

/** Fills the selects (keeps the current choices), counts following the other choices. */
export function populateFilters() {
  if (sheets) {
    const filters = currentFilters();
    for (const [key, { id }] of Object.entries(SELECTS)) {
      const select = document.getElementById(id);
      const chosen = select.value;
      const counts = new Map();
      for (const sheet of sheets) {
        if (!passes(sheet, filters, key)) continue;
        for (const v of sheet.facets[key]) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      if (chosen && !counts.has(chosen)) counts.set(chosen, 0);
      const entries = [...counts].sort(([a], [b]) => facetLabel(key, a).localeCompare(facetLabel(key, b), "fr"));
      clear(select).append(
        h("option", { value: "" }, t("filterAny")),
        ...entries.map(([value, count]) => h("option", { value, title: facetLabel(key, value) }, `${facetLabel(key, value)} (${count})`)),
      );
      select.value = chosen;
      select.title = chosen ? facetLabel(key, chosen) : "";
      select.closest(".filter").hidden = entries.length === 0;
    }
    qpvBox.closest(".filter").hidden = !sheets.some((s) => s.facets.qpv.length);
  }
  updateSummary();
}

/** The filters to send, without empty entries. */
export function currentFilters() {
  const filters = {};
  for (const [key, { id }] of Object.entries(SELECTS)) {
    const value = document.getElementById(id).value;
    if (value) filters[key] = value;
  }
  if (qpvBox.checked) filters.qpv = true;
  return filters;
}

/** "Ville : Caen" labels of a filters object, for chips and for stamping answers. */
export function filterLabels(filters = {}) {
  return Object.entries(filters).map(([key, value]) => key === "qpv"
    ? { key, label: t("filterQpvChip") }
    : { key, label: `${t(SELECTS[key]?.label ?? key)} : ${facetLabel(key, value)}` });
}

export function setFilters(filters = {}) {
  for (const [key, { id }] of Object.entries(SELECTS)) document.getElementById(id).value = filters[key] ?? "";
  qpvBox.checked = Boolean(filters.qpv);
  populateFilters();
}

export function resetFilters() {
  setFilters({});
}

function removeFilter(key) {
  if (key === "qpv") qpvBox.checked = false;
  else document.getElementById(SELECTS[key].id).value = "";
  populateFilters();
  (chipList.querySelector(".chip-remove") ?? document.getElementById("question")).focus();
}

function updateSummary() {
  const labels = filterLabels(currentFilters());
  summary.textContent = labels.length ? t("filtersActive", { n: labels.length }) : "";
  chipsBar.hidden = labels.length === 0;
  clear(chipList).append(...labels.map(({ key, label }) => h("li", { class: "chip", "data-filter": key },
    h("span", {}, label),
    h("button", { type: "button", class: "chip-remove", "aria-label": t("removeFilter", { label }), onClick: () => removeFilter(key) }, "×"))));
}

for (const { id } of Object.values(SELECTS)) document.getElementById(id).addEventListener("change", populateFilters);
qpvBox.addEventListener("change", populateFilters);
document.getElementById("filters-reset").addEventListener("click", resetFilters);
