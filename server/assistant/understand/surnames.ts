// A person, or a place named after one, is named by the surname: the sheets write "CH Laborit" as often as
// "Centre hospitalier Henri Laborit", and a question's "hôpital Henri-Laborit" asks about both. The given name
// before a surname is dropped from the question, so that no sheet must write it (general usage in French and
// English: "l'hôpital Esquirol", "the Laborit hospital"). Given names come from the French lexicon (wordClasses.ts).

/** A capitalised word opening a name (no capitalised word before it), then a space or a hyphen, then another capitalised
 * word: a given name and the surname after it. Inside a name ("Entretiens Jacques Cartier") it is the name's own word. */
const GIVEN_THEN_CAPITAL = /(?<![\p{L}'’-]|\p{Lu}[\p{L}'’-]*[\s-]+)(\p{Lu}\p{Ll}+)[\s-]+(?=\p{Lu}\p{Ll})/gu;

/** The question with each given name opening a name of several words left out ("l'hôpital Henri Laborit": Laborit;
 * "Jean-Marc Dupont": Dupont). */
export function withoutGivenNames(question: string, givenName: ((word: string) => boolean) | undefined): string {
  if (!givenName) return question;
  let out = question;
  // "Jean-Marc Dupont": one given name at a time, until the surname stands alone
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = out.replace(GIVEN_THEN_CAPITAL, (m: string, word: string) => (givenName(word) ? "" : m));
  }
  return out;
}
