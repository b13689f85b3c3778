// A list answer as a list: the answerer writes "intro\n- City — Title [n]" lines; each line
// becomes one item under its city (a nested <ul>, so screen readers count cities and sheets),
// with its citation button and cited passage. Lines it cannot read stay text.
import { h } from "./dom.js";

const LINE = /^[-•]\s+(.*?)\s*((?:\[\d+\]\s*)+)$/;

/** Items of a list answer, or null when the text is not a list of cited lines. */
export function parseListAnswer(text, citations) {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const intro = [];
  const items = [];
  for (const line of text.split("\n")) {
    const m = LINE.exec(line.trim());
    if (!m) {
      if (items.length) return null; // text after the list: not a plain list answer
      if (line.trim()) intro.push(line.trim());
      continue;
    }
    const cites = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => byN.get(Number(x[1]))).filter(Boolean);
    if (!cites.length) return null;
    // "City — Title": the city is shown as the group, so it is dropped from the item
    const label = m[1].startsWith(`${cites[0].city} — `) ? m[1].slice(cites[0].city.length + 3) : m[1];
    items.push({ city: cites[0].city, label, cites });
  }
  return items.length ? { intro: intro.join(" "), items } : null;
}

/** <ul> of cities, each with a <ul> of its sheets. */
export function renderListAnswer(parsed, makeRef) {
  const groups = new Map();
  for (const item of parsed.items) groups.set(item.city, [...(groups.get(item.city) ?? []), item]);
  return h("ul", { class: "answer-list" }, [...groups].map(([city, items]) => h("li", {},
    h("span", { class: "list-city" }, city),
    h("ul", {}, items.map((item) => h("li", { class: "list-item", "data-fiche": item.cites[0].ficheId },
      h("span", { class: "item-title" }, item.label), " ",
      item.cites.map((c) => makeRef(c)),
      h("span", { class: "item-excerpt", lang: "fr" }, `« ${oneLine(item.cites[0].excerpt)} »`)))))));
}

/** A passage's lines on one line: "a ; b" between short list lines, a space between sentences. */
export function oneLine(text) {
  const lines = text.split(/\s*\n\s*/).map((l) => l.replace(/^[-•]\s+/, "")).filter(Boolean);
  return lines.reduce((acc, line, i) => {
    if (!i) return line;
    const prose = /[.!?]$/.test(lines[i - 1]) && lines[i - 1].length > 60;
    return `${acc}${prose ? " " : " ; "}${line}`;
  }, "");
}
