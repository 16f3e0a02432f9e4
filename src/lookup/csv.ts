/**
 * RFC 4180 CSV as CloudWatch writes it (Logs Insights "Download table (CSV)", console exports):
 * a field that starts with a quote may hold commas, doubled quotes and line breaks; rows end at
 * LF, CR or CRLF. Shared by the lookup (the `@message` column of a pasted export) and Logs Insights
 * (pasted exports and `parse … as csv`). Hand-written because it is one small state machine, and
 * the lookup's Worker would otherwise carry a CSV library for it.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
