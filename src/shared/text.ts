// Chinese IMEs and Excel sheets routinely produce full-width digits/letters and
// stray invisible characters; every cell value is cleaned before it is trusted.

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (U+FF01–FF5E) → ASCII; ideographic space U+3000 → ' '. */
export function foldFullWidth(s: string): string {
  return s
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ');
}

// Zero-width space/joiners, LRM/RLM, word joiner, BOM, soft hyphen, Mongolian
// vowel separator: invisible, but they break equality and regexes. Pasting from
// web pages and WeChat brings them in.
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u00AD\u180E]/g;

/** foldFullWidth, drop invisible characters, collapse whitespace runs (incl. NBSP) to one space, trim. */
export function cleanCell(s: string): string {
  // JS \s already covers NBSP, U+3000 and the other Unicode spaces.
  return foldFullWidth(s).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
