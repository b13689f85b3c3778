// Embeddable assistant: <script src="https://HOST/widget.js" data-assistant-url="https://HOST" defer></script>
// defines ONE custom element, <villes-sante-assistant>, and appends it to the page. Everything
// lives in its Shadow DOM; styles are constructable stylesheets (adoptedStyleSheets), which a
// host page's CSP cannot block the way it blocks <style>. No global besides the element.
// This file is served as is (no build step), so the few helpers it shares in spirit with
// web/assets/ (SSE framing, passage highlighting) are repeated here in compact form.
(() => {
  "use strict";
  const NAME = "villes-sante-assistant";
  const script = document.currentScript;

  const STRINGS = {
    fr: {
      title: "Assistant Villes-Sant\u00e9", launcher: "Assistant fiches-action", close: "Fermer l'assistant",
      intro: "Posez une question sur les fiches-action sant\u00e9 mentale des Villes-Sant\u00e9. Chaque r\u00e9ponse cite ses sources.",
      examples: ["Quelles villes forment aux PSSM ?", "Quel est le budget des P\u00f4les Ressources Sant\u00e9 de Lille ?"],
      question: "Votre question", placeholder: "Votre question\u2026", send: "Envoyer", sending: "Recherche\u2026",
      sources: "Sources", noSources: "Aucune source cit\u00e9e.", citeRef: "Source {n} : {city} \u2014 {title}",
      back: "Retour aux r\u00e9ponses", full: "Fiche compl\u00e8te (nouvel onglet)", cited: "Passage cit\u00e9",
      loading: "Chargement\u2026", answerReady: "R\u00e9ponse : {text}", ficheMissing: "Cette fiche est introuvable.",
      blocked: "L'assistant n'a pas pu \u00eatre joint depuis ce site : origine non autoris\u00e9e ou service indisponible.",
      failed: "La question n'a pas pu aboutir : {message}", dialog: "Assistant fiches-action",
      newConv: "Nouvelle conversation", newConvLabel: "Commencer une nouvelle conversation",
      refused: "Ce site ({origin}) n'est pas autoris\u00e9 \u00e0 utiliser l'assistant. Pour l'activer, l'administrateur du service doit ajouter exactement {origin} \u00e0 la variable ALLOWED_ORIGINS du serveur.",
      unreachable: "L'assistant est injoignable \u00e0 l'adresse {url} : v\u00e9rifiez l'attribut data-assistant-url ou r\u00e9essayez plus tard.",
      listSummary: "{n} fiche(s) dans {cities} ville(s) : {names}.", answerNone: "Aucune fiche ne r\u00e9pond \u00e0 cette question.",
      answerSummary: "{first} {n} source(s).", suggestions: "Fiches les plus proches",
      suggestionsHint: "Aucune fiche ne r\u00e9pond exactement ; celles-ci s'en approchent (ce ne sont pas des sources).",
      restored: "Conversation pr\u00e9c\u00e9dente restaur\u00e9e.",
      mapCaption: "O\u00f9 sont ces actions (d\u00e9partements)", mapCredit: "Fond de carte : svg-maps (CC BY 4.0), g\u00e9ographie INSEE.",
      sheets: "{n} fiche(s)",
    },
    en: {
      title: "Healthy Cities assistant", launcher: "Action sheets assistant", close: "Close the assistant",
      intro: "Ask about the Healthy Cities mental-health action sheets. Every answer cites its sources.",
      examples: ["Which cities run PSSM trainings?", "What is the budget of the P\u00f4les Ressources Sant\u00e9 in Lille?"],
      question: "Your question", placeholder: "Your question\u2026", send: "Send", sending: "Searching\u2026",
      sources: "Sources", noSources: "No source cited.", citeRef: "Source {n}: {city} \u2014 {title}",
      back: "Back to the answers", full: "Full sheet (new tab)", cited: "Cited passage",
      loading: "Loading\u2026", answerReady: "Answer: {text}", ficheMissing: "This sheet cannot be found.",
      blocked: "The assistant cannot be reached from this site: origin not allowed or service unavailable.",
      failed: "The question failed: {message}", dialog: "Action sheets assistant",
      newConv: "New conversation", newConvLabel: "Start a new conversation",
      refused: "This site ({origin}) may not use the assistant. To enable it, the service administrator must add exactly {origin} to the server's ALLOWED_ORIGINS variable.",
      unreachable: "The assistant cannot be reached at {url}: check the data-assistant-url attribute or try again later.",
      listSummary: "{n} sheet(s) in {cities} city(ies): {names}.", answerNone: "No sheet answers this question.",
      answerSummary: "{first} {n} source(s).", suggestions: "Closest sheets",
      suggestionsHint: "No sheet answers exactly; these come closest (they are not sources).",
      restored: "Previous conversation restored.",
      mapCaption: "Where these actions are (d\u00e9partements)", mapCredit: "Base map: svg-maps (CC BY 4.0), INSEE geography.",
      sheets: "{n} sheet(s)",
    },
  };
  const FIELDS = {
    fr: { period: "P\u00e9riode", territory: "Territoire", porteur: "Porteur / pilote", role: "R\u00f4le de la collectivit\u00e9",
      services_elus: "\u00c9lus et services impliqu\u00e9s", partners: "Partenaires", budget: "Budget",
      budget_operating: "Budget de fonctionnement", budget_investment: "Budget d'investissement",
      budget_city_contribution: "Contribution de la collectivit\u00e9", funders: "Partenaires financiers",
      themes: "Th\u00e9matiques", territory_specifics: "Sp\u00e9cificit\u00e9s du territoire",
      determinants: "D\u00e9terminants de la sant\u00e9 mentale", publics: "Publics", description: "Description",
      mental_health_considered: "Prise en compte de la sant\u00e9 mentale", success_factors: "Facteurs favorables",
      difficulties: "Difficult\u00e9s", inequalities: "In\u00e9galit\u00e9s de sant\u00e9", learnings: "Enseignements",
      impacts: "Effets et impacts", health_in_all_policies: "Sant\u00e9 dans toutes les politiques",
      contact: "Contact", date: "Date de la fiche" },
    en: { period: "Period", territory: "Territory", porteur: "Lead organisation", role: "Role of the city",
      services_elus: "Elected officials and departments", partners: "Partners", budget: "Budget",
      budget_operating: "Operating budget", budget_investment: "Investment budget",
      budget_city_contribution: "City contribution", funders: "Funders",
      themes: "Themes", territory_specifics: "Territory specifics", determinants: "Mental-health determinants", publics: "Audiences",
      description: "Description", mental_health_considered: "How mental health is considered",
      success_factors: "Success factors", difficulties: "Difficulties", inequalities: "Health inequalities",
      learnings: "Learnings", impacts: "Effects and impacts", health_in_all_policies: "Health in all policies",
      contact: "Contact", date: "Sheet date" },
  };
  const ORDER = Object.keys(FIELDS.fr);
  const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;
  const DEFAULT_ACCENT = "#0b5cad";

  // ---- DOM: elements and text nodes only, never HTML strings ----
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) continue;
      if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child == null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // ---- colour: text on the accent picked by WCAG contrast ----
  function toRgb(color) {
    const ctx = document.createElement("canvas").getContext("2d");
    if (!ctx) return [11, 92, 173];
    ctx.fillStyle = DEFAULT_ACCENT;
    ctx.fillStyle = color; // an invalid colour leaves the default in place
    const hex = /^#([0-9a-f]{6})$/i.exec(ctx.fillStyle);
    if (!hex) return [11, 92, 173]; // translucent colours come back as rgba(): not usable as a background
    return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  }
  function luminance(rgb) {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function contrast(a, b) {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }
  const css = (rgb) => `rgb(${rgb.map(Math.round).join(" ")})`;
  function theme(color) {
    const accent = toRgb(color || DEFAULT_ACCENT);
    const white = [255, 255, 255];
    const dark = [17, 17, 17];
    const onAccent = contrast(accent, white) >= contrast(accent, dark) ? white : dark;
    // the accent also serves as text and borders on white: darken it until it reaches 4.5:1
    let ink = accent;
    for (let i = 0; i < 20 && contrast(ink, white) < 4.5; i++) ink = ink.map((v) => v * 0.88);
    return `:host { --accent: ${css(accent)}; --on-accent: ${css(onAccent)}; --ink: ${css(ink)}; }`;
  }

  // ---- server-sent events over fetch (POST cannot use EventSource) ----
  async function readEvents(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    const dispatch = (block) => {
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        const value = line.slice(colon + 1).replace(/^ /, "");
        if (line.startsWith("event:")) name = value;
        else if (line.startsWith("data:")) data.push(value);
      }
      if (!data.length) return;
      try { onEvent(name, JSON.parse(data.join("\n"))); } catch { onEvent(name, data.join("\n")); }
    };
    for (;;) {
      const { value, done } = await reader.read();
      buffer = (buffer + decoder.decode(value || new Uint8Array(), { stream: !done })).replace(/\r\n?/g, "\n");
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        dispatch(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
      }
      if (done) break;
    }
    if (buffer.trim()) dispatch(buffer);
  }

  // ---- a list answer ("intro\n- City \u2014 Title [n]" lines) as items grouped by city ----
  function parseList(text, citations) {
    const byN = new Map(citations.map((c) => [c.n, c]));
    const intro = [];
    const items = [];
    for (const raw of text.split("\n")) {
      const line = raw.trim();
      const m = /^[-\u2022]\s+(.*?)\s*((?:\[\d+\]\s*)+)$/.exec(line);
      if (!m) {
        if (items.length) return null; // text after the list: not a plain list answer
        if (line) intro.push(line);
        continue;
      }
      const cites = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => byN.get(Number(x[1]))).filter(Boolean);
      if (!cites.length) return null;
      const prefix = `${cites[0].city} \u2014 `;
      items.push({ city: cites[0].city, label: m[1].startsWith(prefix) ? m[1].slice(prefix.length) : m[1], cites });
    }
    return items.length ? { intro: intro.join(" "), items } : null;
  }

  // ---- the cited passage inside a field value ----
  function locate(value, c) {
    if (Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.end > c.start && c.end <= value.length) {
      let [a, b] = [c.start, c.end];
      const word = /[\p{L}\p{N}]/u; // chunk offsets may fall inside a word: widen to whole words
      while (a > 0 && word.test(value[a - 1]) && word.test(value[a])) a--;
      while (b < value.length && word.test(value[b - 1]) && word.test(value[b])) b++;
      return [a, b];
    }
    const needle = String(c.excerpt || "").replace(/^[.\u2026\s]+|[.\u2026\s]+$/g, "");
    const at = needle ? value.indexOf(needle) : -1;
    return at >= 0 ? [at, at + needle.length] : null;
  }
  function renderValue(value, range) {
    const lines = [];
    let from = 0;
    for (const line of value.split("\n")) {
      if (line.trim()) lines.push([line, from]);
      from += line.length + 1;
    }
    const marked = ([line, start]) => {
      const bullet = lines.length > 1 ? (/^\s*[-\u2022\u25a0\u2013*]\s+/.exec(line)?.[0].length ?? 0) : 0;
      const text = line.slice(bullet);
      start += bullet;
      if (!range) return [text];
      const a = Math.max(range[0] - start, 0);
      const b = Math.min(range[1] - start, text.length);
      return b <= a ? [text] : [text.slice(0, a), el("mark", {}, text.slice(a, b)), text.slice(b)];
    };
    if (lines.length <= 1) return el("p", {}, lines.length ? marked(lines[0]) : "");
    return el("ul", {}, lines.map((line) => el("li", {}, marked(line))));
  }

  const STYLE = `
:host { all: initial; }
/* the host element can still be styled by the page (a page rule on it beats :host), so the
   inherited properties are reset again on a wrapper the page cannot reach */
.root { all: initial; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 16px; line-height: 1.5; color: #1b1f24; text-align: start; }
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, textarea, a { font: inherit; }
button { cursor: pointer; border-radius: 8px; border: 2px solid var(--ink); background: var(--accent);
  color: var(--on-accent); padding: 0.4rem 0.8rem; min-height: 2.5rem; }
button.plain { background: #fff; color: var(--ink); }
.launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; border-radius: 999px;
  padding: 0.65rem 1.1rem; font-weight: 600; box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); }
.panel { position: fixed; right: 1rem; bottom: 4.75rem; z-index: 2147483001; display: flex; flex-direction: column;
  width: min(25rem, calc(100vw - 2rem)); height: min(38rem, calc(100vh - 6rem)); background: #fff;
  border: 1px solid #c9ced6; border-radius: 12px; box-shadow: 0 10px 30px rgb(0 0 0 / 0.3); overflow: hidden; }
.head { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem;
  padding: 0.5rem 0.5rem 0.5rem 1rem; background: var(--accent); color: var(--on-accent); }
.head h2 { margin: 0; font-size: 1.05rem; }
.head button { border-color: var(--on-accent); background: transparent; color: var(--on-accent); font-weight: 700; }
.scroll { flex: 1; overflow-y: auto; padding: 0.75rem 1rem; overflow-wrap: anywhere; }
.intro { margin: 0 0 0.5rem; color: #4a5360; }
.examples { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.4rem; }
.examples button { width: 100%; text-align: start; background: #fff; color: var(--ink); }
.q { align-self: flex-end; margin: 0.75rem 0 0.4rem auto; max-width: 90%; width: fit-content; padding: 0.4rem 0.7rem;
  background: #eef1f5; border-radius: 8px; white-space: pre-wrap; }
.a { margin: 0 0 0.5rem; white-space: pre-line; }
.pending { color: #4a5360; font-style: italic; }
.error { color: #a61b1b; font-weight: 600; }
.ref { min-width: 1.5rem; min-height: 1.5rem; padding: 0 0.3rem; margin: 0 0.1rem; border-width: 1px;
  border-radius: 999px; font-size: 0.78rem; font-weight: 700; line-height: 1; vertical-align: super; }
h3 { font-size: 0.95rem; margin: 0.5rem 0 0.3rem; }
ol.cites { list-style: none; margin: 0 0 0.5rem; padding: 0; display: flex; flex-direction: column; gap: 0.35rem; }
.cite { width: 100%; text-align: start; background: #f4f5f7; color: #1b1f24; border: 1px solid #c9ced6;
  font-size: 0.9rem; display: block; }
.cite b { color: var(--ink); }
.cite small { display: block; color: #4a5360; font-size: 0.85rem; }
form { display: flex; gap: 0.5rem; padding: 0.6rem; border-top: 1px solid #c9ced6; background: #fff; }
textarea { flex: 1; min-width: 0; resize: none; padding: 0.4rem 0.6rem; border: 1px solid #767f8c;
  border-radius: 8px; color: #1b1f24; background: #fff; }
.card-nav { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; position: sticky; top: -0.75rem; z-index: 1;
  margin: -0.75rem -1rem 0.5rem; padding: 0.5rem 1rem; background: #fff; border-bottom: 1px solid #c9ced6; }
.card-nav a { color: var(--ink); }
.city { margin: 0; font-weight: 700; color: var(--ink); text-transform: uppercase; font-size: 0.85rem; }
.card h2 { margin: 0.1rem 0 0.4rem; font-size: 1.1rem; line-height: 1.3; }
.card h2:focus { outline: none; } /* focused for screen readers only; not a control */
.note { margin: 0; color: #4a5360; font-size: 0.9rem; }
dl { margin: 0.5rem 0 0; }
dt { font-weight: 700; margin-top: 0.7rem; }
dd { margin: 0.1rem 0 0; }
dd p { margin: 0; white-space: pre-line; }
dd ul { margin: 0; padding-inline-start: 1.2rem; }
mark { background: #fff0a6; color: inherit; }
dd.hit { border-inline-start: 4px solid #b59b00; padding-inline-start: 0.5rem; }
.head .tools { display: flex; gap: 0.35rem; }
.head button.new { font-weight: 600; font-size: 0.85rem; padding: 0.3rem 0.6rem; }
.refused { margin: 0 0 0.75rem; padding: 0.6rem 0.75rem; border: 2px solid #a61b1b; border-radius: 8px; background: #fdf0f0; }
.refused p { margin: 0; }
.refused code { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 700; overflow-wrap: anywhere; }
ul.list { margin: 0.3rem 0 0.5rem; padding-inline-start: 1.1rem; }
ul.list > li { margin-bottom: 0.35rem; }
.lcity { font-weight: 700; color: var(--ink); }
ul.list ul { list-style: none; margin: 0.15rem 0 0; padding: 0; display: flex; flex-direction: column; gap: 0.3rem; }
.sugg { margin: 0.5rem 0; padding: 0.4rem 0.6rem; background: #f4f5f7; border-radius: 8px; }
.sugg p { margin: 0; color: #4a5360; font-size: 0.88rem; }
.sugg ul { margin: 0.3rem 0 0; padding-inline-start: 1.1rem; }
.sugg a { color: var(--ink); }
.turn { scroll-margin-top: 0.5rem; }
figure.map { margin: 0.4rem 0 0.6rem; padding: 0.4rem 0.5rem; border: 1px solid #c9ced6; border-radius: 8px; }
figure.map figcaption { font-weight: 600; font-size: 0.9rem; }
.mapbody { display: flex; gap: 0.6rem; align-items: flex-start; }
.mapbody svg { flex: 0 0 7.5rem; width: 7.5rem; height: auto; }
.mapbody path { stroke: #fff; stroke-width: 0.8; fill: #eef0f3; }
.mapbody path.on { fill: var(--accent); stroke: #1b1f24; stroke-width: 1; }
.mapbody ul { margin: 0; padding: 0; list-style: none; font-size: 0.85rem; }
.credit { margin: 0.2rem 0 0; font-size: 0.72rem; color: #4a5360; }
@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; border: 0; }
}`;

  function sheet(text) {
    try {
      const s = new CSSStyleSheet();
      s.replaceSync(text);
      return s;
    } catch {
      return null; // no constructable stylesheets (old browser): a <style> element is used instead
    }
  }

  class VillesSanteAssistant extends HTMLElement {
    static observedAttributes = ["assistant-url", "lang", "assistant-title", "accent-color", "open"];

    constructor() {
      super();
      this.history = [];
      this.entries = [];
      this.started = false;
      this.fiches = new Map();
      this.busy = false;
      this.returnFocus = null;
      const root = this.attachShadow({ mode: "open" });
      this.base = sheet(STYLE);
      this.themeSheet = sheet(theme(DEFAULT_ACCENT));
      if (this.base && this.themeSheet) root.adoptedStyleSheets = [this.base, this.themeSheet];
      else root.append(el("style", {}, STYLE), (this.themeStyle = el("style", {}, theme(DEFAULT_ACCENT))));
      this.build(root);
    }

    get language() {
      const lang = (this.getAttribute("lang") || document.documentElement.lang || "fr").slice(0, 2).toLowerCase();
      return lang === "en" ? "en" : "fr";
    }
    t(key, vars = {}) {
      const value = STRINGS[this.language][key];
      return typeof value === "string" ? value.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? "")) : value;
    }
    label(field, fallback) {
      return FIELDS[this.language][field] || fallback || field;
    }
    get apiBase() {
      return (this.getAttribute("assistant-url") || "").replace(/\/+$/, "");
    }

    build(root) {
      this.launcher = el("button", { class: "launcher", type: "button", "aria-expanded": "false",
        "aria-controls": "panel", onclick: () => this.toggleAttribute("open") });
      this.heading = el("h2", { id: "title" });
      this.closeButton = el("button", { type: "button", onclick: () => this.removeAttribute("open") }, "\u2715");
      this.newButton = el("button", { type: "button", class: "new", onclick: () => this.newConversation() });
      this.refusedNote = el("div", { class: "refused", role: "alert", hidden: true });
      this.intro = el("p", { class: "intro" });
      this.examples = el("ul", { class: "examples" });
      this.log = el("div", { class: "log" });
      this.chat = el("div", { class: "scroll chat" }, this.refusedNote, this.intro, this.examples, this.log);
      this.card = el("div", { class: "scroll card", hidden: true });
      this.input = el("textarea", { id: "q", rows: "2", maxlength: "1000" });
      this.qLabel = el("label", { for: "q", class: "sr" });
      this.sendButton = el("button", { type: "submit" });
      this.form = el("form", {}, this.qLabel, this.input, this.sendButton);
      this.live = el("p", { class: "sr", role: "status", "aria-live": "polite" });
      this.panel = el("section", { class: "panel", id: "panel", role: "dialog", "aria-labelledby": "title", hidden: true },
        el("div", { class: "head" }, this.heading, el("div", { class: "tools" }, this.newButton, this.closeButton)),
        this.chat, this.card, this.form, this.live);
      root.append(el("div", { class: "root" }, this.launcher, this.panel));

      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.ask(this.input.value);
      });
      this.input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.form.requestSubmit();
        }
      });
      root.addEventListener("keydown", (event) => {
        if (event.key !== "Escape" || this.panel.hidden) return;
        event.stopPropagation();
        if (!this.card.hidden) this.closeCard();
        else {
          this.removeAttribute("open");
          this.launcher.focus();
        }
      });
    }

    connectedCallback() {
      this.render();
      if (this.started) return;
      this.started = true;
      this.restore();
      this.checkOrigin();
    }

    // Before any question: may this page's origin call the API? /api/origin answers every
    // origin readably, so a refused page learns which origin to have added.
    async checkOrigin() {
      let body;
      try {
        const response = await fetch(`${this.apiBase}/api/origin`, { credentials: "omit", cache: "no-store" });
        if (!response.ok) return; // an older server without the route: questions will tell
        body = await response.json();
      } catch {
        this.refuse(this.t("unreachable", { url: this.apiBase || location.origin }));
        return;
      }
      if (body && body.allowed === false) this.refuse(this.t("refused", { origin: body.origin || location.origin }), body.origin || location.origin);
    }

    refuse(message, origin) {
      this.refusal = { message, origin };
      // the origin set apart as code, so the editor can copy it exactly
      const parts = origin ? message.split(origin) : [message];
      this.refusedNote.replaceChildren(el("p", {}, parts.flatMap((p, i) => (i ? [el("code", {}, origin), p] : [p]))));
      this.refusedNote.hidden = false;
      this.intro.hidden = this.examples.hidden = true;
      this.input.disabled = this.sendButton.disabled = true;
      console.warn(`villes-sante-assistant: ${message}`);
    }

    get storeKey() {
      return `villes-sante-assistant:${this.apiBase}`;
    }

    restore() {
      let saved = [];
      try {
        saved = JSON.parse(sessionStorage.getItem(this.storeKey) || "[]");
      } catch {
        saved = []; // storage disabled or damaged: start afresh
      }
      if (!Array.isArray(saved) || !saved.length) return;
      for (const entry of saved) {
        if (!entry || typeof entry.question !== "string" || !entry.result) continue;
        const { turn, answer } = this.addTurn(entry.question);
        this.finishTurn(turn, answer, entry.result);
        this.remember(entry.question, entry.result);
      }
      this.intro.hidden = this.examples.hidden = this.entries.length > 0;
    }

    remember(question, result) {
      this.entries.push({ question, result: { ...result, fiches: [] } });
      this.history.push({ role: "user", content: question },
        { role: "assistant", content: result.answer || " ", ficheIds: [...new Set(result.citations.map((c) => c.ficheId))] });
    }

    save() {
      try {
        if (this.entries.length) sessionStorage.setItem(this.storeKey, JSON.stringify(this.entries.slice(-30)));
        else sessionStorage.removeItem(this.storeKey);
      } catch {
        // storage full or disabled: the conversation just won't survive a reload
      }
    }

    newConversation() {
      this.entries = [];
      this.history = [];
      this.save();
      this.log.replaceChildren();
      if (!this.refusal) this.intro.hidden = this.examples.hidden = false;
      this.input.value = "";
      if (!this.card.hidden) this.closeCard();
      this.input.focus();
    }

    attributeChangedCallback(name, _old, value) {
      if (name === "accent-color") {
        const text = theme(value);
        if (this.themeSheet) this.themeSheet.replaceSync(text);
        else this.themeStyle.textContent = text;
      }
      if (name === "open") this.renderOpen();
      else this.render();
    }

    render() {
      const title = this.getAttribute("assistant-title") || this.t("title");
      this.heading.textContent = title;
      this.launcher.textContent = this.getAttribute("assistant-title") || this.t("launcher");
      this.closeButton.setAttribute("aria-label", this.t("close"));
      this.newButton.textContent = this.t("newConv");
      this.newButton.setAttribute("aria-label", this.t("newConvLabel"));
      this.intro.textContent = this.t("intro");
      this.examples.replaceChildren(...this.t("examples").map((q) =>
        el("li", {}, el("button", { type: "button", onclick: () => this.ask(q) }, q))));
      this.qLabel.textContent = this.t("question");
      this.input.placeholder = this.t("placeholder");
      this.sendButton.textContent = this.t("send");
      this.renderOpen();
    }

    renderOpen() {
      const open = this.hasAttribute("open");
      const wasOpen = !this.panel.hidden;
      this.panel.hidden = !open;
      this.launcher.setAttribute("aria-expanded", String(open));
      if (open && !wasOpen && this.isConnected && this.shadowRoot.activeElement === this.launcher) this.input.focus();
    }

    addTurn(question) {
      const answer = el("div", { class: "a" }, el("span", { class: "pending" }, this.t("sending")));
      const turn = el("div", { class: "turn", "aria-busy": "true" }, el("p", { class: "q" }, question), answer);
      this.log.append(turn);
      return { turn, answer };
    }

    async ask(raw) {
      const question = raw.trim();
      if (!question || this.busy || this.refusal) return;
      this.busy = true;
      this.sendButton.disabled = true;
      this.input.value = "";
      this.intro.hidden = this.examples.hidden = true;
      const { turn, answer } = this.addTurn(question);
      // the new question at the top of the panel: its answer grows below it
      turn.scrollIntoView({ block: "start" });
      let text = "";
      let citations = [];
      try {
        const response = await fetch(`${this.apiBase}/api/ask`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream" },
          body: JSON.stringify({ question, history: this.history.slice(-8) }),
        });
        if (!response.ok) {
          const body = await response.json().catch(() => ({}));
          throw new Error((body.error && body.error.message) || body.message || `HTTP ${response.status}`);
        }
        let result;
        if ((response.headers.get("content-type") || "").includes("text/event-stream")) {
          await readEvents(response, (event, data) => {
            if (event === "citations") {
              citations = data.citations || [];
              for (const f of data.fiches || []) this.fiches.set(f.id, f);
            } else if (event === "delta") {
              text += data.text || "";
              this.renderAnswer(answer, text, citations);
            } else if (event === "done") result = data;
            else if (event === "error") throw new Error(data.message || String(data));
          });
          if (!result) throw new Error("incomplete answer");
        } else result = await response.json();
        for (const f of result.fiches || []) this.fiches.set(f.id, f);
        const list = this.finishTurn(turn, answer, result);
        this.remember(question, result);
        this.save();
        turn.scrollIntoView({ block: "start" });
        this.announce(this.t("answerReady", { text: this.summary(result, list) }));
      } catch (err) {
        // a refused cross-origin request surfaces as a TypeError with no status: say so plainly
        const message = err instanceof TypeError ? this.t("blocked") : this.t("failed", { message: err.message });
        answer.replaceChildren(el("span", { class: "error", role: "alert" }, message));
      } finally {
        turn.removeAttribute("aria-busy");
        this.busy = false;
        this.sendButton.disabled = false;
      }
    }

    /** The final answer of a turn: a list grouped by city for list answers, else text and sources. */
    finishTurn(turn, answer, result) {
      turn.lang = result.lang || this.language; // kept when the widget's language changes
      turn.removeAttribute("aria-busy");
      const list = result.intent === "list" ? parseList(result.answer, result.citations) : null;
      if (list) {
        answer.replaceChildren(...(list.intro ? [el("p", {}, list.intro)] : []), this.renderList(list), this.renderMap(list));
      } else {
        this.renderAnswer(answer, result.answer, result.citations);
        turn.append(this.renderCitations(result.citations));
      }
      if (result.suggestions && result.suggestions.length) turn.append(this.renderSuggestions(result.suggestions));
      return list;
    }

    renderList(list) {
      const groups = new Map();
      for (const item of list.items) groups.set(item.city, [...(groups.get(item.city) || []), item]);
      return el("ul", { class: "list" }, [...groups].map(([city, items]) => el("li", {},
        el("span", { class: "lcity" }, city),
        el("ul", {}, items.map((item) => el("li", {}, item.cites.map((c) =>
          el("button", { type: "button", class: "cite", "aria-label": this.t("citeRef", { n: c.n, city: c.city, title: c.title }),
            onclick: (e) => this.openCard(c, e.currentTarget) },
            el("b", {}, `[${c.n}]`), ` ${item.label}`, el("small", { lang: "fr" }, c.excerpt)))))))));
    }

    renderSuggestions(suggestions) {
      return el("section", { class: "sugg" }, el("h3", {}, this.t("suggestions")), el("p", {}, this.t("suggestionsHint")),
        el("ul", {}, suggestions.map((s) => el("li", {},
          el("a", { href: `${this.apiBase}/fiches/${encodeURIComponent(s.ficheId)}`, target: "_blank", rel: "noopener" },
            `${s.city} \u2014 ${s.title}`)))));
    }

    // The departements of a list answer's cities: the outlines and the official place of each
    // city come from the assistant (/assets/departements.json, /api/places), fetched once.
    renderMap(list) {
      const captionId = `map-${Math.random().toString(36).slice(2, 9)}`;
      const body = el("div", { class: "mapbody" });
      const figure = el("figure", { class: "map" }, el("figcaption", { id: captionId }, this.t("mapCaption")), body,
        el("p", { class: "credit" }, this.t("mapCredit")));
      this.geo = this.geo || Promise.all([
        fetch(`${this.apiBase}/assets/departements.json`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status))))),
        fetch(`${this.apiBase}/api/places`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status))))),
      ]);
      this.geo.then(([geo, { places }]) => {
        const byName = new Map(places.map((p) => [p.name, p]));
        const deps = new Map();
        for (const item of list.items) {
          const place = byName.get(item.city);
          if (!place) continue;
          const dep = deps.get(place.departement) || { name: place.departementName, code: place.departement, cities: new Map() };
          dep.cities.set(item.city, (dep.cities.get(item.city) || 0) + 1);
          deps.set(place.departement, dep);
        }
        const NS = "http://www.w3.org/2000/svg";
        const svg = document.createElementNS(NS, "svg");
        svg.setAttribute("viewBox", geo.viewBox);
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-labelledby", captionId);
        for (const d of geo.departements) {
          const path = document.createElementNS(NS, "path");
          path.setAttribute("d", d.d);
          path.setAttribute("data-dep", d.code);
          if (deps.has(d.code)) path.setAttribute("class", "on");
          svg.append(path);
        }
        body.replaceChildren(svg, el("ul", {}, [...deps.values()].map((dep) => el("li", {},
          el("b", {}, `${dep.name} (${dep.code})`), " : ",
          [...dep.cities].map(([city, n]) => `${city} (${this.t("sheets", { n })})`).join(", ")))));
      }).catch(() => figure.remove()); // the list already names the cities: the map is an extra
      return figure;
    }

    /** What the screen reader hears: a short summary, not a twelve-line answer. */
    summary(result, list) {
      if (list) {
        const cities = [...new Set(list.items.map((i) => i.city))];
        return this.t("listSummary", { n: list.items.length, cities: cities.length, names: cities.slice(0, 6).join(", ") });
      }
      if (!result.citations.length) return this.t("answerNone");
      const first = result.answer.replace(/\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g, "").split(/(?<=[.!?:])\s|\n/)[0].trim();
      return this.t("answerSummary", { first: first.length > 160 ? `${first.slice(0, 157)}\u2026` : first, n: result.citations.length });
    }

    announce(text) {
      this.live.textContent = "";
      setTimeout(() => { this.live.textContent = text; }, 50);
    }

    renderAnswer(node, text, citations) {
      const byN = new Map(citations.map((c) => [c.n, c]));
      const parts = [];
      let last = 0;
      for (const m of text.matchAll(MARKER)) {
        const ns = m[1].split(/[,;]/).map((s) => Number(s.trim()));
        if (!ns.every((n) => byN.has(n))) continue;
        parts.push(text.slice(last, m.index));
        for (const n of ns) {
          const c = byN.get(n);
          parts.push(el("button", { type: "button", class: "ref", "aria-label": this.t("citeRef", { n, city: c.city, title: c.title }),
            onclick: (e) => this.openCard(c, e.currentTarget) }, String(n)));
        }
        last = m.index + m[0].length;
      }
      parts.push(text.slice(last));
      node.replaceChildren(...parts.map((p) => (typeof p === "string" ? document.createTextNode(p) : p)));
    }

    renderCitations(citations) {
      if (!citations.length) return el("p", { class: "note" }, this.t("noSources"));
      return el("div", {}, el("h3", {}, this.t("sources")), el("ol", { class: "cites" }, citations.map((c) =>
        el("li", {}, el("button", { type: "button", class: "cite", onclick: (e) => this.openCard(c, e.currentTarget) },
          el("b", {}, `[${c.n}] ${c.city}`), ` \u2014 ${c.title} \u2014 ${this.label(c.field, c.fieldLabel)}`,
          el("small", {}, c.excerpt))))));
    }

    async openCard(citation, opener) {
      this.returnFocus = opener;
      this.chat.hidden = this.form.hidden = true;
      this.card.hidden = false;
      this.card.replaceChildren(el("p", { class: "pending" }, this.t("loading")));
      let fiche = this.fiches.get(citation.ficheId);
      if (!fiche) {
        try {
          const response = await fetch(`${this.apiBase}/api/fiches/${encodeURIComponent(citation.ficheId)}`);
          if (!response.ok) throw new Error(String(response.status));
          fiche = await response.json();
          this.fiches.set(fiche.id, fiche);
        } catch {
          this.card.replaceChildren(this.cardNav(citation.ficheId), el("p", { class: "error", role: "alert" }, this.t("ficheMissing")));
          return;
        }
      }
      const names = [...ORDER, ...Object.keys(fiche.fields).filter((n) => !ORDER.includes(n))]
        .filter((n) => fiche.fields[n] && fiche.fields[n].trim());
      const heading = el("h2", { tabindex: "-1", id: "card-title" }, fiche.title);
      this.card.replaceChildren(
        this.cardNav(fiche.id),
        el("article", { "aria-labelledby": "card-title" },
          el("p", { class: "city" }, fiche.city), heading,
          el("p", { class: "note" }, `${this.t("cited")} \u2014 ${this.label(citation.field, citation.fieldLabel)}`),
          el("dl", {}, names.flatMap((n) => {
            const range = n === citation.field ? locate(fiche.fields[n], citation) : null;
            return [el("dt", {}, this.label(n, fiche.labels && fiche.labels[n])),
              el("dd", { class: range ? "hit" : null, "data-field": n }, renderValue(fiche.fields[n], range))];
          }))));
      heading.focus({ preventScroll: true });
      const mark = this.card.querySelector("mark");
      if (mark) mark.scrollIntoView({ block: "center" });
    }

    cardNav(id) {
      return el("div", { class: "card-nav" },
        el("button", { type: "button", class: "plain", onclick: () => this.closeCard() }, `\u2190 ${this.t("back")}`),
        el("a", { href: `${this.apiBase}/fiches/${encodeURIComponent(id)}`, target: "_blank", rel: "noopener" }, this.t("full")));
    }

    closeCard() {
      this.card.hidden = true;
      this.card.replaceChildren();
      this.chat.hidden = this.form.hidden = false;
      const target = this.returnFocus;
      this.returnFocus = null;
      (target && target.isConnected ? target : this.input).focus();
    }
  }

  if (!customElements.get(NAME)) customElements.define(NAME, VillesSanteAssistant);

  function boot() {
    // declarative use (<villes-sante-assistant> in the page) or the script included twice
    if (!script || document.querySelector(NAME)) return;
    const d = script.dataset;
    const node = document.createElement(NAME);
    node.setAttribute("assistant-url", d.assistantUrl || new URL(script.src, location.href).origin);
    if (d.lang) node.setAttribute("lang", d.lang);
    if (d.title) node.setAttribute("assistant-title", d.title);
    if (d.accentColor) node.setAttribute("accent-color", d.accentColor);
    if (d.open != null && d.open !== "false") node.setAttribute("open", "");
    document.body.append(node);
  }
  if (document.body) boot();
  else document.addEventListener("DOMContentLoaded", boot, { once: true });
})();
