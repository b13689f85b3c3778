// The sheet card: a modal <dialog> showing a fiche's fields, the cited passage marked and
// scrolled into view, and its "similar actions". Native <dialog> gives Escape-to-close and an
// inert background; focus goes back to whatever opened the card.
import { h, clear } from "./dom.js";
import { t, fieldLabel, FIELD_ORDER } from "./i18n.js";
import { locatePassage, renderValue } from "./highlight.js";
import { getFiche, getSimilar } from "./api.js";

const dialog = document.getElementById("card-dialog");
const body = document.getElementById("card-body");
const cache = new Map();
let returnFocusTo = null;

document.getElementById("card-close").addEventListener("click", () => dialog.close());
document.getElementById("card-print").addEventListener("click", () => window.print());
dialog.addEventListener("close", () => {
  if (location.pathname.startsWith("/fiches/")) history.replaceState(null, "", "/" + location.search);
  const target = returnFocusTo;
  returnFocusTo = null;
  if (target?.isConnected) target.focus();
});
// a click on the backdrop (the dialog box itself, outside its content) closes it
dialog.addEventListener("click", (event) => {
  if (event.target === dialog) dialog.close();
});

/** Remember sheets that arrived with an answer, so their card opens without a request. */
export function rememberFiches(fiches = []) {
  for (const fiche of fiches) cache.set(fiche.id, fiche);
}

/** Opens the card of `ficheId`; with `citation`, marks its passage. */
export async function openCard(ficheId, citation) {
  if (!dialog.open) {
    returnFocusTo = document.activeElement;
    clear(body).append(h("p", { class: "card-loading" }, t("loading")));
    dialog.showModal();
  }
  let fiche = cache.get(ficheId);
  if (!fiche) {
    try {
      fiche = await getFiche(ficheId);
      cache.set(ficheId, fiche);
    } catch {
      clear(body).append(h("p", { class: "error", role: "alert" }, t("errorFiche")));
      return;
    }
  }
  renderCard(fiche, citation);
  history.replaceState(null, "", `/fiches/${encodeURIComponent(fiche.id)}${location.search}`);
  const title = body.querySelector("h2");
  title?.focus({ preventScroll: true });
  const mark = body.querySelector("mark.cited");
  if (mark) mark.scrollIntoView({ block: "center" });
  else dialog.scrollTop = 0;
}

function renderCard(fiche, citation) {
  const cited = citation?.ficheId === fiche.id ? citation : undefined;
  const names = [
    ...FIELD_ORDER.filter((name) => fiche.fields[name]?.trim()),
    ...Object.keys(fiche.fields).filter((name) => !FIELD_ORDER.includes(name) && fiche.fields[name]?.trim()),
  ];
  const rows = names.flatMap((name) => {
    const value = fiche.fields[name];
    const range = cited?.field === name ? locatePassage(value, cited) : null;
    return [
      h("dt", { id: `field-${name}` }, fieldLabel(name, fiche.labels?.[name])),
      h("dd", { class: range ? "field cited-field" : "field", "data-field": name }, renderValue(value, range)),
    ];
  });
  const similarList = h("div", { class: "similar", "aria-live": "polite" });
  clear(body).append(
    h("header", { class: "card-header" },
      h("p", { class: "card-city" }, fiche.city),
      h("h2", { id: "card-title", tabindex: "-1" }, fiche.title),
      fiche.axis ? h("p", { class: "card-axis" }, `${t("cardAxis")} : ${fiche.axis}`) : null,
      cited
        ? h("p", { class: "card-cited-note" }, `${t("cardCited")} — ${fieldLabel(cited.field, cited.fieldLabel)}`)
        : null,
      h("div", { class: "card-actions" },
        h("button", { type: "button", class: "secondary similar-button", onClick: () => showSimilar(fiche, similarList) },
          t("similar"))),
      similarList,
    ),
    h("dl", { class: "card-fields" }, rows),
  );
}

async function showSimilar(fiche, container) {
  clear(container).append(h("p", {}, t("similarLoading")));
  let similar;
  try {
    ({ similar } = await getSimilar(fiche.id));
  } catch (err) {
    clear(container).append(h("p", { class: "error", role: "alert" }, t("errorGeneric", { message: err.message })));
    return;
  }
  if (!similar?.length) {
    clear(container).append(h("p", {}, t("similarNone")));
    return;
  }
  rememberFiches(similar.map((s) => s.fiche));
  clear(container).append(
    h("h3", {}, t("similar")),
    h("ul", { class: "similar-list" }, similar.map((item) => h("li", {},
      h("button", { type: "button", class: "link", onClick: () => openCard(item.fiche.id) },
        `${item.fiche.city} — ${item.fiche.title}`),
      item.shared?.length
        ? h("ul", { class: "shared" }, item.shared.map((s) => h("li", {},
            h("span", { class: "shared-field" }, `${fieldLabel(s.field)} : `), s.values.join(", "))))
        : null,
    ))),
  );
  container.scrollIntoView({ block: "start" });
}
