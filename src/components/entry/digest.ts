/**
 * The "Fix first" digest at the top of an entry page: the first sentence of the first fix, so an
 * engineer in an incident reads the first step before scrolling. Pure, tested beside it.
 */

/** Words whose dot does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'approx', 'no']);

/**
 * The first sentence of a fix body (Markdown): its first paragraph up to the first full stop,
 * question or exclamation mark that is outside inline code and link text and is followed by a new
 * sentence. A paragraph that ends by introducing a code block (":") ends with a full stop instead.
 */
export function firstSentence(markdown: string): string {
  const paragraph = (markdown.trim().split(/\n\s*\n|\n```/)[0] ?? '').replace(/\s*\n\s*/g, ' ').trim();
  let inCode = false;
  let brackets = 0;
  for (let index = 0; index < paragraph.length; index += 1) {
    const char = paragraph[index];
    if (char === '`') inCode = !inCode;
    if (inCode) continue;
    if (char === '[' || char === '(') brackets += 1;
    if ((char === ']' || char === ')') && brackets > 0) brackets -= 1;
    if (brackets > 0 || !(char === '.' || char === '!' || char === '?')) continue;
    const rest = paragraph.slice(index + 1);
    if (!/^\s+[A-Z`*_[("]/.test(rest)) continue;
    const word = /([\w.]+)$/.exec(paragraph.slice(0, index))?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word)) continue;
    return paragraph.slice(0, index + 1);
  }
  return paragraph.replace(/:$/, '.');
}
