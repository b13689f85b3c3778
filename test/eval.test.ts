// Keeps answer quality from sliding back: runs ../shared/eval/score.mjs on both public question
// sets through the real HTTP server and checks the figures against floors set just under what
// was measured when they were last raised (README "Quality"). dev2 was written by someone who
// had not seen the code; its floors are lower because it is harder, not because it matters less.
// `probes` (test/eval/probes.jsonl) are ours, written from the seeds after the fact to probe what
// the public sets barely ask: unanswerable questions in both languages, values any field holds,
// names of bodies, follow-ups and filters. They guard regressions; they are no independent measure.
// `blind1`–`blind110` (test/eval/blindN.jsonl, with their judging notes) were written from the seeds
// by helpers who saw neither the code nor our questions, in dev2's style, to stand in for the
// held-out sets; each was measured clean first, then tuned on (blind9 only for its lookups; blind11
// only for the wording of its similar questions; blind12 from the eighth session; blind13 and blind14
// measured clean through the eighth session, then tuned on in the ninth; blind15 and blind16 written in the ninth session, measured
// clean at its start and end, then tuned on in the tenth; blind17 and blind18 written in the tenth, measured clean at its start
// and end, then tuned on in the eleventh; blind19 and blind20 written in the eleventh, measured clean at its start and end, then
// tuned on in the twelfth; blind21 and blind22 written in the twelfth, measured clean at its start and end, never read;
// blind23, mostly lookups, written and tuned on in the twelfth; blind21 and blind22 tuned on in the thirteenth, and blind24,
// written in the thirteenth, measured clean at its start, then tuned on; blind25 and blind26 written in the thirteenth,
// measured clean at its start and end, never read; blind27 and blind28, written in the thirteenth for the clean sets'
// weakest kinds (English lookups, English lists), tuned on from the start; blind29–32 written in the fourteenth, blind29
// measured clean after every change and never read, blind30 and blind31 measured clean at its start, then tuned on, blind32
// measured clean late in it, then its five English lists (and two similar questions) read; blind33–36 written in the fifteenth,
// blind33 and blind36 never read, blind34 and blind35 measured clean at its start, then tuned on, blind37 measured
// clean late in it, then tuned on, blind38 measured clean late in it, its lists read at its end, blind39 and blind40 written at its end and measured once before and once after its
// changes, never read; blind41–44 written at the start of the sixteenth, blind41 and blind42 measured clean then tuned on,
// blind43 and blind44 measured once with its start's code and once with its end's, never read; blind45 and blind46 the same
// in the seventeenth; blind47 and blind48 written at the start of the eighteenth, measured after each change; blind49 and
// blind50 the same in the nineteenth; blind51 and blind52 the same in the twentieth, blind52's failing questions read
// early in it; blind53 and blind54 the same in the twenty-first, blind54's failing questions read early in it; blind55 and
// blind56 the same in the twenty-second, blind55's failing questions read early in it; blind57 and blind58 the same in the
// twenty-third, neither read; blind59 and blind60 the same in the twenty-fourth; blind61 and blind62 the same in the
// twenty-fifth; blind66 the same in the twenty-sixth, which wrote blind67 (lists) and blind68 (unanswerable questions and
// controls; no list, so no floors here) to tune on; blind69 the same in the twenty-seventh, which wrote blind70 (lists) to tune
// on; blind71 the same in the twenty-eighth, which wrote blind72 (lists) to tune on; blind73 the same in the twenty-ninth,
// which wrote blind74 (lists) to tune on; blind75 the same in the thirtieth, which wrote blind76 (lists) to tune on; blind77
// the same in the thirty-first, which wrote blind78 (dev2's style) to tune on; blind79 the same in the thirty-second, which
// wrote blind80 (dev2's style) and blind81 (lookups) to tune on, and blind82 (lookups), measured unread twice, then read;
// blind83 the same in the thirty-third, which wrote blind84 (lists) to tune on and blind85 (lists), measured unread;
// blind86 the same in the thirty-fourth, which wrote blind87 (follow-ups) to tune on and blind88 (follow-ups), measured
// unread; blind89–94 written in the thirty-fifth, blind89, blind92 and blind94 (lookups, abstention, two-valued lookups)
// tuned on, blind90, blind91 and blind93 measured unread; blind95 (dev2's style) written at the start of the thirty-sixth,
// measured unread, with blind96 (lists) and blind97 (English) to tune on; blind98 (dev2's style) written at the start of the
// thirty-seventh, measured unread, with blind99 (similar and English questions) to tune on; blind100 (dev2's style) written
// at the start of the thirty-eighth, measured unread, with blind101 (similar, unanswerable, follow-ups) to tune on; blind102
// (dev2's style) written at the start of the thirty-ninth, measured unread, with blind103 (follow-ups, unanswerable, lists
// in other words) to tune on; blind104 (dev2's style) written at the start of the fortieth, measured unread, with blind105
// (paraphrased lists, unanswerable questions and values no sheet gives) to tune on; blind106 (dev2's style) written at the
// start of the forty-first, measured unread, with blind107 (hard lists, unanswerable questions, follow-ups) to tune on;
// blind108 (dev2's style) written at the start of the forty-second, measured unread, with blind109 (hard lists, unanswerable
// questions) and blind110 (follow-ups) to tune on: README "Quality"). Their floors
// sit just under today's figures: they are far from the held-out
// targets, and the floors keep them from sliding back, not from rising.
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalDir, runScorer, summaryOf } from "./eval/runEval.ts";
import { startTestServer, type TestServer } from "./helpers/startTestServer.ts";

const FLOORS = {
  dev: { "recall@5": 0.94, "mrr@10": 0.94, cityF1: 0.97, lookup: 0.95, abstain: 1, faithful: 0.99 },
  dev2: { "recall@5": 0.92, "mrr@10": 0.93, cityF1: 0.89, lookup: 0.95, abstain: 1, faithful: 0.99 },
  // probes abstain 0.97: c-06 ("Housing First programme for homeless people…") abstained only because "First" was
  // taken for an unknown name; grounded now, it cites the two sheets that write "Logement d'abord" (2026-11-29)
  probes: { "recall@5": 0.96, "mrr@10": 0.9, cityF1: 0.89, lookup: 0.95, abstain: 0.97, faithful: 0.98 },
  blind1: { "recall@5": 0.85, "mrr@10": 0.87, cityF1: 0.69, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind2: { "recall@5": 0.84, "mrr@10": 0.88, cityF1: 0.66, lookup: 0.85, abstain: 0.85, faithful: 0.99 },
  blind3: { "recall@5": 0.86, "mrr@10": 0.88, cityF1: 0.78, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // (blind4's city F1 floor 0.63 -> 0.61 in the twenty-sixth session: 3c62471's list frame for « actions qui associent… »
  // lost e-31, 0.8 -> 0.5, while four read questions rose)
  blind4: { "recall@5": 0.8, "mrr@10": 0.86, cityF1: 0.61, lookup: 0.95, abstain: 0.95, faithful: 0.98 },
  blind5: { "recall@5": 0.83, "mrr@10": 0.82, cityF1: 0.7, lookup: 0.85, abstain: 0.95, faithful: 0.99 },
  blind6: { "recall@5": 0.92, "mrr@10": 0.9, cityF1: 0.87, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind7 MRR floor 0.94 -> 0.93 in the fifteenth session: m-21 (similar) fell 1 -> 0.33 with the youth health centre entry, which six questions gained
  blind7: { "recall@5": 0.88, "mrr@10": 0.93, cityF1: 0.81, lookup: 0.85, abstain: 0.95, faithful: 0.99 },
  blind8: { "recall@5": 0.78, "mrr@10": 0.9, cityF1: 0.83, lookup: 0.75, abstain: 0.95, faithful: 0.99 },
  blind9: { "recall@5": 0.82, "mrr@10": 0.83, cityF1: 0.74, lookup: 0.35, abstain: 0.75, faithful: 0.99 },
  blind10: { "recall@5": 0.76, "mrr@10": 0.82, cityF1: 0.65, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind11: { "recall@5": 0.88, "mrr@10": 0.88, cityF1: 0.8, lookup: 0.7, abstain: 0.95, faithful: 0.98 },
  blind12: { "recall@5": 0.9, "mrr@10": 0.88, cityF1: 0.84, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind13: { "recall@5": 0.92, "mrr@10": 0.91, cityF1: 0.86, lookup: 0.95, abstain: 0.75, faithful: 0.99 },
  blind14: { "recall@5": 0.93, "mrr@10": 0.93, cityF1: 0.84, lookup: 0.95, abstain: 0.75, faithful: 0.99 },
  blind15: { "recall@5": 0.87, "mrr@10": 0.8, cityF1: 0.77, lookup: 0.9, abstain: 0.75, faithful: 0.99 }, // lookup 1 -> 0.909 (w-18: "co" of "co-facilitating" no longer a concept, eighteenth session)
  // (blind16 city F1 0.92 -> 0.9 in the twenty-seventh session: "involve" out of the participation glossary entry lost
  // y-24's Poitiers sheet, 1 -> 0.67, while seven read questions rose and dev2's recall 0.950 -> 0.955)
  blind16: { "recall@5": 0.89, "mrr@10": 0.81, cityF1: 0.9, lookup: 0.9, abstain: 0.75, faithful: 0.98 },
  blind17: { "recall@5": 0.88, "mrr@10": 0.88, cityF1: 0.74, lookup: 0.95, abstain: 0.75, faithful: 0.99 },
  blind18: { "recall@5": 0.9, "mrr@10": 0.86, cityF1: 0.73, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind19: { "recall@5": 0.87, "mrr@10": 0.9, cityF1: 0.66, lookup: 0.95, abstain: 0.75, faithful: 0.99 },
  blind20: { "recall@5": 0.93, "mrr@10": 0.91, cityF1: 0.79, lookup: 0.95, abstain: 0.75, faithful: 0.99 },
  blind21: { "recall@5": 0.9, "mrr@10": 0.86, cityF1: 0.84, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind22: { "recall@5": 0.85, "mrr@10": 0.88, cityF1: 0.7, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  blind23: { "recall@5": 0.97, "mrr@10": 0.97, cityF1: 0.95, lookup: 0.9, abstain: 0.95, faithful: 0.99 },
  blind24: { "recall@5": 0.88, "mrr@10": 0.89, cityF1: 0.88, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind25 and blind26: written in the thirteenth session, measured clean at its start and end (summary lines only), read and tuned on in the fourteenth
  blind25: { "recall@5": 0.92, "mrr@10": 0.9, cityF1: 0.9, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind26: { "recall@5": 0.91, "mrr@10": 0.91, cityF1: 0.87, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind27: 32 English lookups and 8 English lists, written for the clean sets' weakest kind and tuned on from the start
  // (its list floor 0.9 -> 0.83 in the thirty-third session: the evidence re-rank of lists cut one example list short, ad-39)
  blind27: { "recall@5": 0.97, "mrr@10": 0.95, cityF1: 0.83, lookup: 0.95, abstain: null, faithful: 0.99 },
  // blind28: 30 lists (22 English) and 10 English topics, written for the clean sets' weak English lists, tuned on from the start
  blind28: { "recall@5": 0.75, "mrr@10": 0.76, cityF1: 0.6, lookup: null, abstain: 0.95, faithful: 0.99 },
  // blind29: written in the fourteenth session, measured clean (summary lines only) after every change, never read
  blind29: { "recall@5": 0.86, "mrr@10": 0.86, cityF1: 0.75, lookup: 0.8, abstain: 0.95, faithful: 0.99 },
  // blind30 and blind31: written in the fourteenth session, measured clean at its start, then read and tuned on
  blind30: { "recall@5": 0.86, "mrr@10": 0.85, cityF1: 0.8, lookup: 0.95, abstain: 0.95, faithful: 0.98 },
  blind31: { "recall@5": 0.86, "mrr@10": 0.88, cityF1: 0.85, lookup: 0.88, abstain: 0.95, faithful: 0.98 },
  // blind32: written in the fourteenth session, measured clean at its start and after its changes; its English lists (and two similar questions) read
  blind32: { "recall@5": 0.91, "mrr@10": 0.89, cityF1: 0.78, lookup: 0.88, abstain: 0.95, faithful: 0.98 },
  // blind33 and blind36: written in the fifteenth session by helpers who saw no code; blind33 measured clean at its start
  // and end only, blind36 measured clean (summary lines only) after every change; neither read
  // (blind33 city F1 0.72 -> 0.68 in the twenty-seventh session: aj-09 follows « Quelles villes agissent pour que… », which
  // abstained on the verb « agissent » and so was answered afresh; read as a verb now, the first answer lists six sheets
  // but misses two of the three the follow-up wants)
  blind33: { "recall@5": 0.82, "mrr@10": 0.86, cityF1: 0.68, lookup: 0.78, abstain: 0.95, faithful: 0.99 },
  blind36: { "recall@5": 0.87, "mrr@10": 0.91, cityF1: 0.72, lookup: 0.78, abstain: 0.7, faithful: 0.99 },
  // blind34 and blind35: written in the fifteenth session, measured clean at its start, then read and tuned on
  blind34: { "recall@5": 0.89, "mrr@10": 0.88, cityF1: 0.8, lookup: 0.78, abstain: 0.95, faithful: 0.99 },
  blind35: { "recall@5": 0.9, "mrr@10": 0.87, cityF1: 0.89, lookup: 0.78, abstain: 0.95, faithful: 0.99 },
  // blind37 and blind38: written in the fifteenth session, measured clean two-thirds through it (after its first changes);
  // blind37 then read and tuned on, blind38's failing lists read for its last change
  blind37: { "recall@5": 0.91, "mrr@10": 0.94, cityF1: 0.85, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind38: { "recall@5": 0.9, "mrr@10": 0.93, cityF1: 0.83, lookup: 0.78, abstain: 0.95, faithful: 0.99 },
  // blind39 and blind40: written at the end of the fifteenth session, measured once with its start's code and once with
  // its end's, never read
  blind39: { "recall@5": 0.85, "mrr@10": 0.85, cityF1: 0.72, lookup: 0.78, abstain: 0.95, faithful: 0.99 },
  blind40: { "recall@5": 0.9, "mrr@10": 0.94, cityF1: 0.87, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind41 and blind42: written at the start of the sixteenth session, measured clean, then read and tuned on
  blind41: { "recall@5": 0.85, "mrr@10": 0.86, cityF1: 0.74, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind42: { "recall@5": 0.93, "mrr@10": 0.9, cityF1: 0.82, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  // blind43 and blind44: written at the start of the sixteenth session, measured once with its start's code and once with
  // its end's, never read
  blind43: { "recall@5": 0.82, "mrr@10": 0.8, cityF1: 0.77, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  blind44: { "recall@5": 0.89, "mrr@10": 0.84, cityF1: 0.79, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  // blind45 and blind46: written at the start of the seventeenth session, measured once with its start's code and once
  // with its end's, never read
  blind45: { "recall@5": 0.92, "mrr@10": 0.89, cityF1: 0.85, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  blind46: { "recall@5": 0.78, "mrr@10": 0.82, cityF1: 0.68, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  // blind47 and blind48: written at the start of the eighteenth session and measured after every change of it; blind47
  // never read, blind48's failing lookups, lists and topics read late in it (README "Quality")
  blind47: { "recall@5": 0.92, "mrr@10": 0.95, cityF1: 0.85, lookup: 0.88, abstain: 0.7, faithful: 0.99 },
  blind48: { "recall@5": 0.91, "mrr@10": 0.93, cityF1: 0.82, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind49 and blind50: written at the start of the nineteenth session and measured after every change of it; blind49
  // never read, blind50's failing questions read early in it (README "Quality")
  blind49: { "recall@5": 0.92, "mrr@10": 0.89, cityF1: 0.77, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind50: { "recall@5": 0.93, "mrr@10": 0.92, cityF1: 0.79, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind51 and blind52: written at the start of the twentieth session and measured after every change of it; blind51
  // never read, blind52's failing questions read early in it (README "Quality")
  blind51: { "recall@5": 0.91, "mrr@10": 0.89, cityF1: 0.88, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  blind52: { "recall@5": 0.94, "mrr@10": 0.92, cityF1: 0.9, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  // blind53 and blind54: written at the start of the twenty-first session and measured after every change of it; blind53
  // never read, blind54's failing questions read early in it (README "Quality")
  blind53: { "recall@5": 0.9, "mrr@10": 0.88, cityF1: 0.82, lookup: 0.78, abstain: 0.95, faithful: 0.99 },
  blind54: { "recall@5": 0.91, "mrr@10": 0.92, cityF1: 0.9, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  // blind55 and blind56: written at the start of the twenty-second session and measured after every change of it; blind56
  // never read, blind55's failing questions read early in it (README "Quality")
  blind55: { "recall@5": 0.95, "mrr@10": 0.89, cityF1: 0.87, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind56: { "recall@5": 0.92, "mrr@10": 0.86, cityF1: 0.81, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind57 and blind58: written at the start of the twenty-third session and measured after every change of it, neither
  // read (README "Quality"); blind57 answers one of its two English unanswerable questions
  blind57: { "recall@5": 0.94, "mrr@10": 0.9, cityF1: 0.83, lookup: 0.95, abstain: 0.7, faithful: 0.99 },
  blind58: { "recall@5": 0.85, "mrr@10": 0.82, cityF1: 0.83, lookup: 0.78, abstain: 0.95, faithful: 0.99 },
  // blind59 and blind60: written at the start of the twenty-fourth session and measured after every change of it, neither
  // read (README "Quality"); blind60's city F1 floor lowered from 0.84 in the twenty-sixth session: 8ff23a7 (more list
  // frames) took it 0.861 -> 0.836 while blind62 rose 0.794 -> 0.860 and blind66 0.838 -> 0.905
  blind59: { "recall@5": 0.9, "mrr@10": 0.92, cityF1: 0.79, lookup: 0.78, abstain: 0.95, faithful: 0.99 },
  blind60: { "recall@5": 0.92, "mrr@10": 0.88, cityF1: 0.82, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind61 and blind62: written at the start of the twenty-fifth session and measured after every change of it, neither
  // read (README "Quality")
  blind61: { "recall@5": 0.94, "mrr@10": 0.94, cityF1: 0.95, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind62: { "recall@5": 0.91, "mrr@10": 0.86, cityF1: 0.77, lookup: 0.78, abstain: 0.95, faithful: 0.99 },
  // blind66: written at the start of the twenty-sixth session and measured after every change of it, never read; it answers
  // one of its three unanswerable questions. blind67 (lists only) was written then to tune on (README "Quality")
  blind66: { "recall@5": 0.93, "mrr@10": 0.95, cityF1: 0.87, lookup: 0.95, abstain: 0.6, faithful: 0.99 },
  blind67: { "recall@5": 0.85, "mrr@10": 0.92, cityF1: 0.8, lookup: null, abstain: null, faithful: 0.99 },
  // blind69: written at the start of the twenty-seventh session and measured after every change of it, its summary lines
  // only; blind70 (lists only) was written then to tune on (README "Quality")
  blind69: { "recall@5": 0.88, "mrr@10": 0.91, cityF1: 0.83, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind70: { "recall@5": 0.87, "mrr@10": 0.94, cityF1: 0.82, lookup: null, abstain: null, faithful: 0.99 },
  // blind71: written at the start of the twenty-eighth session and measured after every change of it, its summary lines
  // only; blind72 (lists only) was written then to tune on (README "Quality")
  blind71: { "recall@5": 0.96, "mrr@10": 0.96, cityF1: 0.93, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind72: { "recall@5": 0.83, "mrr@10": 0.87, cityF1: 0.73, lookup: null, abstain: null, faithful: 0.99 },
  // blind73: written at the start of the twenty-ninth session and measured after every change of it, its summary lines
  // only; blind74 (lists only) was written then to tune on (README "Quality")
  blind73: { "recall@5": 0.88, "mrr@10": 0.9, cityF1: 0.74, lookup: 0.9, abstain: 0.95, faithful: 0.99 },
  blind74: { "recall@5": 0.78, "mrr@10": 0.91, cityF1: 0.72, lookup: null, abstain: null, faithful: 0.99 },
  // blind75: written at the start of the thirtieth session and measured after every change of it, its summary lines
  // only; blind76 (lists only) was written then to tune on (README "Quality")
  blind75: { "recall@5": 0.85, "mrr@10": 0.86, cityF1: 0.78, lookup: 0.8, abstain: 0.65, faithful: 0.99 },
  blind76: { "recall@5": 0.84, "mrr@10": 0.89, cityF1: 0.74, lookup: null, abstain: null, faithful: 0.99 },
  // blind77: written at the start of the thirty-first session and measured after every change of it, its summary lines
  // only; blind78 (dev2's style) was written then to tune on (README "Quality"). Its list floor 0.8 -> 0.78 in the
  // thirty-third session: the evidence re-rank of lists took it 0.819 -> 0.793 while six other clean sets rose
  blind77: { "recall@5": 0.87, "mrr@10": 0.91, cityF1: 0.78, lookup: 0.8, abstain: 0.95, faithful: 0.99 },
  blind78: { "recall@5": 0.92, "mrr@10": 0.98, cityF1: 0.92, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind79: written at the start of the thirty-second session and measured after every change of it, its summary lines
  // only; blind80 (dev2's style) was written then to tune on, and blind81 and blind82 (lookups only): blind81 to tune on,
  // blind82 measured unread at the session's start and midway, then read (README "Quality")
  blind79: { "recall@5": 0.89, "mrr@10": 0.91, cityF1: 0.91, lookup: 0.7, abstain: 0.95, faithful: 0.99 },
  blind80: { "recall@5": 0.95, "mrr@10": 0.96, cityF1: 0.96, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind81: { "recall@5": 0.97, "mrr@10": 0.96, cityF1: null, lookup: 0.95, abstain: null, faithful: 0.99 },
  blind82: { "recall@5": 0.97, "mrr@10": 0.96, cityF1: null, lookup: 0.82, abstain: null, faithful: 0.99 },
  // blind83: written at the start of the thirty-third session and measured after every change of it, its summary lines
  // only; blind84 (lists) was written then to tune on, and blind85 (lists) measured unread (README "Quality")
  blind83: { "recall@5": 0.9, "mrr@10": 0.95, cityF1: 0.8, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind84: { "recall@5": 0.84, "mrr@10": 0.87, cityF1: 0.79, lookup: null, abstain: null, faithful: 0.99 },
  blind85: { "recall@5": 0.89, "mrr@10": 0.94, cityF1: 0.8, lookup: null, abstain: null, faithful: 0.99 },
  // blind86: written at the start of the thirty-fourth session and measured after every change of it, its summary lines
  // only; blind87 (follow-ups) was written then to tune on, and blind88 (follow-ups) measured unread (README "Quality")
  blind86: { "recall@5": 0.95, "mrr@10": 0.93, cityF1: 0.83, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind87: { "recall@5": 0.84, "mrr@10": 0.91, cityF1: 0.87, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind88: { "recall@5": 0.64, "mrr@10": 0.68, cityF1: 0.6, lookup: 0.75, abstain: 0.95, faithful: 0.99 },
  // blind89–94: written in the thirty-fifth session; blind89 (lookups), blind92 (unanswerable questions and controls) and
  // blind94 (lookups, a third asking two values) tuned on; blind90 (lookups), blind91 (dev2's style) and blind93
  // (unanswerable questions and controls) measured after every change, their summary lines only (README "Quality")
  blind89: { "recall@5": 0.98, "mrr@10": 0.96, cityF1: null, lookup: 0.95, abstain: null, faithful: 0.99 },
  blind90: { "recall@5": 0.98, "mrr@10": 0.98, cityF1: null, lookup: 0.85, abstain: null, faithful: 0.99 },
  blind91: { "recall@5": 0.85, "mrr@10": 0.92, cityF1: 0.86, lookup: 0.95, abstain: 0.65, faithful: 0.99 },
  blind92: { "recall@5": 0.92, "mrr@10": 0.81, cityF1: 0.75, lookup: null, abstain: 0.73, faithful: 0.99 },
  blind93: { "recall@5": 0.98, "mrr@10": 0.9, cityF1: 0.66, lookup: null, abstain: 0.81, faithful: 0.99 },
  blind94: { "recall@5": 0.98, "mrr@10": 0.96, cityF1: null, lookup: 0.88, abstain: null, faithful: 0.99 },
  // blind95–97: written at the start of the thirty-sixth session; blind95 (dev2's style) measured after every change of it,
  // its summary lines only; blind96 (lists) and blind97 (English questions of every kind) read and tuned on
  blind95: { "recall@5": 0.93, "mrr@10": 0.95, cityF1: 0.83, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  blind96: { "recall@5": 0.84, "mrr@10": 0.93, cityF1: 0.84, lookup: null, abstain: 0.65, faithful: 0.99 },
  blind97: { "recall@5": 0.93, "mrr@10": 0.91, cityF1: 0.83, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind98 and blind99: written at the start of the thirty-seventh session; blind98 (dev2's style) measured after every change
  // of it, its summary lines only; blind99 (similar and English questions) read and tuned on
  blind98: { "recall@5": 0.9, "mrr@10": 0.94, cityF1: 0.87, lookup: 0.95, abstain: 0.85, faithful: 0.99 },
  blind99: { "recall@5": 0.92, "mrr@10": 0.9, cityF1: 0.86, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind100 and blind101: written at the start of the thirty-eighth session; blind100 (dev2's style) measured after every
  // change of it, its summary lines only; blind101 (similar questions, unanswerable questions near the corpus, follow-ups)
  // read and tuned on
  blind100: { "recall@5": 0.95, "mrr@10": 0.88, cityF1: 0.85, lookup: 0.9, abstain: 0.75, faithful: 0.99 },
  blind101: { "recall@5": 0.92, "mrr@10": 0.9, cityF1: 0.8, lookup: 0.8, abstain: 0.8, faithful: 0.99 },
  // blind102 and blind103: written at the start of the thirty-ninth session; blind102 (dev2's style) measured after every
  // change of it, its summary lines only; blind103 (follow-ups, unanswerable questions, lists in other words) read and tuned on
  blind102: { "recall@5": 0.95, "mrr@10": 0.92, cityF1: 0.87, lookup: 0.95, abstain: 0.85, faithful: 0.99 },
  blind103: { "recall@5": 0.93, "mrr@10": 0.95, cityF1: 0.78, lookup: 0.95, abstain: 0.95, faithful: 0.99 },
  // blind104 and blind105: written at the start of the fortieth session; blind104 (dev2's style) measured after every change
  // of it, its summary lines only; blind105 (paraphrased lists, unanswerable questions, values no sheet gives) read and tuned on
  blind104: { "recall@5": 0.88, "mrr@10": 0.9, cityF1: 0.79, lookup: 0.9, abstain: 0.95, faithful: 0.99 },
  blind105: { "recall@5": 0.75, "mrr@10": 0.78, cityF1: 0.43, lookup: 0.95, abstain: 0.75, faithful: 0.99 },
  // blind106 and blind107: written at the start of the forty-first session; blind106 (dev2's style) measured after every change
  // of it, its summary lines only; blind107 (hard lists, unanswerable questions, values outside their field, follow-ups) read and tuned on
  blind106: { "recall@5": 0.87, "mrr@10": 0.85, cityF1: 0.72, lookup: 0.88, abstain: 0.95, faithful: 0.99 },
  blind107: { "recall@5": 0.89, "mrr@10": 0.87, cityF1: 0.73, lookup: 0.88, abstain: 0.45, faithful: 0.99 },
  // blind108–110: written at the start of the forty-second session; blind108 (dev2's style) measured after every change of
  // it, its summary lines only; blind109 (hard lists, unanswerable questions, values outside their field) and blind110
  // (follow-ups in conversation: pronouns, ellipsis, ordinals, narrowing, language switches) read and tuned on
  blind108: { "recall@5": 0.88, "mrr@10": 0.85, cityF1: 0.72, lookup: 0.95, abstain: 0.85, faithful: 0.99 },
  blind109: { "recall@5": 0.92, "mrr@10": 0.91, cityF1: 0.74, lookup: 0.8, abstain: 0.45, faithful: 0.99 },
  blind110: { "recall@5": 0.76, "mrr@10": 0.82, cityF1: 0.69, lookup: 0.8, abstain: 0.85, faithful: 0.99 },
} as const;
const own = (name: string) => fileURLToPath(new URL(`./eval/${name}.jsonl`, import.meta.url));
const SETS: Record<keyof typeof FLOORS, string> = {
  dev: `${evalDir}/dev.jsonl`,
  dev2: `${evalDir}/dev2.jsonl`,
  probes: own("probes"),
  blind1: own("blind1"),
  blind2: own("blind2"),
  blind3: own("blind3"),
  blind4: own("blind4"),
  blind5: own("blind5"),
  blind6: own("blind6"),
  blind7: own("blind7"),
  blind8: own("blind8"),
  blind9: own("blind9"),
  blind10: own("blind10"),
  blind11: own("blind11"),
  blind12: own("blind12"),
  blind13: own("blind13"),
  blind14: own("blind14"),
  blind15: own("blind15"),
  blind16: own("blind16"),
  blind17: own("blind17"),
  blind18: own("blind18"),
  blind19: own("blind19"),
  blind20: own("blind20"),
  blind21: own("blind21"),
  blind22: own("blind22"),
  blind23: own("blind23"),
  blind24: own("blind24"),
  blind25: own("blind25"),
  blind26: own("blind26"),
  blind27: own("blind27"),
  blind28: own("blind28"),
  blind29: own("blind29"),
  blind30: own("blind30"),
  blind31: own("blind31"),
  blind32: own("blind32"),
  blind33: own("blind33"),
  blind34: own("blind34"),
  blind35: own("blind35"),
  blind36: own("blind36"),
  blind37: own("blind37"),
  blind38: own("blind38"),
  blind39: own("blind39"),
  blind40: own("blind40"),
  blind41: own("blind41"),
  blind42: own("blind42"),
  blind43: own("blind43"),
  blind44: own("blind44"),
  blind45: own("blind45"),
  blind46: own("blind46"),
  blind47: own("blind47"),
  blind48: own("blind48"),
  blind49: own("blind49"),
  blind50: own("blind50"),
  blind51: own("blind51"),
  blind52: own("blind52"),
  blind53: own("blind53"),
  blind54: own("blind54"),
  blind55: own("blind55"),
  blind56: own("blind56"),
  blind57: own("blind57"),
  blind58: own("blind58"),
  blind59: own("blind59"),
  blind60: own("blind60"),
  blind61: own("blind61"),
  blind62: own("blind62"),
  blind66: own("blind66"),
  blind67: own("blind67"),
  blind69: own("blind69"),
  blind70: own("blind70"),
  blind71: own("blind71"),
  blind72: own("blind72"),
  blind73: own("blind73"),
  blind74: own("blind74"),
  blind75: own("blind75"),
  blind76: own("blind76"),
  blind77: own("blind77"),
  blind78: own("blind78"),
  blind79: own("blind79"),
  blind80: own("blind80"),
  blind81: own("blind81"),
  blind82: own("blind82"),
  blind83: own("blind83"),
  blind84: own("blind84"),
  blind85: own("blind85"),
  blind86: own("blind86"),
  blind87: own("blind87"),
  blind88: own("blind88"),
  blind89: own("blind89"),
  blind90: own("blind90"),
  blind91: own("blind91"),
  blind92: own("blind92"),
  blind93: own("blind93"),
  blind94: own("blind94"),
  blind95: own("blind95"),
  blind96: own("blind96"),
  blind97: own("blind97"),
  blind98: own("blind98"),
  blind99: own("blind99"),
  blind100: own("blind100"),
  blind101: own("blind101"),
  blind102: own("blind102"),
  blind103: own("blind103"),
  blind104: own("blind104"),
  blind105: own("blind105"),
  blind106: own("blind106"),
  blind107: own("blind107"),
  blind108: own("blind108"),
  blind109: own("blind109"),
  blind110: own("blind110"),
};

let server: TestServer;
const summaries: Record<string, Record<string, number>> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const set of Object.keys(FLOORS) as (keyof typeof FLOORS)[]) {
    const out = await runScorer(server.url, SETS[set]);
    console.log(`== ${basename(set)}\n${out.split("\n").filter((l) => !l.startsWith("  miss")).join("\n")}`);
    summaries[set] = summaryOf(out);
  }
}, 900_000);
afterAll(async () => server?.close());

for (const [set, floors] of Object.entries(FLOORS)) {
  describe(`answer quality on ${set} (builtin embedder)`, () => {
    it("keeps fiche-level recall@5 and MRR@10 above their floors", () => {
      expect(summaries[set]["recall@5"]).toBeGreaterThanOrEqual(floors["recall@5"]);
      expect(summaries[set]["mrr@10"]).toBeGreaterThanOrEqual(floors["mrr@10"]);
    });

    it("keeps list-question city F1 and lookup values above their floors", () => {
      // null: the set asks no list (blind81 and blind82 are lookups only)
      if (floors.cityF1 === null) expect(summaries[set].cityF1).toBeUndefined();
      else expect(summaries[set].cityF1).toBeGreaterThanOrEqual(floors.cityF1);
      // null: the set asks no lookup
      if (floors.lookup === null) expect(summaries[set].lookup).toBeUndefined();
      else expect(summaries[set].lookup).toBeGreaterThanOrEqual(floors.lookup);
    });

    it("cites nothing on unanswerable questions, in both languages, and quotes the corpus faithfully", () => {
      // null: the set asks no unanswerable question (the scorer prints n/a)
      if (floors.abstain === null) expect(summaries[set].abstain).toBeUndefined();
      else expect(summaries[set].abstain).toBeGreaterThanOrEqual(floors.abstain);
      expect(summaries[set].faithful).toBeGreaterThanOrEqual(floors.faithful);
      expect(summaries[set].errors).toBe(0);
    });
  });
}
