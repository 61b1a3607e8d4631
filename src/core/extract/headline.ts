// The title is the headline: the first line of the header that is neither a byline, a credit, a date line nor
// a label, provided it comes before the body. A page that opens with its body (or with a caption, which reads
// like a sentence of the body) has no headline to read: its title stays unknown rather than a slice of prose.
import { creditOnlyLine, parseByline } from './credits';
import { findDate } from './dates';

const MAX_TITLE = 200;
/** Words a headline may have; the first paragraph of a story has more. */
const MAX_HEADLINE_WORDS = 30;
/** A line ending with a full stop is a sentence of prose from this many words (a headline rarely ends with one). */
const SENTENCE_WORDS = 12;
const LABEL = /^(?:published|updated|last updated|posted|first published|breaking(?: news)?|live|exclusive|analysis|opinion|listen(?: to this article)?|share(?: this)?|save|print|watch|video|photos?|gallery|advertisement|\d+\s+min(?:ute)?s?\s+read|\d+\s+comments?)\b[^a-z]{0,60}$/i;
const DATE_LINE_REMAINDER = 40;
/** How a photo caption reads: who stands where, who is seen or pictured (present tense, positions). */
const CAPTION_CUE = /,\s*(?:left|right|centre|center|second (?:from )?(?:left|right)|front|back)\s*,|\((?:left|right|centre|center|above|top|file)\)|\b(?:is|are) (?:seen|pictured|shown)\b|\bpictured\b|\bposes? (?:for|with|at|in)\b|\bin this (?:file |handout )?(?:photo|image|picture)\b/i;
/** A second sentence in the line: prose, not a headline. */
const TWO_SENTENCES = /[a-z0-9)][.!?]["”’]?\s+["“‘]?[A-Z]/;

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** The line reads as body text: long, several sentences, or one long sentence with its full stop. */
export function looksLikeBody(line: string): boolean {
  const n = words(line);
  return line.length > MAX_TITLE || n > MAX_HEADLINE_WORDS || TWO_SENTENCES.test(line) || (/[.]["”’]?$/.test(line) && n >= SENTENCE_WORDS);
}

function isDateLine(line: string): boolean {
  const date = findDate(line);
  return date !== null && line.length - (date.end - date.start) <= DATE_LINE_REMAINDER;
}

/** The headline among the first lines of an article (boilerplate already left out), or null. */
export function headlineOf(lines: readonly { text: string }[]): string | null {
  for (const { text } of lines) {
    const line = text.replace(/^#{1,6}\s+/, '').trim();
    if (line === '') continue;
    if (parseByline(line) || creditOnlyLine(line) || isDateLine(line) || LABEL.test(line) || CAPTION_CUE.test(line)) continue;
    return looksLikeBody(line) ? null : line;
  }
  return null;
}
