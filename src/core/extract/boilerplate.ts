// Boilerplate that scraped articles carry (ad markers, donation pleas, comment prompts, footers, photo
// captions and credits), found by general rules over lines. Its ranges are kept out of extraction.
import type { Span } from '../types';
import { forEachLine } from '../util/text';

interface Line {
  /** Offset of the first non-blank character. */
  start: number;
  /** Offset after the last non-blank character. */
  end: number;
  text: string;
}

const MAX_NOTICE_LENGTH = 300;
/** How far apart two plea lines may be for the lines between them to count as one appeal block. */
const PLEA_BLOCK_WINDOW = 5;

const AD_MARKER = /^(?:hide ad|advertisement|advert|ad|sponsored(?: content)?|skip advert(?:isement)?|(?:story|article) continue[sd] (?:below|after (?:the )?(?:advertisement|ad))(?: advertisement)?|continue reading(?: below)?)$/i;
const PLEA_START = /^(?:your (?:support|donations?|contributions?|gift)\b|support (?:our|independent|quality|trusted|local|public[- ]interest) (?:journalism|reporting|newsroom)|(?:please )?(?:consider )?(?:donate|make a (?:donation|contribution))\b|become a (?:supporter|member|subscriber)\b|subscribe (?:now|today)\b)/i;
const PLEA_MENTION = /\byour (?:support|donations?|contributions?)\b/i;
const JOURNALISM_WORDS = /\b(?:journalis\w*|reporters?|reporting|paywalls?|newsroom|the story|difference)\b/i;
const COMMENT_PROMPT = /^(?:\d+\s+comments?|comments?|show comments|view comments|leave a comment|add a comment|(?:please )?(?:log|sign) in to comment\b.*|want to join the conversation\b.*|join\b.{0,80}\b(?:conversations?|discussions?|debate|forum|comment(?:s|ing)?)\b.*)$/i;
const FOOTER = /^(?:follow us(?:\s+on\b.*)?|share (?:this(?: article)?|on \w+)|cookie (?:settings|policy|preferences)|privacy (?:notice|policy)|terms (?:and|&) conditions|sign up (?:to|for) (?:our|the)\b.*newsletter.*|all rights reserved\.?)$/i;
const COPYRIGHT_START = /^(?:©|\(c\)\s|copyright\b)/i;
const ALL_RIGHTS_RESERVED = /\ball rights reserved\b/i;
/** "article continued after the advertisement", the longest AD_MARKER alternative. */
const MAX_AD_MARKER_LENGTH = 45;
/** A gallery prompt that stands where a photo was: "Open this photo in gallery", "View image in fullscreen". */
const GALLERY_PROMPT = /^(?:open|view|see|expand|enlarge|show)\s+(?:this\s+|the\s+)?(?:photo|image|picture|gallery|slideshow|video)s?(?:\s+(?:in|as)\s+(?:a\s+)?(?:gallery|full\s*screen|slideshow|new window))?\s*:?$/i;
const MAX_GALLERY_PROMPT_LENGTH = 60;
/**
 * A caption's credit at the end of the line: "(AP Photo/Jane Doe)", "JANE DOE/THE DAILY PLANET",
 * "Jane Doe/Getty Images", "Photo by Jane Doe". Photographer and agency written with a slash, in capitals
 * or in brackets, do not occur at the end of prose.
 */
const CAPTION_CREDIT = new RegExp(
  '(?:' +
    [
      String.raw`\([^()]{0,40}\b(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Pp]ic|[Ff]ile|[Hh]andout|[Cc]redit)s?\b\s*(?:\/|:|by\b|courtesy\b)[^()]{0,60}\)`,
      String.raw`\([A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+)*\s?\/\s?[A-Z][\p{L}.'’ -]{1,60}\)`,
      String.raw`\b[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)+\s?\/\s?[A-Z][A-Z.'’& -]{2,50}`,
      String.raw`\b[A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+)+\s?\/\s?(?:Getty(?: Images)?|Shutterstock|Alamy|[A-Z]{2,5}(?: Photo)?)`,
      String.raw`\b(?:[Pp]hoto|[Ii]mage|[Pp]icture)s? by [A-Z][\p{L}.'’ -]{1,60}`,
    ].join('|') +
    String.raw`)[.\s]*$`,
  'u',
);
const MAX_CAPTION_LENGTH = 400;
/** How far from the end of a caption its credit starts, at most. */
const CREDIT_TAIL = 120;
const COOKIE_WORD = /cookie/i;
const COOKIE_NOTICE = /\bcookies?\b.*\b(?:accept|settings|policy|consent|we use|preferences)\b|\b(?:we use|accept)\b.*\bcookies?\b/i;
const SOURCE_LINE = /^(?:\p{L}+\s*\/\s*)?source\s*:\s*[^.!?]{0,80}$/iu;
const PHOTO_CREDIT = /(?:^|[.!?|]\s*|\s)(?:picture|photo(?:graph)?|image|pic|credit)s?\s*:\s*[^.:!?]{1,60}$/i;
const MIN_CAPTION_LENGTH = 15;
const SHORT_LINE = 40;

function lineOf(text: string, start: number, end: number): Line {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return { start: start + lead, end: start + lead + trimmed.length, text: trimmed };
}

/** The lines between line breaks (\r\n, \r or \n), blank ones included. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  forEachLine(text, (start, end) => lines.push(lineOf(text, start, end)));
  return lines;
}

/** The caption when a line is a caption written twice ("XX" or "X X"), else null. */
function doubledCaption(line: string): string | null {
  const n = line.length;
  if (n < 2 * MIN_CAPTION_LENGTH) return null;
  if (n % 2 === 0 && line.slice(0, n / 2) === line.slice(n / 2)) return line.slice(0, n / 2);
  const half = (n - 1) / 2;
  if (n % 2 === 1 && /\s/.test(line[half]) && line.slice(0, half) === line.slice(half + 1)) return line.slice(0, half);
  return null;
}

function isNotice(text: string): boolean {
  if (text.length > MAX_NOTICE_LENGTH) return false;
  // Cheap necessary conditions first (this runs on every line): the longest ad marker has 35 characters,
  // a cookie notice names cookies, and source lines and photo credits have a colon.
  const colon = text.includes(':');
  return (
    (text.length <= MAX_AD_MARKER_LENGTH && AD_MARKER.test(text)) ||
    COMMENT_PROMPT.test(text) ||
    FOOTER.test(text) ||
    COPYRIGHT_START.test(text) ||
    (includesFolded(text, RIGHTS) && ALL_RIGHTS_RESERVED.test(text)) ||
    (COOKIE_WORD.test(text) && COOKIE_NOTICE.test(text)) ||
    (colon && SOURCE_LINE.test(text)) ||
    (colon && PHOTO_CREDIT.test(text)) ||
    (text.length <= MAX_GALLERY_PROMPT_LENGTH && GALLERY_PROMPT.test(text))
  );
}

/** A lower-case ASCII word a line must hold, in any case, before a case-insensitive regex can match it. */
interface FoldedWord {
  word: string;
  /** Where its rarest letter is: lines are searched for that letter, in both cases, with indexOf. */
  at: number;
  lower: string;
  upper: string;
}

function foldedWord(word: string, at: number): FoldedWord {
  return { word, at, lower: word[at], upper: word[at].toUpperCase() };
}

const YOUR = foldedWord('your', 0);
const RIGHTS = foldedWord('rights', 2);

/** Whether `text` holds the word in any case: most lines fail at an indexOf or two, where the regex reads every character. */
function includesFolded(text: string, folded: FoldedWord): boolean {
  return holdsAround(text, folded, folded.lower) || holdsAround(text, folded, folded.upper);
}

function holdsAround(text: string, { word, at }: FoldedWord, letter: string): boolean {
  for (let i = text.indexOf(letter, at); i >= 0; i = text.indexOf(letter, i + 1)) {
    const start = i - at;
    if (start + word.length > text.length) return false;
    let k = 0;
    // c | 32 equals a lower-case letter only for that letter and its capital.
    while (k < word.length && (text.charCodeAt(start + k) | 32) === word.charCodeAt(k)) k++;
    if (k === word.length) return true;
  }
  return false;
}

/** A photo caption: a line (a sentence or two at most) that ends with a photo credit. */
function isCaption(text: string): boolean {
  if (text.length > MAX_CAPTION_LENGTH) return false;
  // Every credit form has a slash, a colon, " by " or "courtesy" near the end of the line: most lines have
  // none there, and then no regex runs.
  const tail = Math.max(0, text.length - CREDIT_TAIL);
  return hasCreditMark(text, tail) && CAPTION_CREDIT.test(text);
}

/** A slash, a colon, " by " or "courtesy" from `tail` on, each found by indexOf (faster than a loop over the characters). */
function hasCreditMark(text: string, tail: number): boolean {
  if (text.indexOf('/', tail) >= 0 || text.indexOf(':', tail) >= 0) return true;
  // " by ": a "by " with a space before it ("b" is rarer than a space, so indexOf skips further).
  for (let i = text.indexOf('by ', tail + 1); i >= 0; i = text.indexOf('by ', i + 1)) if (text.charCodeAt(i - 1) === 32) return true;
  return text.includes('courtesy', tail);
}

/** The end of a plea that opens a line: the whole line, or only its first sentence when prose follows it. */
function pleaEnd(line: Line): number | null {
  if (!PLEA_START.test(line.text)) return null;
  const sentence = /^[^.!?]*[.!?]+/.exec(line.text);
  const rest = sentence ? line.text.slice(sentence[0].length) : '';
  if (sentence && rest.trim() !== '' && !JOURNALISM_WORDS.test(rest)) return line.start + sentence[0].length;
  // A bare "Your support ..." sentence in prose is not a plea: it must be short or talk about journalism.
  if (line.text.length > 80 && !JOURNALISM_WORDS.test(line.text)) return null;
  return line.end;
}

/** Ranges of boilerplate in `text`, sorted and merged (a range may span several lines). */
export function findBoilerplate(text: string): Span[] {
  const lines = splitLines(text);
  const marks: (number | null)[] = new Array(lines.length).fill(null); // end offset of the boilerplate on each line
  const markWhole = (i: number) => {
    marks[i] = lines[i].end;
  };

  let lastPlea = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text === '') continue;
    const plea = pleaEnd(line);
    const isPlea = plea !== null || (includesFolded(line.text, YOUR) && PLEA_MENTION.test(line.text) && JOURNALISM_WORDS.test(line.text));
    if (isPlea) {
      marks[i] = plea ?? line.end;
      if (i - lastPlea <= PLEA_BLOCK_WINDOW) for (let j = lastPlea + 1; j < i; j++) markWhole(j);
      lastPlea = i;
      continue;
    }
    if (isNotice(line.text) || isCaption(line.text)) markWhole(i);

    const caption = doubledCaption(line.text);
    if (caption !== null) {
      markWhole(i);
      // The same caption (perhaps with a credit such as " | AP") on the lines around it.
      for (const j of [i - 1, i + 1, i + 2]) {
        const other = lines[j];
        if (other && other.text.startsWith(caption) && other.text.length - caption.length <= SHORT_LINE) markWhole(j);
      }
    }
    // A caption or notice repeated on the next line (not prose: prose does not repeat itself verbatim).
    const next = lines[i + 1];
    if (next && next.text === line.text && line.text.length >= MIN_CAPTION_LENGTH && line.text.length <= MAX_NOTICE_LENGTH) {
      markWhole(i);
      markWhole(i + 1);
    }
  }

  // Short lines among the trailing notices ("Dare to be Honest" between "Comments" and "Follow us").
  let last = lines.length - 1;
  while (last >= 0 && lines[last].text === '') last--;
  if (last >= 0 && marks[last] !== null) {
    for (let i = last - 1; i >= 0; i--) {
      const line = lines[i];
      if (line.text === '' || marks[i] !== null) continue;
      if (line.text.length > SHORT_LINE || /[.!?:;,"”’]$/.test(line.text)) break;
      let before = i - 1;
      while (before >= 0 && lines[before].text === '') before--;
      if (before < 0 || marks[before] === null) break;
      markWhole(i);
    }
  }

  const spans: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    const end = marks[i];
    if (end === null || end <= lines[i].start) continue;
    const previous = spans[spans.length - 1];
    // Merge with the previous range when only whitespace lies between them.
    if (previous && /^\s*$/.test(text.slice(previous.end, lines[i].start))) previous.end = end;
    else spans.push({ start: lines[i].start, end });
  }
  return spans;
}
