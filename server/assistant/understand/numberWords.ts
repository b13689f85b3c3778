// English cardinals written as words ("fifty", "twelve") and their decades ("people in their fifties"): the sheets write
// numbers in digits ("plus de 50 ans", "12 situations"), and a bilingual dictionary translates "fifty" into the French word
// « cinquante », which they do not write either. General English, no sheet's wording.
const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };

/** The digits an English number word stands for ("fifty" and "fifties" 50, "twelve" 12, "hundred" 100), or none. */
export function digitsOf(word: string): string[] {
  const w = word.toLowerCase();
  const unit = UNITS.indexOf(w);
  if (unit >= 2) return [String(unit)];
  // (a decade, "fifties", is the ten it counts from)
  const ten = TENS.indexOf(w.replace(/ies$/, "y"));
  if (ten >= 2) return [String(ten * 10)];
  return SCALES[w] ? [String(SCALES[w])] : [];
}
