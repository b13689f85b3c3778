// One assistant answer on screen: its text with `[n]` markers turned into buttons, the list of
// citations under it, and the plain-text version used by "copy with sources".
import { h, clear } from "./dom.js";
import { t, fieldLabel } from "./i18n.js";

// "[1]", "[1, 2]", "[1;3]" — the answerer writes single markers, an LLM rewrite may group them
const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/** Fills `el` with `text`, markers that match a citation becoming buttons calling onOpen(citation). */
export function renderAnswerText(el, text, citations, onOpen) {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const numbers = match[1].split(/[,;]/).map((s) => Number(s.trim()));
    if (!numbers.every((n) => byN.has(n))) continue;
    parts.push(text.slice(last, match.index));
    for (const n of numbers) parts.push(markerButton(byN.get(n), onOpen));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  clear(el).append(...parts.map((p) => (typeof p === "string" ? document.createTextNode(p) : p)));
}

export function markerButton(citation, onOpen) {
  return h("button", {
    type: "button",
    class: "cite-ref",
    "aria-label": t("citeRef", { n: citation.n, city: citation.city, title: citation.title }),
    onClick: () => onOpen(citation),
  }, String(citation.n));
}

/** The numbered list of sources under an answer. */
export function renderCitations(citations, onOpen) {
  if (!citations.length) return h("p", { class: "no-sources" }, t("noSources"));
  return h("section", { class: "citations" },
    h("h3", {}, t("sources")),
    h("ol", {}, citations.map((c) => h("li", { value: String(c.n) },
      h("button", { type: "button", class: "citation", onClick: () => onOpen(c) },
        h("span", { class: "citation-n", "aria-hidden": "true" }, `[${c.n}]`),
        h("span", { class: "citation-head" },
          h("span", { class: "citation-city" }, c.city),
          " — ",
          h("span", { class: "citation-title" }, c.title),
          " — ",
          h("span", { class: "citation-field" }, fieldLabel(c.field, c.fieldLabel))),
        h("span", { class: "citation-excerpt", lang: "fr" }, c.excerpt))))));
}

/** Answer and sources as plain text, for the clipboard. */
export function answerAsText(result) {
  const origin = location.origin;
  const lines = [result.answer.trim(), "", `${t("sources")} :`];
  for (const c of result.citations) {
    lines.push(`[${c.n}] ${c.city} — ${c.title} — ${fieldLabel(c.field, c.fieldLabel)} : « ${c.excerpt} »`);
    lines.push(`    ${origin}/fiches/${encodeURIComponent(c.ficheId)}`);
  }
  return lines.join("\n");
}
