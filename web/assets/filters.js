// The filter panel: options come from GET /api/fiches facets; the values apply to the next
// questions (POST /api/ask `filters`).
import { h, clear } from "./dom.js";
import { t } from "./i18n.js";

const SELECTS = {
  city: { id: "filter-city", facet: "cities" },
  axis: { id: "filter-axis", facet: "axes" },
  theme: { id: "filter-theme", facet: "themes" },
  determinant: { id: "filter-determinant", facet: "determinants" },
};
const qpvBox = document.getElementById("filter-qpv");
const summary = document.getElementById("filters-active");
let facets = null;

/** Fills the selects from `facets` (keeps the current choices). */
export function populateFilters(next) {
  facets = next ?? facets;
  if (!facets) return;
  for (const { id, facet } of Object.values(SELECTS)) {
    const select = document.getElementById(id);
    const chosen = select.value;
    const entries = Object.entries(facets[facet] ?? {}).sort(([a], [b]) => a.localeCompare(b, "fr"));
    clear(select).append(
      h("option", { value: "" }, t("filterAny")),
      ...entries.map(([value, count]) => h("option", { value }, `${value} (${count})`)),
    );
    select.value = chosen;
    select.closest(".filter").hidden = entries.length === 0;
  }
  qpvBox.closest(".filter").hidden = !facets.qpv;
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

export function resetFilters() {
  for (const { id } of Object.values(SELECTS)) document.getElementById(id).value = "";
  qpvBox.checked = false;
  updateSummary();
}

export function updateSummary() {
  const n = Object.keys(currentFilters()).length;
  summary.textContent = n ? t("filtersActive", { n }) : "";
}

for (const { id } of Object.values(SELECTS)) document.getElementById(id).addEventListener("change", updateSummary);
qpvBox.addEventListener("change", updateSummary);
document.getElementById("filters-reset").addEventListener("click", resetFilters);
