// Small shared text helpers for the extractors. All work on JavaScript string indices.

/** Characters that may sit between a sentence boundary and the first word: spaces, quotes, brackets, bullets. */
const OPENERS = new Set([' ', '\t', '\u00a0', '"', '\u201c', '\u2018', "'", '(', '[', '\u2022', '\u00b7', '*', '\u2013', '\u2014', '-', '>', '#', '_']);
const TERMINATORS = new Set(['.', '!', '?', ':', ';', '\n', '\r', '\u2026']);

/** True when the word starting at `pos` begins a sentence, line, list item or the text. */
export function isSentenceStart(text: string, pos: number): boolean {
  let p = pos - 1;
  // Opening marks can be stacked ("• “Mr"), but a long run of them is unlikely; bound the walk.
  for (let steps = 0; p >= 0 && steps < 12; steps++, p--) {
    const ch = text[p];
    if (TERMINATORS.has(ch)) return true;
    if (ch === '\u201d' || ch === '\u2019') return isSentenceStart(text, p); // closing quote after a full stop
    if (!OPENERS.has(ch)) return false;
  }
  return p < 0;
}

export function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for tokens written entirely in capitals, at least two letters ("UK", "NATO", "GOVERNMENT"). */
export function isAllCaps(token: string): boolean {
  let letters = 0;
  for (const ch of token) {
    if (ch === ch.toLowerCase() && ch !== ch.toUpperCase()) return false;
    if (ch !== ch.toLowerCase()) letters++;
  }
  return letters >= 2;
}

/** Lower-cases and strips accents: the key for comparing names ("Zelenskyy" vs "ZELENSKYY", "José" vs "Jose"). */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** URL-safe stable slug of a name: "Sir Michael Fallon" -> "sir-michael-fallon". */
export function slugify(name: string): string {
  const slug = foldName(name).replace(/['\u2019]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'person';
}

/**
 * Calls `visit` with the bounds of each line between line breaks (\r\n, \r or \n), blank ones included (a text
 * ending in a break ends with an empty line).
 */
export function forEachLine(text: string, visit: (start: number, end: number) => void): void {
  if (text.indexOf('\r') < 0) {
    // Only \n breaks lines (most texts): indexOf finds them faster than a regex reads every character.
    for (let start = 0; ; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      visit(start, end);
      if (end >= text.length) return;
      start = end + 1;
    }
  }
  const lineRegex = /[^\r\n]*/g;
  let match: RegExpExecArray | null;
  while ((match = lineRegex.exec(text)) !== null) {
    visit(match.index, match.index + match[0].length);
    // Step over the line break (\r\n counts once) so the empty match at a break does not loop.
    let next = match.index + match[0].length;
    if (text[next] === '\r' && text[next + 1] === '\n') next += 2;
    else if (next < text.length) next += 1;
    else return;
    lineRegex.lastIndex = next;
  }
}
