// A map of France's départements, drawn offline from /assets/departements.json (no tile
// server), coloured by how many sheets each holds. The map is a view of a list: the same
// places are always given as text beside it (a <ul>), which is what keyboards and screen
// readers use; the SVG itself is one labelled image. Where each city lies comes from
// GET /api/places (official geography, server side).
import { h } from "./dom.js";
import { t } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
let outlines;
let places;

const loadOutlines = () => (outlines ??= fetch("/assets/departements.json").then((r) => {
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.json();
}));
const loadPlaces = () => (places ??= fetch("/api/places").then((r) => {
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.json();
}).then(({ places: list }) => new Map(list.map((p) => [p.name, p]))));

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value != null) el.setAttribute(key, String(value));
  el.append(...children.map((c) => (typeof c === "string" ? document.createTextNode(c) : c)));
  return el;
}

/** Five steps of one blue, light to dark, by share of the largest count (the largest is darkest). */
const SHADES = ["#b9d3ee", "#8ab4e2", "#5a93d0", "#2f73bd", "#0b4a8f"];
const shade = (n, max) => SHADES[Math.min(SHADES.length - 1, Math.max(0, Math.ceil((n / Math.max(1, max)) * SHADES.length) - 1))];

/**
 * Groups `counts` (city name → number of sheets) by département.
 * @returns {{code, name, total, cities: {name, count}[]}[]} and the cities no list knows
 */
export function groupByDepartement(counts, placeByName) {
  const byDep = new Map();
  const unplaced = [];
  for (const [city, count] of counts) {
    const place = placeByName.get(city);
    if (!place) {
      unplaced.push({ name: city, count });
      continue;
    }
    const dep = byDep.get(place.departement) ?? { code: place.departement, name: place.departementName, total: 0, cities: [] };
    dep.total += count;
    dep.cities.push({ name: city, count });
    byDep.set(place.departement, dep);
  }
  const deps = [...byDep.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "fr"));
  return { deps, unplaced };
}

/**
 * A <figure> with the map and its text list, filled once the outlines and places are loaded.
 * @param counts Map city → number of sheets
 * @param opts.onCity optional: a click on a city of the list (or on its département) calls it
 * @param opts.caption the figure's caption
 */
export function renderMap(counts, { onCity, caption } = {}) {
  const figure = h("figure", { class: "france-map" });
  const captionId = `map-${Math.random().toString(36).slice(2, 9)}`;
  figure.append(h("figcaption", { id: captionId }, caption ?? t("mapCaption")));
  const body = h("div", { class: "map-body" }, h("p", { class: "pending" }, t("loading")));
  figure.append(body);
  Promise.all([loadOutlines(), loadPlaces()]).then(([geo, placeByName]) => {
    const { deps, unplaced } = groupByDepartement(counts, placeByName);
    const max = Math.max(1, ...deps.map((d) => d.total));
    const byCode = new Map(deps.map((d) => [d.code, d]));
    const drawing = svg("svg", { viewBox: geo.viewBox, role: "img", "aria-labelledby": captionId, class: "map-svg", focusable: "false" },
      ...geo.departements.map((d) => {
        const dep = byCode.get(d.code);
        const path = svg("path", { d: d.d, fill: dep ? shade(dep.total, max) : "#eef0f3", "data-dep": d.code,
          class: dep ? "dep dep-on" : "dep" });
        if (dep) {
          path.append(svg("title", {}, `${d.name} (${d.code}) : ${dep.cities.map((c) => c.name).join(", ")} — ${t("sheetCount", { n: dep.total })}`));
          if (onCity && dep.cities.length === 1) path.addEventListener("click", () => onCity(dep.cities[0].name));
        }
        return path;
      }));
    const list = h("ul", { class: "map-list" }, deps.map((dep) => h("li", { "data-dep": dep.code },
      h("span", { class: "map-swatch", style: `background:${shade(dep.total, max)}`, "aria-hidden": "true" }),
      h("span", { class: "map-dep" }, `${dep.name} (${dep.code})`), " : ",
      dep.cities.flatMap((c, i) => [i ? ", " : "", cityItem(c, onCity)]))),
      unplaced.map((c) => h("li", { class: "map-unplaced" }, cityItem(c, onCity), ` — ${t("mapUnplaced")}`)));
    body.replaceChildren(h("div", { class: "map-drawing" }, drawing, h("p", { class: "map-credit" }, t("mapCredit"))), list);
  }).catch(() => {
    // the text of the answer or the cards already say where: the map is an extra
    body.replaceChildren(h("p", { class: "map-error" }, t("mapUnavailable")));
  });
  return figure;
}

function cityItem(city, onCity) {
  const label = `${city.name} (${city.count})`;
  return onCity
    ? h("button", { type: "button", class: "link map-city", onClick: () => onCity(city.name) }, label)
    : h("span", { class: "map-city" }, label);
}
