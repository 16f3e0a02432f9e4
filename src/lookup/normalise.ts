/**
 * Noise removal for grouping: two lines that differ only by timestamps, request ids, ARNs, IP
 * addresses or numbers say the same thing. Patterns never run on normalised text (they capture
 * the numbers worth showing, such as the timeout's seconds); normalisation only decides which
 * evidence lines are repeats of one another.
 */
const replacements: [RegExp, string][] = [
  [/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?/g, '<time>'],
  [/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, '<id>'],
  [/\barn:aws[\w-]{0,16}:[^\s"',)}\]]{1,512}/g, '<arn>'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g, '<ip>'],
  [/\b(?:0x)?[0-9a-fA-F]{12,}\b/g, '<hex>'],
  [/\d+(?:\.\d+)?/g, '<n>'],
  [/\s+/g, ' '],
];

/** The line with its noise replaced by placeholders (`<time>`, `<id>`, `<arn>`, `<ip>`, `<hex>`, `<n>`). */
export function normaliseLine(line: string): string {
  let result = line;
  for (const [pattern, placeholder] of replacements) result = result.replace(pattern, placeholder);
  return result.trim();
}
