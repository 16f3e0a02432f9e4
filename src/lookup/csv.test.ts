import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('@timestamp,@message\r\n"2024-01-01","a, ""b""\nc"\n')).toEqual([
      ['@timestamp', '@message'],
      ['2024-01-01', 'a, "b"\nc'],
    ]);
  });

  it('keeps a quote inside an unquoted field as text, and a last row without a line break', () => {
    expect(parseCsv('x,5" disk\ny,z')).toEqual([
      ['x', '5" disk'],
      ['y', 'z'],
    ]);
  });

  it('gives no rows for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
