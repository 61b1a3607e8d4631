// A seeded corpus of quotes with planted trails, for measuring trail precision and recall. Each planted quote
// (8 to 30 words of generated speech) reappears in 1 to 3 other articles whole (other quote marks), cut (a run of
// 8 or more of its words), with an ellipsis, with a function word changed or dropped, or (quotes of 16 words or
// more) with one content word changed. Distractors are different quotes that share a common phrase ("we will not",
// "the United Kingdom", "at the end of the day") or the same frame with two or more content words changed: they
// must never be joined. Ground truth: quotes with the same `source` are one quote.
import { createRandom, type Random } from './corpusGenerator';

export type PlantedKind = 'original' | 'whole' | 'cut' | 'ellipsis' | 'function word' | 'content word' | 'distractor' | 'sibling';

export interface PlantedQuote {
  path: string;
  start: number;
  text: string;
  /** Quotes with the same source are one quote; every distractor has a source of its own. */
  source: number;
  kind: PlantedKind;
}

export interface PlantedCorpus {
  /** Article path -> its quotes, by offset. */
  articles: Map<string, PlantedQuote[]>;
  quotes: PlantedQuote[];
}

const SUBJECTS = 'we I they the government our allies the minister my party this country the council the board ministers'.split(' ');
const VERBS = `need want must will cannot should expect believe intend refuse hope plan promise demand`.split(' ');
const ACTIONS = `raise protect rebuild review deliver defend reform confront reassure support challenge secure fund expand
reduce restore measure publish answer improve strengthen investigate replace`.split(/\s+/);
const NOUNS = `farmers schools hospitals pensions wages railways harbours bridges forests rivers exports tariffs borders
prisons courts libraries nurses teachers miners fishermen veterans students tenants landlords markets factories
reservoirs vaccines satellites pipelines refineries airports ferries tunnels stadiums museums orchards vineyards
bakeries breweries shipyards quarries warehouses laboratories observatories lighthouses canals archives councils`.split(/\s+/);
const ADJECTIVES = `rural coastal northern southern local national regional young elderly struggling independent public private
remote ageing overcrowded flooded neglected underfunded forgotten skilled`.split(/\s+/);
const TAILS = `before the winter|within two years|without further delay|whatever the cost|as a matter of urgency|before the next election|
in every region|for the next generation|at the heart of our plans|once and for all|in the coming months|with real money`.split('|');
const COMMON_PHRASES = ['we will not', 'the United Kingdom', 'at the end of the day', 'I have been very clear that', 'in the best interests of', 'there is no doubt that', 'we are determined to'];

function clause(random: Random): string {
  return `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(ACTIONS)} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} and ${random.pick(NOUNS)} ${random.pick(TAILS)}`;
}

/** 8 to 30 words of generated speech, first letter capitalised. */
function speech(random: Random): string {
  const parts = [clause(random)];
  const clauses = random.int(0, 2);
  for (let i = 0; i < clauses; i++) parts.push(`${random.pick(['because', 'and', 'but', 'while', 'so'])} ${clause(random)}`);
  const text = parts.join(', ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

const FUNCTION_SWAPS: [RegExp, string][] = [
  [/\bthe\b/, 'this'],
  [/\band\b/, 'or'],
  [/\bwe\b/, 'you'],
  [/\bour\b/, 'the'],
];

function cut(random: Random, words: string[]): string {
  const length = random.int(8, Math.max(8, words.length - 2));
  const from = random.int(0, words.length - length);
  return words.slice(from, from + length).join(' ');
}

function withEllipsis(random: Random, words: string[]): string {
  const from = random.int(2, words.length - 5);
  const to = Math.min(words.length - 3, from + random.int(1, 4));
  return `${words.slice(0, from).join(' ')} … ${words.slice(to).join(' ')}`;
}

function functionWordChanged(random: Random, text: string): string {
  const swaps = FUNCTION_SWAPS.filter(([pattern]) => pattern.test(text));
  if (swaps.length === 0 || random.chance(0.4)) {
    // Drop one function word instead.
    return text.replace(/\b(the|and|our|a) /, '');
  }
  const [pattern, replacement] = random.pick(swaps);
  return text.replace(pattern, replacement);
}

function contentWordChanged(random: Random, words: string[]): string {
  const nouns = words.map((word, i) => (NOUNS.includes(word.replace(/[.,]$/, '')) ? i : -1)).filter((i) => i >= 0);
  const at = random.pick(nouns);
  const copy = [...words];
  let replacement = random.pick(NOUNS);
  while (copy[at].startsWith(replacement)) replacement = random.pick(NOUNS);
  copy[at] = copy[at].replace(/^[a-z]+/, replacement);
  return copy.join(' ');
}

/**
 * A different quote on the same frame: its first clause followed by other clauses, or for a one-clause quote the
 * same words with two content words changed.
 */
function sibling(random: Random, text: string): string {
  const comma = text.indexOf(', ');
  if (comma > 0) return `${text.slice(0, comma)}, ${random.pick(['because', 'and', 'but'])} ${clause(random)}, ${random.pick(['while', 'so'])} ${clause(random)}.`;
  const words = text.split(' ');
  const nouns = words.map((word, i) => (NOUNS.includes(word.replace(/[.,]$/, '')) ? i : -1)).filter((i) => i >= 0);
  for (const at of nouns.slice(0, 2)) {
    const noun = words[at].replace(/[.,]$/, '');
    let replacement = random.pick(NOUNS);
    while (text.includes(replacement)) replacement = random.pick(NOUNS);
    words[at] = words[at].replace(noun, replacement);
  }
  return words.join(' ');
}

/** `articleCount` articles of 4 to 10 quotes each; the same seed gives the same corpus. */
export function generateTrailCorpus(articleCount: number, seed = 1731): PlantedCorpus {
  const random = createRandom(seed);
  const articles = new Map<string, PlantedQuote[]>();
  const paths = Array.from({ length: articleCount }, (_, i) => `outlet-${i % 7}/article-${String(i).padStart(4, '0')}.txt`);
  const texts = new Map<string, { text: string; source: number; kind: PlantedKind }[]>(paths.map((path) => [path, []]));
  let source = 0;
  const place = (path: string, text: string, src: number, kind: PlantedKind) => texts.get(path)!.push({ text, source: src, kind });
  for (const path of paths) {
    const count = random.int(4, 10);
    for (let q = 0; q < count; q++) {
      const roll = random.next();
      const text = speech(random);
      const src = source++;
      if (roll < 0.3) {
        // A planted trail: the original here, 1 to 3 copies in other articles.
        place(path, text, src, 'original');
        const words = text.split(' ');
        const copies = random.int(1, 3);
        for (let c = 0; c < copies; c++) {
          const other = random.pick(paths.filter((p) => p !== path));
          const kinds: PlantedKind[] = ['whole', 'cut', 'ellipsis', 'function word'];
          if (words.length >= 16) kinds.push('content word');
          if (words.length < 12) kinds.splice(kinds.indexOf('ellipsis'), 1);
          const kind = random.pick(kinds);
          const variant =
            kind === 'whole' ? text
            : kind === 'cut' ? cut(random, words)
            : kind === 'ellipsis' ? withEllipsis(random, words)
            : kind === 'function word' ? functionWordChanged(random, text)
            : contentWordChanged(random, words);
          place(other, variant, src, kind);
        }
      } else if (roll < 0.5) {
        // A different quote that shares a common phrase with others.
        const phrase = random.pick(COMMON_PHRASES);
        place(path, `${phrase[0].toUpperCase()}${phrase.slice(1)} ${text[0].toLowerCase()}${text.slice(1)}`, src, 'distractor');
      } else if (roll < 0.6) {
        place(path, text, src, 'original');
        place(random.pick(paths.filter((p) => p !== path)), sibling(random, text), source++, 'sibling');
      } else {
        place(path, text, src, 'original');
      }
    }
  }
  const quotes: PlantedQuote[] = [];
  for (const path of paths) {
    let offset = 0;
    const list: PlantedQuote[] = [];
    for (const { text, source: src, kind } of texts.get(path)!) {
      list.push({ path, start: offset + 1, text, source: src, kind });
      offset += text.length + 40;
    }
    articles.set(path, list);
    quotes.push(...list);
  }
  return { articles, quotes };
}
