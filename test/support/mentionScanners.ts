// The regex forms of the hand-written mention scanners, and helpers that run the scanners over a whole text,
// for the property tests that hold the scanners to the same matches.
import { type Candidate, parseRun, parseTokens } from '../../src/core/extract/mentions/candidates';
import type { NameToken } from '../../src/core/extract/mentions/words';
import { NAME_TOKEN_SOURCE, RUN_SOURCE, type RunBounds, nextRun, putNameToken, runWordBounds, runWords, tokenizeRun as tokenizeRunInto } from '../../src/core/extract/mentions/scan';
import { THING_NOUNS } from '../../src/core/language';

/** The runs of capitalised words nextRun finds, as [start, end) pairs. */
export function runs(text: string): [number, number][] {
  const found: [number, number][] = [];
  const run: RunBounds = { start: 0, end: 0 };
  for (let more = nextRun(text, 0, run); more; more = nextRun(text, run.end, run)) found.push([run.start, run.end]);
  return found;
}

/** For each run nextRun finds, the tokens of the words it recorded while reading the run by hand, or null. */
export function runTokensAsRead(text: string): (NameToken[] | null)[] {
  const found: (NameToken[] | null)[] = [];
  const run: RunBounds = { start: 0, end: 0 };
  for (let more = nextRun(text, 0, run); more; more = nextRun(text, run.end, run)) {
    const count = runWords(text, run.start, run.end);
    const bounds = runWordBounds();
    const tokens: NameToken[] = [];
    if (count === 1) putNameToken(tokens, 0, text, run.start, run.end);
    else for (let k = 0; k < count; k++) putNameToken(tokens, tokens.length, text, bounds[2 * k], bounds[2 * k + 1]);
    found.push(count < 0 ? null : tokens);
  }
  return found;
}

/** The tokens tokenizeRun writes for text[from, to), as an array of their own. */
export function tokenizeRun(text: string, from: number, to: number): NameToken[] {
  const tokens: NameToken[] = [];
  tokens.length = tokenizeRunInto(text, from, to, tokens);
  return tokens;
}

/** The runs as the run regex alone finds them. */
export function runsByRegex(text: string): [number, number][] {
  return [...text.matchAll(new RegExp(RUN_SOURCE, 'gu'))].map((m) => [m.index, m.index + m[0].length]);
}

/** The tokens of text[from, to) as the token regex alone finds them (tokenizeRun reads ASCII by hand). */
export function tokensByRegex(text: string, from = 0, to = text.length): NameToken[] {
  const tokens: NameToken[] = [];
  for (const m of text.slice(from, to).matchAll(new RegExp(NAME_TOKEN_SOURCE, 'gu'))) putNameToken(tokens, tokens.length, text, from + m.index, from + m.index + m[0].length);
  return tokens;
}

/** isFollowedByThingNoun as the regex it stands for: a thing noun after one space or no-break space. */
export function thingNounAfterByRegex(text: string, end: number): boolean {
  const m = /^[ \u00a0](\p{Ll}+)/u.exec(text.slice(end, end + 24));
  return m !== null && THING_NOUNS.has(m[1]);
}

/** Candidates of text[from, to) as extractMentions parses it, or by the tokenizer alone (no lone-word path). */
export function candidatesOfRun(text: string, from: number, to: number, wholeRun: boolean, tokenizerOnly: boolean): Candidate[] {
  const out: Candidate[] = [];
  if (tokenizerOnly) {
    const tokens = tokenizeRun(text, from, to);
    parseTokens(text, tokens, tokens.length, out);
  }
  else parseRun(text, from, to, wholeRun, out);
  return out;
}
