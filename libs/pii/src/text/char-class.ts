/** Character classes of the BMP, computed once at load so the tokenizer never runs a regex per character. */
export const LETTER = 1;
export const UPPER = 2;
export const DIGIT = 4;
export const SPACE = 8;
export const NEWLINE = 16;

/** Class bits of each UTF-16 code unit (marks count as letters, so "é" written with a combining accent stays one word). */
export const CHAR_CLASS = new Uint8Array(65536);
/** The lower-case of each code unit (itself when it has no single-unit lower case). */
export const LOWER = new Uint16Array(65536);

for (let c = 0; c < 65536; c++) {
  const s = String.fromCharCode(c);
  let k = 0;
  if (c >= 0xd800 && c <= 0xdfff) k = 0;
  else if (/[\p{L}\p{M}]/u.test(s)) k = LETTER | (/[\p{Lu}\p{Lt}]/u.test(s) ? UPPER : 0);
  else if (c >= 48 && c <= 57) k = DIGIT;
  else if (/\s/.test(s)) k = SPACE | (c === 10 || c === 13 ? NEWLINE : 0);
  CHAR_CLASS[c] = k;
  const l = s.toLowerCase();
  LOWER[c] = l.length === 1 ? l.charCodeAt(0) : c;
}
