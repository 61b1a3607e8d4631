// Character tests by UTF-16 code, for scanners that walk a text without cutting strings.

export function isAsciiLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function foldAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code;
}
