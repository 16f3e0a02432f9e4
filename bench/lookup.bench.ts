import { test } from 'vitest';
import { buildErrorIndex } from '../src/lookup/build-index';
import { compileIndex, diagnose } from '../src/lookup/index';
import { readEntryFiles } from '../src/schema/files';
import { checkEntry } from '../src/schema/validate';
import { generatePaste } from './support/paste';

/**
 * Target: 10,000 pasted lines (about 1 MB) diagnosed in under 200 ms in Node. The paste mixes what
 * a real CloudWatch export holds: START/END/REPORT lines, application logs, and now and then a
 * real error message from the fixtures, every line with a timestamp and request id.
 */
const entries = readEntryFiles().flatMap(({ file, data }) => {
  const checked = checkEntry(file, data);
  return checked.ok ? [checked.entry] : [];
});
const index = buildErrorIndex(entries, { site: 'https://lambda.example.com', base: '/' });

const paste = generatePaste(10_000);
const compiled = compileIndex(index);
console.log(
  `lookup bench: ${index.entries.length} entries, ${compiled.patterns.length} patterns; paste of 10,000 lines, ${(paste.length / 1e6).toFixed(2)} MB`,
);

test(`lookup: diagnose ${(paste.length / 1e6).toFixed(2)} MB, 10,000 lines (target < 200 ms)`, async ({ bench }) => {
  await bench.compare(
    bench('diagnose (index compiled once, as the Worker does)', () => {
      const diagnosis = diagnose(paste, compiled);
      if (!diagnosis.report || diagnosis.matches.length === 0) throw new Error('the paste should match');
    }),
    bench('compileIndex from scratch (first paste only)', () => {
      compileIndex({ ...index });
    }),
    // A run takes a fraction of a second: a few iterations give a stable mean on the shared machine.
    { iterations: 10, time: 0, warmupIterations: 2, warmupTime: 0 },
  );
}, 300_000);
