// Chat page: wires the question form, the streamed answers, the language switch, filters,
// the card dialog, exports, the saved conversation and the deep link /fiches/:id.
import { h, clear, append } from "./dom.js";
import { t, getLang, setLang, applyStaticStrings } from "./i18n.js";
import { ask, listFiches, ApiError } from "./api.js";
import { renderAnswerText, renderCitations, answerAsText, markerButton } from "./answer.js";
import { parseListAnswer, renderListAnswer } from "./listAnswer.js";
import { openCard, rememberFiches } from "./card.js";
import { setSheets, populateFilters, currentFilters, resetFilters, filterLabels } from "./filters.js";
import { Conversation } from "./conversation.js";
import { copyText } from "./clipboard.js";
import { answerAsCsv, conversationAsMarkdown, download } from "./exports.js";
import { renderMap } from "./map.js";

const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const send = document.getElementById("send");
const turns = document.getElementById("turns");
const emptyState = document.getElementById("empty-state");
const examples = document.getElementById("examples");
const live = document.getElementById("live");
const langSwitch = document.getElementById("lang-switch");
const exportMd = document.getElementById("export-md");
const corpusSummary = document.getElementById("corpus-summary");
const conversation = new Conversation();
let pending = null;
let corpus = null;

const openCitation = (citation) => openCard(citation.ficheId, citation);
const stripMarkers = (text) => text.replace(/\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g, "");

function announce(text) {
  // re-setting the same text is not announced again; clear first
  live.textContent = "";
  setTimeout(() => (live.textContent = text), 50);
}

function renderStatic() {
  applyStaticStrings();
  langSwitch.lang = getLang() === "fr" ? "en" : "fr";
  clear(examples).append(...t("examples").map((q) =>
    h("li", {}, h("button", { type: "button", class: "example", onClick: () => submit(q) }, q))));
  if (corpus) {
    const sheets = corpus.fiches.filter((f) => f.kind === "fiche").length;
    const syntheses = corpus.fiches.length - sheets;
    corpusSummary.textContent = t("corpusSummary", {
      fiches: sheets,
      cities: new Set(corpus.fiches.map((f) => f.city)).size,
      syntheses: syntheses ? t("corpusSyntheses", { n: syntheses }) : "",
    });
  }
  populateFilters();
}

/** The user's turn and an empty assistant turn, appended to the conversation. */
function addTurn(question) {
  const answerText = h("div", { class: "answer-text" });
  const extras = h("div", { class: "answer-extras" });
  const stamp = h("p", { class: "filters-used" });
  const userTurn = h("div", { class: "turn turn-user" }, h("h2", { class: "visually-hidden" }, t("you")), h("p", {}, question));
  const assistantTurn = h("article", { class: "turn turn-assistant", "aria-busy": "true" },
    h("h2", { class: "visually-hidden" }, t("assistant")), stamp, answerText, extras);
  turns.append(userTurn, assistantTurn);
  return { userTurn, assistantTurn, answerText, extras, stamp };
}

/** A short spoken summary: the whole answer would keep a screen reader busy for a minute. */
function summarise(result, list) {
  if (list) {
    const cities = [...new Set(list.items.map((i) => i.city))];
    return t("listSummary", { n: list.items.length, cities: cities.length, names: cities.slice(0, 6).join(", ") });
  }
  if (!result.citations.length) return t("answerNone");
  const first = stripMarkers(result.answer).split(/(?<=[.!?:])\s|\n/)[0].trim();
  return `${first.length > 160 ? `${first.slice(0, 157)}…` : first} ${t("answerSummary", { n: result.citations.length })}`;
}

/** Fills a turn with its final answer; returns the parsed list for list answers. */
function renderResult(parts, result, filters) {
  const { userTurn, assistantTurn, answerText, extras, stamp } = parts;
  // the language the server detected for this exchange: turns keep it when the page switches
  userTurn.lang = assistantTurn.lang = result.lang ?? getLang();
  const labels = filterLabels(filters);
  stamp.textContent = labels.length ? t("filtersUsed", { list: labels.map((l) => l.label).join(" · ") }) : "";
  stamp.hidden = labels.length === 0;
  const list = result.intent === "list" ? parseListAnswer(result.answer, result.citations) : null;
  if (list) {
    clear(answerText).append(
      list.intro ? h("p", {}, list.intro) : null,
      renderListAnswer(list, (c) => markerButton(c, openCitation)),
    );
  } else {
    renderAnswerText(answerText, result.answer, result.citations, openCitation);
  }
  const byCity = new Map();
  if (list) for (const item of list.items) byCity.set(item.city, (byCity.get(item.city) ?? 0) + 1);
  append(clear(extras), [
    result.notice ? h("p", { class: "notice" }, t("notice", { text: result.notice })) : null,
    // a list carries its citations in its items: a Sources block would repeat every line
    list ? null : renderCitations(result.citations, openCitation),
    result.suggestions?.length ? renderSuggestions(result.suggestions) : null,
    list && byCity.size ? renderMap(byCity) : null,
    h("div", { class: "answer-tools" },
      h("button", { type: "button", class: "secondary copy", onClick: () => copyAnswer(result) }, t("copyAnswer")),
      list ? h("button", { type: "button", class: "secondary csv-copy", onClick: () => copyCsv(result) }, t("copyCsv")) : null,
      list ? h("button", { type: "button", class: "secondary csv-download",
        onClick: () => download("fiches-action.csv", answerAsCsv(result), "text/csv;charset=utf-8") }, t("exportCsv")) : null),
  ]);
  return list;
}

/** "Closest sheets" of an answer that found none: links to sheets, never shown as sources. */
export function renderSuggestions(suggestions) {
  return h("section", { class: "suggestions" },
    h("h3", {}, t("suggestionsTitle")),
    h("p", { class: "hint" }, t("suggestionsHint")),
    h("ul", {}, suggestions.map((s) => h("li", {},
      h("a", { href: `/fiches/${encodeURIComponent(s.ficheId)}`, class: "suggestion",
        onClick: (e) => { e.preventDefault(); openCard(s.ficheId); } }, `${s.city} — ${s.title}`)))));
}

async function submit(question) {
  question = question.trim();
  if (!question || pending) return;
  emptyState.hidden = true;
  input.value = "";
  const filters = currentFilters();
  const parts = addTurn(question);
  parts.answerText.append(h("span", { class: "pending" }, t("sending")));
  // the new question at the top of the view: its answer grows below it, above the question box
  parts.userTurn.scrollIntoView({ block: "start" });
  send.disabled = true;
  pending = new AbortController();
  let text = "";
  let citations = [];
  try {
    const result = await ask(
      { question, filters, history: conversation.history().filter((turn) => turn.content) },
      {
        onCitations: (data) => {
          citations = data.citations ?? [];
          rememberFiches(data.fiches);
        },
        onDelta: (delta) => {
          text += delta;
          renderAnswerText(parts.answerText, text, citations, openCitation);
        },
      },
      pending.signal,
    );
    rememberFiches(result.fiches);
    const list = renderResult(parts, result, filters);
    conversation.add(question, result, filters);
    exportMd.hidden = false;
    parts.userTurn.scrollIntoView({ block: "start" });
    announce(t("answerReady", { text: summarise(result, list) }));
  } catch (err) {
    const message = err instanceof ApiError && err.status === 0
      ? t("errorNetwork")
      : t("errorGeneric", { message: err.message });
    clear(parts.answerText).append(h("span", { class: "error", role: "alert" }, message));
  } finally {
    parts.assistantTurn.removeAttribute("aria-busy");
    send.disabled = false;
    pending = null;
  }
}

async function copyAnswer(result) {
  announce((await copyText(answerAsText(result))) ? t("copied") : t("copyFailed"));
}

async function copyCsv(result) {
  announce((await copyText(answerAsCsv(result))) ? t("csvCopied") : t("copyFailed"));
}

function restoreConversation() {
  const entries = conversation.restore();
  if (!entries.length) return;
  emptyState.hidden = true;
  for (const { question, result, filters } of entries) {
    const parts = addTurn(question);
    renderResult(parts, result, filters);
    parts.assistantTurn.removeAttribute("aria-busy");
  }
  exportMd.hidden = false;
  turns.lastElementChild?.previousElementSibling?.scrollIntoView({ block: "start" });
  announce(t("restored"));
}

function newConversation() {
  pending?.abort();
  conversation.clear();
  clear(turns);
  resetFilters();
  emptyState.hidden = false;
  exportMd.hidden = true;
  input.value = "";
  input.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  submit(input.value);
});
// Enter sends, Shift+Enter starts a new line (chat convention); IME composition is left alone
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});
document.getElementById("new-conversation").addEventListener("click", newConversation);
exportMd.addEventListener("click", () =>
  download("conversation-fiches-action.md", conversationAsMarkdown(conversation.entries), "text/markdown;charset=utf-8"));
langSwitch.addEventListener("click", () => {
  setLang(getLang() === "fr" ? "en" : "fr");
  renderStatic();
});

setLang(getLang());
renderStatic();
if (matchMedia("(max-width: 800px)").matches) document.getElementById("filters-details").open = false;
restoreConversation();
listFiches().then((data) => {
  corpus = data;
  setSheets(data.fiches);
  renderStatic();
}).catch(() => {
  // filters stay empty; asking still works
});
const deepLink = /^\/fiches\/([^/]+)\/?$/.exec(location.pathname);
if (deepLink) openCard(decodeURIComponent(deepLink[1]));
