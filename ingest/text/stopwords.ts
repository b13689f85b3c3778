// Stop words, stored folded (lowercase, no accents) because they are matched after foldText.
// French: the Snowball French list plus common determiners, prepositions and question words.
// English: a short list, because questions may be asked in English.
// Deliberately NOT stop words: "ete" (été = summer, as in "Été au grand air"), "an"/"ans"
// (years; age ranges such as "16-25 ans"), "bien" (bien-être), "plus", "non", "sans"…
// none of them would be safe to drop in this corpus.

const FRENCH = `
a au aux avec ce ces dans de des du elle elles en et eux il ils je la le les leur leurs lui
ma mais me meme memes mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses
son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y
etee etees etes etant etante etants etantes suis es est sommes sont serai seras sera serons
serez seront serais serait serions seriez seraient etais etait etions etiez etaient fus fut
fumes futes furent sois soit soyons soyez soient fusse fusses fussions fussiez fussent
ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons
aurez auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eut
eumes eutes eurent aie aies ait ayons ayez aient eusse eusses eussions eussiez eussent
cet cette celle celles celui ceux cela ceci ca
dont quel quelle quels quelles lequel laquelle lesquels lesquelles auquel auxquels auxquelles
duquel desquels desquelles quoi comment combien pourquoi quand
ainsi aussi donc or ni car puis alors entre chez vers sous selon lors afin via aupres parmi envers depuis pendant durant malgre outre hormis quant
tout tous toute toutes tres peu chaque autre autres
`;

const ENGLISH = `
the of and or to in for on with at by from as into about than then so not no
is are was were be been being do does did done have has had having will would can could
should shall may might must
this that these those it its they them their there here we us our you your he she his her
i me my what which who whom whose where when why how
any some all each every such other more most also just only very
`;

function toSet(block: string): ReadonlySet<string> {
  return new Set(block.split(/\s+/).filter(Boolean));
}

export const FRENCH_STOP_WORDS: ReadonlySet<string> = toSet(FRENCH);
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = toSet(ENGLISH);
export const STOP_WORDS: ReadonlySet<string> = new Set([...FRENCH_STOP_WORDS, ...ENGLISH_STOP_WORDS]);

/**
 * Acronyms of the field, folded. They are kept whole whatever their case in the text, so a
 * lowercase query ("pssm", "ars") matches "PSSM"/"ARS" in a sheet. Snowball would otherwise
 * cut some of them ("ars" -> "ar", "cps" -> "cp", "ccoms" -> "ccom"). Only strings that are
 * not ordinary French or English words belong here.
 */
export const KNOWN_ACRONYMS: ReadonlySet<string> = toSet(`
pssm clsm cls clspd qpv epsm ccoms ccas cias ars caf rsa cps plui plu plh asv mda cmp cmpp
cms chu ch oms rfvs pmi ase aah esat gem unafam cpts dac etp bapu sumpps ireps cnfpt anru
npnru anct drac ddcs cpam cmu ame vih ist mdph ime sessad mjc cio dre reaap crip sdis
copil rh drh dgs rcp emmp empp hdj cmpea cattp ssr ehpad clic udaf ufs cpct cesc cvl
vras evras evars
`);
