// Text kept one byte per character: Latin-1 as itself, and Windows-1252's characters beyond Latin-1 (curly
// quotes, dashes, the euro sign...) as their Windows-1252 bytes, 0x80-0x9F, which Latin-1 gives to control
// characters. V8 keeps such a string one byte per character, where the text itself (with one curly quote)
// takes two, and its slices are views of it instead of copies.

/** The characters of bytes 0x80-0x9F in Windows-1252 (the five bytes it leaves undefined keep their Latin-1 value). */
export const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const BYTE_OF = new Map<number, number>(WINDOWS_1252_HIGH.map((code, i): [number, number] => [code, 0x80 + i]).filter(([code]) => code > 0xff));
const HIGH_CHARS = WINDOWS_1252_HIGH.map((code) => String.fromCharCode(code));

/** Bytes 0x80-0x9F as characters: C1 controls in the text, Windows-1252 characters in its one-byte form. */
const C1 = /[\x80-\x9f]/;
const C1_ALL = /[\x80-\x9f]/g;
const BEYOND_LATIN1_ALL = /[^\0-\xff]/g;

const highChar = (c: string): string => HIGH_CHARS[c.charCodeAt(0) - 0x80];

/**
 * The text one byte per character (see above; Latin-1 text itself), or null when it has a character Windows-1252 lacks, or a C1
 * control (which would read back as a Windows-1252 character).
 */
export function toWindows1252(text: string): string | null {
  if (C1.test(text)) return null;
  BEYOND_LATIN1_ALL.lastIndex = 0;
  let match = BEYOND_LATIN1_ALL.exec(text);
  // Latin-1 text is its own one-byte form.
  if (match === null) return text;
  // Each character's low byte, then the characters beyond Latin-1 put right.
  const bytes = Buffer.from(text, 'latin1');
  for (; match !== null; match = BEYOND_LATIN1_ALL.exec(text)) {
    const byte = BYTE_OF.get(text.charCodeAt(match.index));
    if (byte === undefined) return null;
    bytes[match.index] = byte;
  }
  return bytes.toString('latin1');
}

/** The text `toWindows1252` made `stored` from (or a part of it: a slice of `stored` reads back as the slice). */
export function fromWindows1252(stored: string): string {
  return C1.test(stored) ? stored.replace(C1_ALL, highChar) : stored;
}

/** Whether `part` of a one-byte form is the same as that part of the text (it holds no Windows-1252 byte). */
export const sameInWindows1252 = (part: string): boolean => !C1.test(part);
