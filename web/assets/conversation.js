// The conversation kept on screen, sent back as `history` (so a follow-up such as "et son
// budget ?" stays on the sheets the previous answer cited) and saved in sessionStorage, so a
// reload of the tab keeps it and a new tab starts afresh.

// The server bounds history; a handful of turns is all a follow-up needs.
const MAX_TURNS = 8;
const MAX_CHARS = 2000;
// what a reload restores; the sheets' full fields are left out (a card fetches them again)
const MAX_SAVED = 30;

export class Conversation {
  #entries = [];
  #key;

  constructor(storageKey = "vs-assistant-conversation") {
    this.#key = storageKey;
  }

  /** The saved entries of this tab, oldest first ([] when none or storage is off). */
  restore() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.#key) ?? "[]");
      if (Array.isArray(saved)) this.#entries = saved.filter((e) => e && typeof e.question === "string" && e.result);
    } catch {
      this.#entries = [];
    }
    return this.entries;
  }

  /** Records a question, the answer it got and the filters it used. */
  add(question, result, filters = {}) {
    this.#entries.push({ question, result: { ...result, fiches: [] }, filters });
    this.#save();
  }

  clear() {
    this.#entries = [];
    this.#save();
  }

  get entries() {
    return [...this.#entries];
  }

  get length() {
    return this.#entries.length;
  }

  #save() {
    try {
      if (this.#entries.length) sessionStorage.setItem(this.#key, JSON.stringify(this.#entries.slice(-MAX_SAVED)));
      else sessionStorage.removeItem(this.#key);
    } catch {
      // storage full or disabled: the conversation still works, it just won't survive a reload
    }
  }

  /** The `history` field of the next POST /api/ask. */
  history() {
    const turns = this.#entries.flatMap(({ question, result }) => [
      { role: "user", content: question.slice(0, MAX_CHARS) },
      {
        role: "assistant",
        content: result.answer.slice(0, MAX_CHARS),
        ficheIds: [...new Set(result.citations.map((c) => c.ficheId))],
      },
    ]);
    return turns.slice(-MAX_TURNS);
  }
}
