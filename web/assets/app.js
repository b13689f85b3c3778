// Chat page: wires the question form, the streamed answers, the language switch, filters,
// the card dialog and the deep link /fiches/:id.
import { h, clear, append } from "./dom.js";
import { t, getLang, setLang, applyStaticStrings } from "./i18n.js";
import { ask, listFiches, ApiError } from "./api.js";
import { renderAnswerText, renderCitations, answerAsText } from "./answer.js";
import { openCard, rememberFiches } from "./card.js";
import { populateFilters, currentFilters, resetFilters } from "./filters.js";
import { Conversation } from "./conversation.js";
import { copyText } from "./clipboard.js";

const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const send = document.getElementById("send");
const turns = document.getElementById("turns");
const emptyState = document.getElementById("empty-state");
const examples = document.getElementById("examples");
const live = document.getElementById("live");
const langSwitch = document.getElementById("lang-switch");
const conversation = new Conversation();
let pending = null;

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
  populateFilters();
}

async function submit(question) {
  question = question.trim();
  if (!question || pending) return;
  emptyState.hidden = true;
  input.value = "";
  const answerText = h("p", { class: "answer-text" });
  const extras = h("div", { class: "answer-extras" });
  const assistantTurn = h("article", { class: "turn turn-assistant", "aria-busy": "true" },
    h("h2", { class: "visually-hidden" }, t("assistant")), answerText, extras);
  turns.append(
    h("div", { class: "turn turn-user" }, h("h2", { class: "visually-hidden" }, t("you")), h("p", {}, question)),
    assistantTurn,
  );
  answerText.append(h("span", { class: "pending" }, t("sending")));
  assistantTurn.scrollIntoView({ block: "nearest" });
  send.disabled = true;
  pending = new AbortController();
  let text = "";
  let citations = [];
  try {
    const result = await ask(
      { question, filters: currentFilters(), history: conversation.history().filter((turn) => turn.content) },
      {
        onCitations: (data) => {
          citations = data.citations ?? [];
          rememberFiches(data.fiches);
        },
        onDelta: (delta) => {
          text += delta;
          renderAnswerText(answerText, text, citations, openCitation);
        },
      },
      pending.signal,
    );
    rememberFiches(result.fiches);
    renderAnswerText(answerText, result.answer, result.citations, openCitation);
    append(extras, [
      result.notice ? h("p", { class: "notice" }, t("notice", { text: result.notice })) : null,
      renderCitations(result.citations, openCitation),
      h("button", { type: "button", class: "secondary copy", onClick: () => copyAnswer(result) }, t("copyAnswer")),
    ]);
    conversation.add(question, result);
    announce(t("answerReady", { text: stripMarkers(result.answer) }));
  } catch (err) {
    const message = err instanceof ApiError && err.status === 0
      ? t("errorNetwork")
      : t("errorGeneric", { message: err.message });
    clear(answerText).append(h("span", { class: "error", role: "alert" }, message));
  } finally {
    assistantTurn.removeAttribute("aria-busy");
    send.disabled = false;
    pending = null;
  }
}

async function copyAnswer(result) {
  announce((await copyText(answerAsText(result))) ? t("copied") : t("copyFailed"));
}

function newConversation() {
  pending?.abort();
  conversation.clear();
  clear(turns);
  resetFilters();
  emptyState.hidden = false;
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
langSwitch.addEventListener("click", () => {
  setLang(getLang() === "fr" ? "en" : "fr");
  renderStatic();
});

setLang(getLang());
renderStatic();
if (matchMedia("(max-width: 800px)").matches) document.getElementById("filters-details").open = false;
listFiches().then(({ facets }) => populateFilters(facets)).catch(() => {
  // filters stay empty; asking still works
});
const deepLink = /^\/fiches\/([^/]+)\/?$/.exec(location.pathname);
if (deepLink) openCard(decodeURIComponent(deepLink[1]));
