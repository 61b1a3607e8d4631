// Character tests by UTF-16 code, for scanners that walk a text without cutting strings.

export function isAsciiLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function foldAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code;
}

export function isAsciiUpperCode(code: number): boolean {
  return code >= 65 && code <= 90;
}

export function isAsciiLowerCode(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** 0-9. */
export function isAsciiDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** No character of text[start, end) is beyond ASCII. */
export function isAsciiRange(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) >= 128) return false;
  return true;
}

/** A letter or digit of any script. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;
export const LETTER = /\p{L}/u;
export const UPPER = /\p{Lu}/u;
const SPACE = /\s/;

/** Whitespace test without a regex: this runs on every character of every article. */
export function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code > 0x1fff && SPACE.test(c));
}

export function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code > 0x1fff && SPACE.test(String.fromCharCode(code)));
}

/** Whether `c` holds a letter or digit of any script (WORD_CHAR), without the regex for one ASCII character. */
export function isWord(c: string | undefined): boolean {
  if (c === undefined) return false;
  if (c.length === 1) {
    const code = c.charCodeAt(0);
    if (code < 128) return isAsciiLetterCode(code) || (code >= 48 && code <= 57);
  }
  return WORD_CHAR.test(c);
}

export function isSpaceOrEdge(c: string | undefined): boolean {
  return c === undefined || isSpace(c);
}

/** \s among ASCII characters: space, tab, line feed, vertical tab, form feed, carriage return. */
export function isAsciiSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** \w without the u flag: [A-Za-z0-9_]. */
export function isAsciiWordCode(code: number): boolean {
  return isAsciiLetterCode(code) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * A table over the 128 ASCII codes: each code gets the bits of the classes whose pattern matches its
 * character. Scanners test `table[code] & BIT` instead of a regex for the common, ASCII case.
 */
export function asciiClassTable(classes: readonly (readonly [bit: number, pattern: RegExp])[]): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    const ch = String.fromCharCode(code);
    for (const [bit, pattern] of classes) if (pattern.test(ch)) table[code] |= bit;
  }
  return table;
}
