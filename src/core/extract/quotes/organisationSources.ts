// Quotes whose source is an organisation: "..., the Kremlin said", "A Foreign Office spokesman said: ...",
// "..., said the Pentagon", "according to the Foreign Office". A phase after attribution: it reads only quotes
// left without a person speaker and never gives one; it marks the organisation mention the words come from.
import type { ExtractedQuote, RawEntityMention } from '../../types';
import { DETERMINERS, SPEECH_VERBS, VERB_MODIFIERS } from '../../language/speech';
import { isAsciiLowerCode } from '../../util/chars';
import { lowerBoundOfNumbers, upperBoundOfNumbers } from '../../util/sortedSearch';
import { withSource } from './extractedQuote';

/** Nouns for who speaks for an organisation: "a Foreign Office spokesman", "Kremlin officials", "a Pentagon statement". */
const SPOKES_NOUNS: ReadonlySet<string> = new Set(
  'spokesman spokesmen spokeswoman spokeswomen spokesperson spokespeople official officials source sources statement press office representative representatives'.split(' '),
);
/** Characters between a quote's text and the narration after it: closing marks, punctuation, spaces. */
const AFTER_QUOTE = /^[ \t"'\u201d\u2019,.!?;-]{0,6}/;
/** How far before a quote its introduction is looked for, and after it its attribution. */
const LOOK_BACK = 240;
const LOOK_AHEAD = 130;

interface Word {
  start: number;
  end: number;
  lower: string;
}

const WORD = /[A-Za-z\u00c0-\u024f'\u2019]+/g;

/** The word at m, lower-cased, without a possessive "'s". */
function wordOf(m: RegExpExecArray): Word {
  const raw = m[0];
  const n = raw.length;
  const apostrophe = n >= 2 && raw.charCodeAt(n - 1) === 115 ? raw.charCodeAt(n - 2) : 0;
  const word = apostrophe === 39 || apostrophe === 0x2019 ? raw.slice(0, n - 2) : raw;
  return { start: m.index, end: m.index + n, lower: word.toLowerCase() };
}

/** The lower-case words of text[from, to), with offsets. */
function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) words.push(wordOf(m));
  return words;
}

/** The words of text[from, to) read as far as asked for: the narration after a quote is read a few words in. */
class LazyWords {
  private readonly words: Word[] = [];
  private next: number;
  private done = false;

  constructor(
    private readonly text: string,
    from: number,
    private readonly to: number,
  ) {
    this.next = from;
  }

  /** The i-th word, or undefined past the last. */
  at(i: number): Word | undefined {
    const { words } = this;
    while (words.length <= i && !this.done) {
      WORD.lastIndex = this.next;
      const m = WORD.exec(this.text);
      if (m === null || m.index >= this.to) this.done = true;
      else {
        words.push(wordOf(m));
        this.next = WORD.lastIndex;
      }
    }
    return words[i];
  }

  /** Whether there is an i-th word and the set holds it. */
  inSet(i: number, set: ReadonlySet<string>): boolean {
    const word = this.at(i);
    return word !== undefined && set.has(word.lower);
  }
}

/**
 * Organisation mentions by start and by end offset. Read from the sorted starts: an article asks a few times
 * at most, and maps by start and end built for it were most of this phase's garbage.
 */
class Organisations {
  /** Indices of the organisation mentions, and their starts (ascending). */
  private readonly indices: number[] = [];
  private readonly starts: number[] = [];

  constructor(private readonly entities: readonly RawEntityMention[]) {
    entities.forEach((e, i) => {
      if (e.type !== 'organization') return;
      this.indices.push(i);
      this.starts.push(e.start);
    });
  }

  /** Whether an organisation mention starts in [from, to). */
  anyIn(from: number, to: number): boolean {
    const i = lowerBoundOfNumbers(this.starts, from);
    return i < this.starts.length && this.starts[i] < to;
  }

  get empty(): boolean {
    return this.indices.length === 0;
  }

  endOf(index: number): number {
    return this.entities[index].end;
  }

  /** The organisation starting at `at` (the last listed, where several do). */
  startingAt(at: number): number | undefined {
    const k = upperBoundOfNumbers(this.starts, at) - 1;
    return k >= 0 && this.starts[k] === at ? this.indices[k] : undefined;
  }

  /** The organisation ending at `at`, also when a possessive "'s" follows it ("the Kremlin's spokesman"). */
  endingAt(text: string, at: number): number | undefined {
    return this.lastEndingAt(at) ?? this.lastEndingAt(at - 2);
  }

  /** The last listed organisation ending at `at`: one of those starting at or before it. */
  private lastEndingAt(at: number): number | undefined {
    for (let k = upperBoundOfNumbers(this.starts, at) - 1; k >= 0; k--) {
      if (this.entities[this.indices[k]].end === at) return this.indices[k];
    }
    return undefined;
  }
}

/**
 * The organisation named as the speaker in the words before `verbAt` (a speech verb's start), walking back
 * over auxiliaries ("has said"), a place ("in London") and a spokes-noun ("spokesman"), or undefined.
 */
function subjectBefore(text: string, words: readonly Word[], verbIndex: number, orgs: Organisations): number | undefined {
  let i = verbIndex - 1;
  while (i >= 0 && VERB_MODIFIERS.has(words[i].lower)) i--;
  // "A Foreign Office spokesman in London said": a place after the spokes-noun.
  if (i >= 1 && (words[i - 1].lower === 'in' || words[i - 1].lower === 'at') && !isAsciiLowerCode(text.charCodeAt(words[i].start))) i -= 2;
  if (i >= 0 && SPOKES_NOUNS.has(words[i].lower)) i--;
  if (i < 0) return undefined;
  return orgs.endingAt(text, words[i].end);
}

/** The source of a quote from the narration right after it ("”, the Kremlin said", "”, said the Pentagon"). */
function sourceAfter(text: string, quote: ExtractedQuote, orgs: Organisations): number | undefined {
  const from = quote.end + AFTER_QUOTE.exec(text.slice(quote.end, quote.end + 6))![0].length;
  const words = new LazyWords(text, from, Math.min(text.length, from + LOOK_AHEAD - 10));
  let i = 0;
  const verbFirst = words.inSet(i, SPEECH_VERBS);
  if (verbFirst) i++;
  if (words.inSet(i, DETERMINERS)) i++;
  const first = words.at(i);
  if (first === undefined) return undefined;
  const org = orgs.startingAt(first.start);
  if (org === undefined) return undefined;
  if (verbFirst) return org;
  const orgEnd = orgs.endOf(org);
  for (let w = words.at(i); w !== undefined && w.start < orgEnd; w = words.at(i)) i++;
  if (words.inSet(i, SPOKES_NOUNS)) i++;
  while (words.inSet(i, VERB_MODIFIERS)) i++;
  const verb = words.at(i);
  return verb !== undefined && SPEECH_VERBS.has(verb.lower) && !crossesSentence(text, from, verb.start) ? org : undefined;
}

/** Whether a sentence or paragraph ends in text[from, to). */
function crossesSentence(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x0a || ((c === 0x2e || c === 0x21 || c === 0x3f) && text.charCodeAt(p + 1) === 0x20)) return true;
  }
  return false;
}

/** The source of a quote from its introduction in the same sentence ("A Foreign Office spokesman said: ..."). */
function sourceBefore(text: string, quote: ExtractedQuote, orgs: Organisations): number | undefined {
  let from = Math.max(0, quote.start - LOOK_BACK);
  for (let p = quote.start - 2; p >= from; p--) {
    const c = text.charCodeAt(p);
    if (c === 0x0a || ((c === 0x2e || c === 0x21 || c === 0x3f) && text.charCodeAt(p + 1) === 0x20)) {
      from = p + 1;
      break;
    }
  }
  const words = wordsIn(text, from, quote.start);
  // The speech verb nearest the quote: only "that" may follow it before a full quote; a fragment may sit later in the sentence.
  for (let v = words.length - 1; v >= 0; v--) {
    if (!SPEECH_VERBS.has(words[v].lower) && words[v].lower !== 'according') continue;
    const between = words.length - 1 - v;
    if (!quote.partial && between > (words[words.length - 1]?.lower === 'that' ? 1 : 0)) return undefined;
    if (words[v].lower === 'according') {
      if (words[v + 1]?.lower !== 'to') continue;
      let k = v + 2;
      if (k < words.length && DETERMINERS.has(words[k].lower)) k++;
      return k < words.length ? orgs.startingAt(words[k].start) : undefined;
    }
    return subjectBefore(text, words, v, orgs);
  }
  return undefined;
}

/**
 * `quotes` with `sourceEntity` set on those without a person speaker whose words an organisation mention of
 * `entities` speaks; later parts of a quote take the source of its first part.
 */
export function attributeToOrganisations(text: string, quotes: ExtractedQuote[], entities: readonly RawEntityMention[]): ExtractedQuote[] {
  if (quotes.length === 0 || entities.length === 0 || quotes.every((quote) => quote.speakerMention !== null)) return quotes;
  const orgs = new Organisations(entities);
  if (orgs.empty) return quotes;
  const sourceOfGroup = new Map<number, number>();
  return quotes.map((quote) => {
    if (quote.speakerMention !== null) return quote;
    const grouped = sourceOfGroup.get(quote.group);
    if (grouped === undefined && !orgs.anyIn(quote.start - LOOK_BACK, quote.end + LOOK_AHEAD)) return quote;
    const source = grouped ?? sourceAfter(text, quote, orgs) ?? sourceBefore(text, quote, orgs);
    if (source === undefined) return quote;
    sourceOfGroup.set(quote.group, source);
    return withSource(quote, source);
  });
}
