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

/** No character of text[start, end) is beyond ASCII. */
export function isAsciiRange(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) >= 128) return false;
  return true;
}
