import { test } from 'vitest';
import { buildErrorIndex } from '../src/lookup/build-index';
import { compileIndex, diagnose, type ErrorIndex } from '../src/lookup/index';
import { readEntryFiles } from '../src/schema/files';
import { checkEntry } from '../src/schema/validate';
import { generatePaste } from './support/paste';

/**
 * Target: 10,000 pasted lines (about 1.6 MB) diagnosed in under 200 ms in Node, with the catalogue
 * at 90 entries or more. The paste mixes what a real CloudWatch export holds: START/END/REPORT
 * lines, application logs, and now and then a real error message from the fixtures, every line
 * with a timestamp and request id. While the catalogue has fewer than 90 entries, the same paste is
 * also timed against an index padded to 90+ by copies of the real entries (same patterns, names and
 * messages under new ids): the work per line grows with patterns and names, so the copies cost what
 * real entries would.
 */
const entries = readEntryFiles().flatMap(({ file, data }) => {
  const checked = checkEntry(file, data);
  return checked.ok ? [checked.entry] : [];
});
const index = buildErrorIndex(entries, { site: 'https://lambda.example.com', base: '/' });
const targetEntries = 90;

function padded(real: ErrorIndex, count: number): ErrorIndex {
  const copies = [];
  for (let round = 1; real.entries.length + copies.length < count; round++) {
    for (const entry of real.entries) {
      if (real.entries.length + copies.length >= count) break;
      copies.push({ ...entry, id: `${entry.id}-copy-${round}`, title: `${entry.title} (copy ${round})` });
    }
  }
  return { ...real, entries: [...real.entries, ...copies] };
}

const paste = generatePaste(10_000);
const compiled = compileIndex(index);
const big = index.entries.length < targetEntries ? padded(index, targetEntries + 2) : undefined;
const bigCompiled = big ? compileIndex(big) : undefined;
const typed = ['TooManyRequestsException', 'Rate Exceeded.', 'cold start', 'signal: killed', 'iterator age'];
console.log(
  [
    `lookup bench: ${index.entries.length} entries, ${compiled.patterns.length} patterns, ${compiled.names.tokens.size + compiled.names.phrases.size} names; paste of 10,000 lines, ${(paste.length / 1e6).toFixed(2)} MB`,
    big && bigCompiled
      ? `the catalogue has fewer than ${targetEntries} entries: also timed against an index padded to ${big.entries.length} entries (${bigCompiled.patterns.length} patterns)`
      : `the catalogue has ${targetEntries} entries or more: no padding needed`,
  ].join('\n'),
);

test(`lookup: diagnose ${(paste.length / 1e6).toFixed(2)} MB, 10,000 lines (target < 200 ms)`, async ({ bench }) => {
  await bench.compare(
    bench(`diagnose, ${index.entries.length} entries (index compiled once, as the Worker does)`, () => {
      const diagnosis = diagnose(paste, compiled);
      if (!diagnosis.report || diagnosis.matches.length === 0) throw new Error('the paste should match');
    }),
    ...(big && bigCompiled
      ? [
          bench(`diagnose, index padded to ${big.entries.length} entries`, () => {
            const diagnosis = diagnose(paste, bigCompiled);
            if (!diagnosis.report || diagnosis.matches.length === 0) throw new Error('the paste should match');
          }),
        ]
      : []),
    bench('compileIndex from scratch (first paste only)', () => {
      compileIndex({ ...index }).text();
    }),
    bench(`${typed.length} typed queries (named and text tiers)`, () => {
      for (const query of typed) if (diagnose(query, compiled).matches.length === 0) throw new Error(query);
    }),
    // A run takes a fraction of a second: a few iterations give a stable mean on the shared machine.
    { iterations: 10, time: 0, warmupIterations: 2, warmupTime: 0 },
  );
}, 300_000);
