/**
 * Examples that cannot rot: every before.ts must print its signature and fail (or show the problem),
 * every after.ts must succeed on every invocation without the signature, and both must type-check
 * against the runtime's declarations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emulate } from '../runtime/index.ts';
import { buildEmulateOptions, EXAMPLES } from './catalogue.ts';
import { compileExample } from './compile.ts';

/**
 * No example spins without yielding, so none needs the watchdog: a generous one keeps a loaded
 * machine (real time) from turning an example's run into a timeout.
 */
const WATCHDOG_MS = 20_000;
const folder = (id: string) => fileURLToPath(new URL(`./${id}/`, import.meta.url));
const readSide = (id: string, side: 'before' | 'after') => readFileSync(`${folder(id)}${side}.ts`, 'utf8');
const knownErrorIds = new Set([
  ...Object.values(
    (
      JSON.parse(readFileSync(new URL('../../tests/fixtures/topics.json', import.meta.url), 'utf8')) as {
        topics: Record<string, string | null>;
      }
    ).topics,
  ).filter((id): id is string => id !== null),
  ...readdirSync(new URL('../../content/errors/', import.meta.url))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.replace(/\.mdx$/, '')),
]);

describe.each(Object.entries(EXAMPLES))('example %s', (id, meta) => {
  const signature = new RegExp(meta.signature.pattern);

  it('before.ts prints its signature', async () => {
    const result = await emulate({
      ...buildEmulateOptions(meta, 'before', compileExample(readSide(id, 'before'))),
      watchdogMs: WATCHDOG_MS,
    });
    expect(result.logs.join('\n')).toMatch(signature);
  });

  it('after.ts succeeds on every invocation without the signature', async () => {
    const result = await emulate({
      ...buildEmulateOptions(meta, 'after', compileExample(readSide(id, 'after'))),
      watchdogMs: WATCHDOG_MS,
    });
    expect(result.logs.join('\n')).not.toMatch(signature);
    expect(result.outcomes.length).toBeGreaterThanOrEqual(meta.events.length);
    if (meta.asyncInvocation) {
      // Lambda retries a failed attempt: the fix is that every event ends in success, under its
      // own request id, and nothing reaches the on-failure destination.
      const last = new Map(result.outcomes.map((outcome) => [outcome.requestId, outcome.kind]));
      expect(last.size).toBe(meta.events.length);
      for (const kind of last.values()) expect(kind).toBe('success');
      expect(result.destinations).toEqual([]);
    } else {
      for (const outcome of result.outcomes) expect(outcome.kind).toBe('success');
    }
  });

  it('names only known error entries', () => {
    expect(meta.relatedErrors.length).toBeGreaterThan(0);
    for (const errorId of meta.relatedErrors) expect(knownErrorIds).toContain(errorId);
  });
});

describe('the fix patterns', () => {
  it('show each failure issue 15 asked for, linked to its entry', () => {
    const entries = new Set(Object.values(EXAMPLES).flatMap((meta) => meta.relatedErrors));
    for (const entry of [
      'runtime-exit-error', // unhandled rejection
      'tmp-no-space-left',
      'sqs-visibility-timeout',
      'async-invocation-failures',
      'init-phase-timeout',
      'emfile-too-many-open-files',
    ]) {
      expect(entries).toContain(entry);
    }
  });

  it('cover at least nineteen patterns, one example each', () => {
    const patterns = new Set(Object.values(EXAMPLES).map((meta) => meta.pattern));
    expect(patterns.size).toBe(Object.keys(EXAMPLES).length);
    expect(patterns.size).toBeGreaterThanOrEqual(19);
  });
});

describe('type-checking the examples', () => {
  it('every before.ts and after.ts compiles against runtime/types.d.ts without errors', () => {
    const files = Object.keys(EXAMPLES).flatMap((id) => [`${folder(id)}before.ts`, `${folder(id)}after.ts`]);
    const declarations = fileURLToPath(new URL('../runtime/types.d.ts', import.meta.url));
    const program = ts.createProgram([...files, declarations], {
      strict: true,
      noEmit: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: ['aws-lambda', 'node'],
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${diagnostic.file.fileName}: ` : '';
      return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    });
    expect(diagnostics).toEqual([]);
  });

  it('reports a type error a reader introduces', () => {
    const source = `import { sleep } from 'lambda-playground';\nexport const handler = async () => { await sleep('soon'); };\n`;
    const host = ts.createCompilerHost({ strict: true, noEmit: true });
    const declarations = fileURLToPath(new URL('../runtime/types.d.ts', import.meta.url));
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => (name.endsWith('edited.ts') ? source : readFile(name));
    const exists = host.fileExists.bind(host);
    host.fileExists = (name) => name.endsWith('edited.ts') || exists(name);
    const program = ts.createProgram(
      ['/virtual/edited.ts', declarations],
      { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, types: [], skipLibCheck: true },
      host,
    );
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages.join('\n')).toMatch(/not assignable to parameter of type 'number'/);
  });
});
