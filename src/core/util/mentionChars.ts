// Character tests by UTF-16 code that the mention scanners need beside chars.ts (candidates to join it).

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
