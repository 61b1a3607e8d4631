// Dates as articles and corpus.yaml write them: every form carries a four-digit year.
import * as chars from '../util/chars';

const { isAsciiDigitCode } = chars;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';
const DATE_PATTERNS: { regex: RegExp; toParts(m: RegExpExecArray): [number, number, number] | null }[] = [
  { regex: /\b(\d{4})-(\d{2})-(\d{2})(?![\d-])/, toParts: (m) => [+m[1], +m[2], +m[3]] },
  {
    regex: new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i'),
    toParts: (m) => [+m[3], MONTHS[m[2].toLowerCase()], +m[1]],
  },
  {
    regex: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'i'),
    toParts: (m) => [+m[3], MONTHS[m[1].toLowerCase()], +m[2]],
  },
  // Dotted numeric dates are day-first wherever they are written (06.04.2017 is 6 April).
  { regex: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]*\d)/, toParts: (m) => [+m[3], +m[2], +m[1]] },
  {
    // Slashed dates are day-first or month-first by locale: only unambiguous ones are read.
    regex: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/,
    toParts: (m) => {
      const a = +m[1];
      const b = +m[2];
      if (a > 12 && b <= 12) return [+m[3], b, a];
      if (b > 12 && a <= 12) return [+m[3], a, b];
      if (a === b) return [+m[3], a, b];
      return null;
    },
  },
];

function toIso(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Finds the first date stated in `text`; returns its ISO form and the matched range. */
export function findDate(text: string): { iso: string; start: number; end: number } | null {
  // Every pattern has a four-digit year: most lines have none, and then no regex needs to run.
  if (!hasFourDigits(text)) return null;
  let best: { iso: string; start: number; end: number } | null = null;
  for (const { regex, toParts } of DATE_PATTERNS) {
    const match = regex.exec(text);
    if (!match) continue;
    const parts = toParts(match);
    const iso = parts && toIso(parts[0], parts[1], parts[2]);
    if (iso && (best === null || match.index < best.start)) best = { iso, start: match.index, end: match.index + match[0].length };
  }
  return best;
}


/**
 * Whether four digits stand in a row. Any four characters in a row include one at an index of 3 modulo 4,
 * so only those are read until a digit is met, and then the digits around it.
 */
function hasFourDigits(text: string): boolean {
  for (let i = 3; i < text.length; i += 4) {
    if (!isAsciiDigitCode(text.charCodeAt(i))) continue;
    let start = i;
    while (start > i - 3 && isAsciiDigitCode(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end - start < 4 && end < text.length && isAsciiDigitCode(text.charCodeAt(end))) end++;
    if (end - start >= 4) return true;
  }
  return false;
}

/** A value that should be a date as a whole (corpus.yaml, front matter): ISO, or any form `findDate` reads. */
export function parseDate(value: string): string | null {
  const trimmed = value.trim();
  const found = findDate(trimmed);
  if (!found) return null;
  // Allow a time after an ISO date (2017-03-31T10:00:00Z), nothing else.
  const rest = trimmed.slice(0, found.start) + trimmed.slice(found.end).replace(/^T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?/, '');
  return rest.trim() === '' ? found.iso : null;
}

