// Where a cited passage sits in a field value, and rendering that value with the passage
// marked. Values are plain text with list items one per line (ingest), so a value renders
// as a paragraph or a list, and the mark is cut at line ends.
import { h } from "./dom.js";

const norm = (s) => s.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * [start, end) of the citation inside `value`: the server's offsets when they fit the value,
 * else a search for the excerpt (without its ellipses), else null.
 */
export function locatePassage(value, citation) {
  if (!value || !citation) return null;
  const { start, end, excerpt } = citation;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= value.length) {
    return toWordBounds(value, start, end);
  }
  const needle = String(excerpt ?? "").replace(/^[.…\s]+|[.…\s]+$/g, "");
  if (!needle) return null;
  const at = value.indexOf(needle);
  if (at >= 0) return [at, at + needle.length];
  // whitespace may differ (line breaks in the value, spaces in the excerpt): match on a
  // prefix of the normalised excerpt and map back through a per-character index
  const { text, map } = normalisedWithMap(value);
  const probe = norm(needle).slice(0, 60);
  const n = text.indexOf(probe);
  if (n < 0 || !probe) return null;
  const endN = Math.min(text.length - 1, n + norm(needle).length - 1);
  return [map[n], map[endN] + 1];
}

// chunk offsets can fall inside a word; a mark that starts mid-word reads as a glitch
function toWordBounds(value, start, end) {
  const word = /[\p{L}\p{N}]/u;
  while (start > 0 && word.test(value[start - 1]) && word.test(value[start])) start--;
  while (end < value.length && word.test(value[end - 1]) && word.test(value[end])) end++;
  return [start, end];
}

function normalisedWithMap(value) {
  let text = "";
  const map = [];
  let lastSpace = true;
  for (let i = 0; i < value.length; i++) {
    const isSpace = /\s/.test(value[i]);
    if (isSpace && lastSpace) continue;
    text += isSpace ? " " : value[i].toLowerCase();
    map.push(i);
    lastSpace = isSpace;
  }
  return { text, map };
}

/** A node showing `value` with `range` ([start, end) or null) wrapped in <mark>. */
export function renderValue(value, range) {
  const lines = [];
  let offset = 0;
  for (const line of value.split("\n")) {
    lines.push({ line, from: offset });
    offset += line.length + 1;
  }
  const kept = lines.filter(({ line }) => line.trim() !== "");
  const nodes = kept.map(({ line, from }) => {
    // a list becomes <ul>: its own bullet characters would be doubled
    const bullet = kept.length > 1 ? (/^\s*[-•■–*]\s+/.exec(line)?.[0].length ?? 0) : 0;
    return markedLine(line.slice(bullet), from + bullet, range);
  });
  if (kept.length <= 1) return h("p", { class: "field-value" }, nodes[0] ?? "");
  return h("ul", { class: "field-value" }, nodes.map((parts) => h("li", {}, parts)));
}

function markedLine(line, from, range) {
  if (!range) return [line];
  const a = Math.max(range[0] - from, 0);
  const b = Math.min(range[1] - from, line.length);
  if (b <= a) return [line];
  return [line.slice(0, a), h("mark", { class: "cited" }, line.slice(a, b)), line.slice(b)];
}
