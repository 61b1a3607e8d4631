// Where the rules and the tagger both read a person but disagree on where the name starts or ends, the
// lexicons decide. The tagger's longer span wins when what it adds are name words the rules stopped at
// ("Billie Jean [King]", "Henry [VIII]", "Kengo [wa] Dondo", "Neil [Jordan]"); its shorter span wins when what
// it leaves out is a day ("Jose Ruiz [Monday]") or a first word that is no given name before one that is
// ("[Fullback] Andre Joubert", "[Frenchman] Cedric Pioline"). A mention with an honorific keeps its span.
import type { RawMention } from '../../types';
import type { Entity } from '../entities';
import { isFirstName } from '../../language/firstNames';
import { COMMON_CAPITALISED_SET, FUNCTION_WORD_SET, WEEKDAY_NAMES } from '../../language/common';
import { HONORIFIC_PHRASES } from '../../language/honorifics';
import { NATIONALITY_WORDS } from '../../language/places';
import { PARTICLES } from '../../language/nameParticles';
import { rawMention } from '../mentions/rawMention';
import { DESCRIPTOR_NOUNS, ROLE_HEAD_NOUNS, ROLE_MODIFIERS, TITLE_HEADS } from '../../language/titles';

/** A capitalised word that may carry on a name: letters with inner apostrophes, hyphens or dots ("O'Neill", "Young-hoon"). */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'\u2019.-]*$/u;
const ROMAN_NUMERAL = /^[IVX]+$/;
/** Initials glued after a first initial: ".K." of "I.K.", up to the space after them. */
const INITIALS_AFTER = /^\.(?:\p{Lu}\.)+(?=\s)/u;
/** A short lower-case word inside a name ("wa", "van", "de", "bin"). */
const INNER_PARTICLE = /^\p{Ll}{1,3}$/u;

/**
 * Whether `word` may extend a name the rules ended: a name word that is no title (before the name), role,
 * honorific, common word or post-nominal; `inside` between two of the rules' mentions, `after` after one.
 */
function extendsName(word: string, inside: boolean, after: boolean): boolean {
  if (inside && INNER_PARTICLE.test(word)) return true;
  // A bare letter before a surname ("L Dallaglio" in a team list) is left out, as the rules leave it.
  if (!NAME_WORD.test(word) || word.length === 1) return false;
  // Capitals are letters after a name ("QC", "MP") unless a regnal number ("VIII").
  if (word.length > 1 && word === word.toUpperCase() && !ROMAN_NUMERAL.test(word)) return false;
  const lower = word.toLowerCase();
  // A title comes before a name: after one it is a surname ("Billie Jean King").
  return (after || !TITLE_HEADS.has(lower)) && !ROLE_MODIFIERS.has(lower) && !HONORIFIC_PHRASES.has(lower) && !FUNCTION_WORD_SET.has(lower)
    && !COMMON_CAPITALISED_SET.has(lower) && !NATIONALITY_WORDS.has(word);
}

/** A word that describes whoever follows, not part of a name: an office, an occupation, a nationality ("Actress", "Ex-Yankee", "Yugoslav"). */
function describes(word: string): boolean {
  if (NATIONALITY_WORDS.has(word)) return true;
  for (const part of word.toLowerCase().split('-')) {
    if (DESCRIPTOR_NOUNS.has(part) || ROLE_HEAD_NOUNS.has(part) || ROLE_MODIFIERS.has(part)) return true;
  }
  return false;
}

/** Words of a name span. */
function partsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function fromEntity(e: Entity, like: RawMention): RawMention {
  return rawMention(e.start, e.end, e.text, null, partsOf(e.text), like.role);
}

/**
 * The tagger's person `e` in place of the rule mentions `inside` it (sorted, each within it, none with an
 * honorific), when every word it adds may carry on a name; else null.
 */
function widened(text: string, e: Entity, inside: readonly RawMention[]): RawMention | null {
  let at = e.start;
  const added: string[] = [];
  for (const m of inside) {
    added.push(text.slice(at, m.start));
    at = m.end;
  }
  added.push(text.slice(at, e.end));
  const last = added.length - 1;
  for (let k = 0; k <= last; k++) {
    let gap = added[k];
    // "I.K. Gujral", "F.W. de Klerk": the rules took the first initial alone; the other initials join it.
    if (k > 0 && INITIALS_AFTER.test(gap)) gap = gap.replace(INITIALS_AFTER, '');
    if (gap === '') continue;
    // "Andrews (": a final "s" the rules cut off as a lost apostrophe, where no word follows to own anything.
    if (k === last && gap === 's' && !/^ \p{L}/u.test(text.slice(e.end, e.end + 2))) continue;
    // Added words stand apart from the rules' words (no word split), and between two mentions a particle may join them.
    if ((k > 0 && !/^\s/.test(gap)) || (k < last && !/\s$/.test(gap))) return null;
    for (const word of partsOf(gap)) if (!extendsName(word, k > 0 && k < last, k > 0)) return null;
  }
  return fromEntity(e, inside[0]);
}

/** The tagger's person `e` in place of the rule mention `m` around it, when what `m` adds is no part of a name; else null. */
function narrowed(text: string, e: Entity, m: RawMention): RawMention | null {
  const before = partsOf(text.slice(m.start, e.start));
  const after = partsOf(text.slice(e.end, m.end));
  if (after.some((word) => !WEEKDAY_NAMES.has(word.toLowerCase()))) return null;
  if (before.length > 1) return null;
  // A first word that is no given name before the tagger's given name ("Frenchman Cedric Pioline"), or one that
  // describes whoever follows before any name the tagger reads ("Actress Teri Hatcher", "Doctor Masserigne Ndiaye").
  if (before.length === 1 && (isFirstName(before[0]) || !(isFirstName(partsOf(e.text)[0]) || describes(before[0])))) return null;
  if (before.length === 1 && !/\s$/.test(text.slice(m.start, e.start))) return null;
  return fromEntity(e, m);
}

/**
 * The tagger's persons (sorted) with those it split at a name particle joined: "Van" and "Westhuizen" in
 * "Van der Westhuizen", "Joost van" and "Westhuizen" in "Joost van der Westhuizen".
 */
export function joinedAtParticles(text: string, tagged: readonly Entity[]): readonly Entity[] {
  let out: Entity[] | null = null;
  let previous: Entity | null = null;
  for (let i = 0; i < tagged.length; i++) {
    const e = tagged[i];
    if (previous !== null && e.type === 'person' && previous.type === 'person' && particlesBetween(text, previous, e)) {
      out ??= tagged.slice(0, i);
      const joined: Entity = { start: previous.start, end: e.end, type: 'person', text: text.slice(previous.start, e.end) };
      out[out.length - 1] = joined;
      previous = joined;
      continue;
    }
    out?.push(e);
    previous = e;
  }
  return out ?? tagged;
}

/** Whether only lower-case name particles stand between two of the tagger's persons, or end the first one. */
function particlesBetween(text: string, a: Entity, b: Entity): boolean {
  const gap = text.slice(a.end, b.start);
  if (gap.length > 12 || !/^ (?:\p{Ll}+ )*$/u.test(gap)) return false;
  const words = partsOf(gap);
  if (words.length === 0) {
    const last = a.text.slice(a.text.lastIndexOf(' ') + 1);
    return a.text.includes(' ') && PARTICLES.has(last);
  }
  return words.every((word) => PARTICLES.has(word));
}

/**
 * `mentions` (the rules' person mentions, sorted by start) with the spans the tagger's persons (`tagged`,
 * sorted) correct; the same array when none changes.
 */
export function withTaggerSpans(text: string, mentions: readonly RawMention[], tagged: readonly Entity[]): readonly RawMention[] {
  let out: RawMention[] | null = null;
  let m = 0;
  for (const e of tagged) {
    if (e.type !== 'person') continue;
    while (m < mentions.length && mentions[m].end <= e.start) m++;
    let n = m;
    while (n < mentions.length && mentions[n].start < e.end) n++;
    // Most of the tagger's persons are a rule mention exactly: nothing to settle.
    if (n === m || (n === m + 1 && mentions[m].start === e.start && mentions[m].end === e.end)) continue;
    // Mostly a mention with an honorific the tagger reads without it ("Mr [Smith]"): told before any copy.
    if (anyHonorific(mentions, m, n)) continue;
    const overlapping = mentions.slice(m, n);
    let replacement: RawMention | null = null;
    if (overlapping.every((x) => x.start >= e.start && x.end <= e.end)) {
      if (overlapping.length === 1 && overlapping[0].start === e.start && overlapping[0].end === e.end) continue;
      replacement = widened(text, e, overlapping);
    } else if (overlapping.length === 1 && overlapping[0].start <= e.start && overlapping[0].end >= e.end) {
      replacement = narrowed(text, e, overlapping[0]);
    }
    if (replacement === null) continue;
    out ??= mentions.slice();
    // Replaced in place of the first, the others marked for removal: offsets stay sorted.
    out[m] = replacement;
    for (let k = m + 1; k < n; k++) out[k] = REMOVED;
    m = n;
  }
  return out === null ? mentions : out.filter((x) => x !== REMOVED);
}

function anyHonorific(mentions: readonly RawMention[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (mentions[k].honorific !== null) return true;
  return false;
}

/** A nickname in quotes between a given name and a surname: `Roberto "Hands of Stone" Duran`, CoNLL's spaced `" Macho "`. */
const NICKNAME_GAP = /^ ?["\u201c] ?\p{Lu}[\p{L}'\u2019-]*(?: [\p{L}'\u2019-]+){0,3} ?["\u201d] ?$/u;

/**
 * `mentions` (sorted by start) with a given name and a surname joined across a nickname in quotes into one
 * mention of the whole name ("Hector “Macho” Camacho"), its name parts without the nickname; the same array
 * when there is none. A lone name with no honorific (a tentative one only when a known given name) starts one.
 */
export function withNicknamesJoined(text: string, mentions: readonly RawMention[]): readonly RawMention[] {
  let out: RawMention[] | null = null;
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i];
    const j = a.honorific === null && a.nameParts.length === 1 && opensQuote(text, a.end) && (a.tentative !== true || isFirstName(a.nameParts[0])) ? surnameAfterNickname(text, mentions, i) : -1;
    if (j < 0) {
      out?.push(a);
      continue;
    }
    const b = mentions[j];
    out ??= mentions.slice(0, i);
    out.push(rawMention(a.start, b.end, text.slice(a.start, b.end), null, [...a.nameParts, ...b.nameParts], a.role ?? b.role));
    i = j;
  }
  return out ?? mentions;
}

/** Whether an opening quote mark follows `end` (past one space). */
function opensQuote(text: string, end: number): boolean {
  const c = text.charCodeAt(text.charCodeAt(end) === 0x20 ? end + 1 : end);
  return c === 0x22 || c === 0x201c;
}

/** The surname after mention `i`'s quoted nickname: the first of the next few mentions past the quotes (a nickname may itself be a mention), or -1. */
function surnameAfterNickname(text: string, mentions: readonly RawMention[], i: number): number {
  const a = mentions[i];
  for (let j = i + 1; j < mentions.length && j <= i + 3; j++) {
    const b = mentions[j];
    if (b.start - a.end > 40) return -1;
    if (b.start > a.end && b.honorific === null && NICKNAME_GAP.test(text.slice(a.end, b.start))) return j;
  }
  return -1;
}

const REMOVED: RawMention = rawMention(-1, -1, '', null, [], null);
