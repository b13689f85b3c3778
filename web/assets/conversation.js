// The conversation kept on screen and sent back as `history`, so a follow-up ("et son
// budget ?") can stay on the sheets the previous answer cited.

// The server bounds history; a handful of turns is all a follow-up needs.
const MAX_TURNS = 8;
const MAX_CHARS = 2000;

export class Conversation {
  #turns = [];

  /** Records a question and the answer it got. */
  add(question, result) {
    this.#turns.push({ question, result });
  }

  clear() {
    this.#turns = [];
  }

  get length() {
    return this.#turns.length;
  }

  /** The `history` field of the next POST /api/ask. */
  history() {
    const turns = this.#turns.flatMap(({ question, result }) => [
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
