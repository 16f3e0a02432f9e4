import { describe, expect, it } from 'vitest';
import type { ErrorEntry } from '../../src/schema/errors';
import { checkCatalogue, checkEntry, formatProblem } from '../../src/schema/validate';
import { loadValidEntry } from './support/entries';

const file = 'content/errors/task-timed-out.mdx';

function problemsFor(data: unknown): string[] {
  const result = checkEntry(file, data);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('checkEntry', () => {
  it('accepts a valid entry', () => {
    const result = checkEntry(file, loadValidEntry());
    expect(result.ok).toBe(true);
  });

  it.each([
    'id',
    'title',
    'summary',
    'category',
    'phase',
    'runtimes',
    'messages',
    'patterns',
    'cause',
    'scenarios',
    'fixes',
    'prevention',
    'metrics',
    'insights',
    'related',
    'references',
    'reviewed',
  ])('rejects an entry without %s, naming the file and the field', (field) => {
    const data = loadValidEntry();
    delete data[field];
    expect(problemsFor(data)).toContain(`  ${file}: ${field}: is required`);
  });

  it('accepts an entry without the optional aliases', () => {
    const data = loadValidEntry();
    delete data.aliases;
    expect(problemsFor(data)).toEqual([]);
  });

  it.each([
    [
      'an empty messages list',
      (d: Record<string, unknown>) => (d.messages = []),
      'messages: must quote at least one message',
    ],
    [
      'a single scenario',
      (d: Record<string, unknown>) => (d.scenarios = ['one']),
      'scenarios: must describe at least two scenarios',
    ],
    ['no fixes', (d: Record<string, unknown>) => (d.fixes = []), 'fixes: must give at least one fix'],
    [
      'one prevention step',
      (d: Record<string, unknown>) => (d.prevention = ['x']),
      'prevention: must give at least two prevention steps',
    ],
    ['an unknown category', (d: Record<string, unknown>) => (d.category = 'misc'), 'category:'],
    ['an unknown runtime', (d: Record<string, unknown>) => (d.runtimes = ['cobol']), 'runtimes[0]:'],
    [
      'an id that is not kebab-case',
      (d: Record<string, unknown>) => (d.id = 'Task_Timed_Out'),
      'id: must be kebab-case',
    ],
    [
      'a two-sentence summary',
      (d: Record<string, unknown>) => (d.summary = 'It broke. Then it broke again.'),
      'summary: must be one sentence',
    ],
    [
      'a message without its source',
      (d: Record<string, unknown>) => delete (d.messages as Record<string, unknown>[])[0]?.source,
      'messages[0].source: is required',
    ],
    [
      'a message source that is not a URL',
      (d: Record<string, unknown>) =>
        ((d.messages as Record<string, unknown>[])[0] = { text: 'x', runtime: 'any', source: 'a blog' }),
      'messages[0].source: must be an absolute http(s) URL',
    ],
    [
      'a fix without Python code',
      (d: Record<string, unknown>) => {
        const [fix] = d.fixes as { code: Record<string, unknown> }[];
        if (fix) delete fix.code.python;
      },
      'fixes[0].code.python: is required',
    ],
    [
      'an invalid regular expression',
      (d: Record<string, unknown>) => (d.patterns = [{ source: 'Task timed out (' }]),
      'patterns[0].source: is not a valid regular expression',
    ],
    [
      'a stateful regular expression flag',
      (d: Record<string, unknown>) => (d.patterns = [{ source: 'x', flags: 'g' }]),
      'patterns[0].flags:',
    ],
    [
      'a reviewed value that is not a date',
      (d: Record<string, unknown>) => (d.reviewed = 'last week'),
      'reviewed: must be a date',
    ],
  ])('rejects %s', (_name, mutate, expected) => {
    const data = loadValidEntry();
    mutate(data);
    const problems = problemsFor(data);
    expect(problems.some((problem) => problem.startsWith(`  ${file}: ${expected}`))).toBe(true);
  });
});

describe('checkCatalogue', () => {
  const valid = () => checkEntry(file, loadValidEntry());
  const entryWith = (changes: Partial<ErrorEntry>): ErrorEntry => {
    const result = valid();
    if (!result.ok) throw new Error('fixture entry is invalid');
    return { ...result.entry, ...changes };
  };

  it('accepts a consistent catalogue', () => {
    expect(checkCatalogue([{ file, entry: entryWith({ related: [] }) }])).toEqual([]);
  });

  it('rejects a related id that does not exist', () => {
    const problems = checkCatalogue([{ file, entry: entryWith({ related: ['no-such-entry'] }) }]);
    expect(problems.map(formatProblem)).toEqual([`  ${file}: related[0]: no entry has the id "no-such-entry"`]);
  });

  it('rejects an id that differs from the file name', () => {
    const problems = checkCatalogue([{ file, entry: entryWith({ id: 'timeout' }) }]);
    expect(problems.map(formatProblem)).toContain(
      `  ${file}: id: must equal the file name "task-timed-out", got "timeout"`,
    );
  });

  it('rejects two entries sharing an id', () => {
    const other = 'content/errors/copy/task-timed-out.mdx';
    const problems = checkCatalogue([
      { file, entry: entryWith({}) },
      { file: other, entry: entryWith({}) },
    ]);
    expect(problems.map(formatProblem)).toContain(`  ${other}: id: "task-timed-out" is already used by ${file}`);
  });

  it('rejects an alias that another entry uses as its id or alias', () => {
    const otherFile = 'content/errors/lambda-timeout.mdx';
    const problems = checkCatalogue([
      { file, entry: entryWith({ aliases: ['lambda-timeout'] }) },
      { file: otherFile, entry: entryWith({ id: 'lambda-timeout', aliases: [] }) },
    ]);
    expect(problems.map(formatProblem).join('\n')).toMatch(/"lambda-timeout" is already used by/);
  });

  it('asks each entry sharing a name to say how to tell it apart', () => {
    const otherFile = 'content/errors/other-timeout.mdx';
    const problems = checkCatalogue([
      { file, entry: entryWith({ related: [], names: [{ name: 'ETIMEDOUT', tell: 'the function ran out of time' }] }) },
      {
        file: otherFile,
        entry: entryWith({ id: 'other-timeout', related: [], aliases: [], names: [{ name: 'ETIMEDOUT' }] }),
      },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      `  ${otherFile}: names[0].tell: "ETIMEDOUT" is also listed by task-timed-out: say in one line how to tell this entry apart`,
    ]);
  });

  it('accepts a shared name when every entry tells itself apart', () => {
    const otherFile = 'content/errors/other-timeout.mdx';
    const problems = checkCatalogue([
      { file, entry: entryWith({ related: [], names: [{ name: 'ETIMEDOUT', tell: 'the function ran out of time' }] }) },
      {
        file: otherFile,
        entry: entryWith({
          id: 'other-timeout',
          related: [],
          aliases: [],
          names: [{ name: 'ETIMEDOUT', tell: 'a socket did' }],
        }),
      },
    ]);
    expect(problems).toEqual([]);
  });
});
