import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexEntry, loadFixtureMessages, loadIndex, loadValidEntries } from '../../tests/unit/support/lookup';
import { combineContributions, repeatFactor } from './diagnose';
import { compileIndex, diagnose, limits, normaliseLine, parsePaste, unescapeJson } from './index';
import { buildLiteralScan, extractPrefilter, passesPrefilter } from './literals';
import type { ErrorIndex } from './schema';

const entry = indexEntry;

const index: ErrorIndex = {
  version: 1,
  entries: [
    entry('task-timed-out', ['Task timed out after (?<seconds>\\d+(?:\\.\\d+)?) seconds'], ['Sandbox.Timedout']),
    entry('import-module-error', ["Cannot find module '(?<module>[^']+)'"], ['Runtime.ImportModuleError']),
    entry('generic-timeout', ['timeout'], [], 'i'),
    entry('invalid-base64', ['Invalid base64: "\\{"test']),
  ],
};

const requestId = 'b70435cc-261c-4438-b9b6-efe4c8f04b21';

describe('the shapes people paste', () => {
  const timeout = 'Task timed out after 3.00 seconds';
  it.each([
    ['a bare message', timeout],
    ['a Lambda text log line', `2024-03-04T17:22:38.033Z ${requestId} ${timeout}`],
    ['a CloudWatch console row', `2024-03-04T18:22:38.033+01:00\t2024-03-04T17:22:38.033Z ${requestId} ${timeout}`],
    [
      'aws logs tail output',
      `2024-03-04T17:22:38.033000+00:00 2024/03/04/[$LATEST]0a1b2c3d4e5f 2024-03-04T17:22:38.033Z ${requestId} ${timeout}`,
    ],
    ['sam logs output', `2024/03/04/[$LATEST]0a1b2c3d4e5f 2024-03-04T17:22:38.033000 ${requestId} ${timeout}`],
    [
      'filter-log-events text output',
      `EVENTS\t3801\t1709572958040\t2024/03/04/[$LATEST]0a1b\t2024-03-04T17:22:38.033Z ${requestId} ${timeout}\n\t1709572958033`.replace(
        '\n',
        '',
      ),
    ],
    [
      'filter-log-events JSON output',
      JSON.stringify(
        {
          events: [
            {
              logStreamName: 's',
              timestamp: 1,
              message: `2024-03-04T17:22:38.033Z ${requestId} ${timeout}\n`,
              eventId: '1',
            },
          ],
        },
        null,
        4,
      ),
    ],
    [
      'a Lambda JSON log line',
      JSON.stringify({ timestamp: '2024-03-04T17:22:38.033Z', level: 'ERROR', requestId, message: timeout }),
    ],
    [
      'an API response',
      JSON.stringify({ errorType: 'Sandbox.Timedout', errorMessage: `${requestId} ${timeout}` }, null, 2),
    ],
  ])('finds the timeout in %s', (_shape, text) => {
    const { matches } = diagnose(text, index);
    expect(matches[0]).toMatchObject({ id: 'task-timed-out', values: { seconds: '3.00' } });
    // The evidence is the line as pasted, not the unwrapped body.
    expect(matches[0]?.evidence.some((line) => text.includes(line.trim()))).toBe(true);
  });

  it('reads the request id of each line and groups continuation lines under it', () => {
    const text = [
      `START RequestId: ${requestId} Version: $LATEST`,
      `2021-02-12T08:22:17.961Z\t${requestId}\tERROR\tUncaught Exception \t`,
      '{',
      '    "errorType": "Runtime.ImportModuleError",',
      `    "errorMessage": "Error: Cannot find module 'aws-sdk'\\nRequire stack:\\n- /var/task/app.js",`,
      '}',
      `END RequestId: ${requestId}`,
    ].join('\n');
    const paste = parsePaste(text);
    expect(paste.requestIds).toEqual(new Set([requestId]));
    expect(paste.records.map((record) => record.lines.length)).toEqual([1, 5, 1]);
    const { matches, stats } = diagnose(text, index);
    expect(stats).toEqual({ lines: 7, records: 3, requests: 1 });
    expect(matches[0]).toMatchObject({
      id: 'import-module-error',
      values: { module: 'aws-sdk', errorType: 'Runtime.ImportModuleError' },
      requestIds: [requestId],
    });
  });

  it.each([
    ['a CloudWatch console row', (ts: string, message: string) => `2024-03-04T18:22:38.033+01:00\t${ts} ${message}`],
    [
      'aws logs tail output',
      (ts: string, message: string) => `2024-03-04T17:22:38.033000+00:00 2024/03/04/[$LATEST]0a1b2c ${ts} ${message}`,
    ],
    [
      'sam logs output',
      (ts: string, message: string) => `2024/03/04/[$LATEST]0a1b2c 2024-03-04T17:22:38.033000 ${ts} ${message}`,
    ],
  ])(
    'reads each event of %s as a record of its own, with the request id after the runtime timestamp',
    (_shape, wrap) => {
      const other = '11111111-2222-4333-8444-555555555555';
      const text = [
        wrap('2024-03-04T17:22:38.033Z', `${requestId}\tERROR\tfirst`),
        '    at handler (/var/task/index.js:1:1)',
        wrap('2024-03-04T17:22:39.033Z', `${other}\tINFO\tsecond`),
        wrap(
          '2024-03-04T17:22:40.033Z',
          'INIT_REPORT Init Duration: 1.00 ms\tPhase: init\tStatus: error\tError Type: Runtime.Unknown',
        ),
      ].join('\n');
      const records = parsePaste(text).records;
      expect(records.map((record) => record.lines.length)).toEqual([2, 1, 1]);
      expect(records.map((record) => record.requestId)).toEqual([requestId, other, undefined]);
      expect(records[0]?.text).toBe('first\n    at handler (/var/task/index.js:1:1)');
      expect(records[2]?.text.startsWith('INIT_REPORT')).toBe(true);
    },
  );

  it('gives lines without an id the request their START opened', () => {
    const other = '11111111-2222-4333-8444-555555555555';
    const text = [
      `START RequestId: ${other} Version: $LATEST`,
      'print from the handler',
      `REPORT RequestId: ${other}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB`,
      'after the report',
    ].join('\n');
    const records = parsePaste(text).records;
    expect(records.map((record) => record.requestId)).toEqual([other, other, other, undefined]);
  });

  it('unescapes JSON strings so a message quoted in JSON matches as printed', () => {
    expect(unescapeJson('Invalid base64: \\"{\\"test\\":\\"yes\\"}\\"\\u00e9\\\\n')).toBe(
      'Invalid base64: "{"test":"yes"}"é\\n',
    );
    // A JSON string inside a JSON string is unescaped twice.
    expect(unescapeJson('"cause": "{\\\\\\"errorType\\\\\\":\\\\\\"Runtime.ExitError\\\\\\"}"')).toBe(
      '"cause": "{"errorType":"Runtime.ExitError"}"',
    );
    const { matches } = diagnose('{"errorMessage": "Invalid base64: \\"{\\"test\\":\\"yes\\"}\\""}', index);
    expect(matches[0]?.id).toBe('invalid-base64');
  });
});

describe('a general form yields to the entry that names the problem', () => {
  const general = entry(
    'general',
    ['is not authorized to perform: (?<action>[\\w-]+:\\w+)'],
    ['AccessDeniedException'],
  );
  const yielding: ErrorIndex = {
    version: 1,
    entries: [
      { ...general, patterns: general.patterns.map((pattern) => ({ ...pattern, yields: true })) },
      entry('layers', ['not authorized to perform: lambda:GetLayerVersion']),
    ],
  };
  const denied = (action: string) =>
    `AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ${action}`;

  it('ranks the precise entry first when both match one log event, and keeps the general one below', () => {
    const { matches } = diagnose(denied('lambda:GetLayerVersion'), yielding);
    expect(matches.map((match) => match.id)).toEqual(['layers', 'general']);
    expect(matches[1]?.score).toBeLessThanOrEqual(3);
    expect(matches[1]?.reasons[0]).toMatch(/another entry’s pattern names the problem more precisely/);
  });

  it('also yields to an entry the same event names, by an error type the general entry does not answer to', () => {
    const withName: ErrorIndex = {
      ...yielding,
      entries: [...yielding.entries, entry('kms', ['^$never'], ['KMSAccessDeniedException'])],
    };
    const text =
      '{"errorType": "KMSAccessDeniedException", "errorMessage": "User: x is not authorized to perform: kms:Decrypt"}';
    const { matches } = diagnose(text, withName);
    expect(matches.map((match) => match.id)).toEqual(['kms', 'general']);
    expect(matches[1]?.reasons[0]).toMatch(/KMSAccessDeniedException names the problem more precisely/);
    // Its own name (AccessDeniedException, which it answers to) does not count against it.
    const own = diagnose(denied('kms:Decrypt'), withName).matches;
    expect(own[0]?.id).toBe('general');
    expect(own[0]?.score).toBeGreaterThan(3);
  });

  it('keeps its full weight when nothing more precise matched, or only in another log event', () => {
    const alone = diagnose(denied('s3:GetObject'), yielding).matches;
    expect(alone.map((match) => match.id)).toEqual(['general']);
    expect(alone[0]?.score).toBeGreaterThan(3);
    const apart = diagnose(
      [
        `2024-03-04T17:22:38.033Z\t${requestId}\tERROR\t${denied('s3:GetObject')}`,
        `2024-03-04T17:22:39.033Z\t${requestId}\tERROR\tnot authorized to perform: lambda:GetLayerVersion`,
      ].join('\n'),
      yielding,
    ).matches;
    expect(apart.find((match) => match.id === 'general')?.score).toBeGreaterThan(3);
  });
});

describe('a failed init and its cause', () => {
  const catalogue = loadIndex();
  const initReport = 'INIT_REPORT Init Duration: 1670.77 ms\tPhase: init\tStatus: error\tError Type: Runtime.Unknown';
  const importError = "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'daily'";
  const scoreOf = (text: string, id: string) =>
    diagnose(text, catalogue).matches.find((match) => match.id === id)?.score;

  it('puts the cause first when the paste shows why init failed, and keeps the init report below it', () => {
    const text = [importError, 'Traceback (most recent call last):', initReport, importError, initReport].join('\n');
    const { matches } = diagnose(text, catalogue);
    expect(matches[0]?.id).toBe('import-module-error');
    const init = matches.find((match) => match.id === 'init-phase-error');
    expect(init?.score).toBeLessThanOrEqual(3);
    expect(init?.reasons.at(-1)).toMatch(/what made init fail/);
  });

  it('leaves the init report its full weight when nothing in the paste says why', () => {
    expect(diagnose(initReport, catalogue).matches[0]?.id).toBe('init-phase-error');
    expect(scoreOf(initReport, 'init-phase-error')).toBeGreaterThan(3);
  });

  it('does not count an error logged inside an invocation as the cause of a failed init', () => {
    const inside = `2024-03-04T17:22:38.033Z\t${requestId}\tERROR\t${importError.replace('[ERROR] ', '')}`;
    expect(scoreOf([initReport, inside].join('\n'), 'init-phase-error')).toBeGreaterThan(3);
  });
});

describe('scoring', () => {
  it('ranks an error type above a generic word', () => {
    const { matches } = diagnose('{"errorType": "Sandbox.Timedout", "errorMessage": "Request timeout"}', index);
    expect(matches.map((match) => match.id)).toEqual(['task-timed-out', 'generic-timeout']);
  });

  it('does not let repeated lines inflate a score without bound', () => {
    const line = (n: number) =>
      `2024-03-04T17:22:${String(n % 60).padStart(2, '0')}.033Z ${requestId.slice(0, -4)}${String(n).padStart(4, '0')} Task timed out after 3.0${n % 10} seconds`;
    const score = (count: number) =>
      diagnose(Array.from({ length: count }, (_, n) => line(n)).join('\n'), index).matches[0];
    const once = score(1);
    const many = score(1000);
    expect(many?.occurrences).toBe(1000);
    expect(many?.score).toBeGreaterThan(once?.score ?? 0);
    expect(many?.score).toBeLessThanOrEqual((once?.score ?? 0) * 1.5);
    // The same line with other times, ids and numbers is shown once.
    expect(many?.evidence).toHaveLength(1);
  });

  it('bounds repeats and combines evidence as documented', () => {
    expect(repeatFactor(1)).toBe(1);
    expect(repeatFactor(16)).toBe(1.5);
    expect(repeatFactor(1_000_000)).toBe(1.5);
    expect(combineContributions([1, 4, 2, 8])).toBe(8 + 0.5 * 4 + 0.25 * 2);
  });
});

describe('bad input never throws or hangs', () => {
  it('explains an empty paste', () => {
    for (const text of ['', '   \n\n\t ']) {
      const diagnosis = diagnose(text, index);
      expect(diagnosis.matches).toEqual([]);
      expect(diagnosis.notes.join(' ')).toMatch(/empty/);
    }
  });

  it('reads 5 MB of binary garbage within the caps and says so', () => {
    let seed = 42;
    const bytes = new Uint8Array(5 * 1024 * 1024).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 23;
    });
    const garbage = new TextDecoder('latin1').decode(bytes);
    const diagnosis = diagnose(garbage, index);
    expect(diagnosis.notes.join(' ')).toMatch(/only the first 2,000,000/);
    expect(diagnosis.notes.join(' ')).toMatch(/binary/);
    expect(diagnosis.stats.lines).toBeLessThanOrEqual(limits.maxLines);
  });

  it('reads a 100 KB single line up to the line cap', () => {
    const line = `${'x'.repeat(50_000)} Task timed out after 3.00 seconds ${'y'.repeat(50_000)}`;
    const diagnosis = diagnose(line, index);
    expect(diagnosis.notes.join(' ')).toMatch(/longer than 8,192 characters/);
    expect(diagnosis.matches).toEqual([]);
    const early = diagnose(`Task timed out after 3.00 seconds ${'y'.repeat(100_000)}`, index);
    expect(early.matches[0]?.id).toBe('task-timed-out');
  });

  it('reads truncated JSON line by line', () => {
    const truncated =
      '{\n  "errorType": "Runtime.ImportModuleError",\n  "errorMessage": "Error: Cannot find module \'aws-sdk\'\\nRequire stack:\\n- /var/task/app.js",\n  "trace": [\n    "Runtime.ImportModuleError: Error: Cannot';
    expect(diagnose(truncated, index).matches[0]?.id).toBe('import-module-error');
    expect(diagnose('{"events": [{"message": "REPORT Req', index).matches).toEqual([]);
  });

  it('survives an index that is not one, and names a pattern that does not compile', () => {
    expect(diagnose('Task timed out after 3.00 seconds', null as unknown as ErrorIndex).notes[0]).toMatch(/failed/);
    const broken: ErrorIndex = { version: 1, entries: [entry('broken', ['(unclosed'])] };
    expect(diagnose('anything', broken).notes.join(' ')).toMatch(
      /Entry "broken": pattern \/\(unclosed\/ does not compile/,
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const diagnosis = diagnose(text, index);
        expect(Array.isArray(diagnosis.matches)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('compileIndex', () => {
  it('compiles an index once and reuses it', () => {
    expect(compileIndex(index)).toBe(compileIndex(index));
    const compiled = compileIndex(index);
    expect(diagnose('Task timed out after 1.00 seconds', compiled).matches[0]?.id).toBe('task-timed-out');
  });
});

describe('normaliseLine', () => {
  it('replaces times, ids, ARNs, addresses and numbers', () => {
    expect(
      normaliseLine(
        `2024-03-04T17:22:38.033Z ${requestId} connect ETIMEDOUT 10.0.1.25:443 on arn:aws:lambda:us-east-1:123456789012:function:f after 3.07 s`,
      ),
    ).toBe('<time> <id> connect ETIMEDOUT <ip> on <arn> after <n> s');
  });
});

describe('literal prefilters', () => {
  it.each([
    ['Task timed out after (?<seconds>\\d+) seconds', '', ['Task timed out after ']],
    ['abc|defg', '', ['abc', 'defg']],
    ['abcd?ef', '', ['abc']],
    ['Sandbox\\.Timedout', 'i', ['sandbox.timedout']],
    ['ab|c', '', undefined],
    ['(?:foo|bar)baz', '', ['baz']],
    ['(?:foo|bar)', '', undefined],
    ['x{2}yzw\\x41bc', '', ['yzw']],
    ['a\\u0041bcd\\p{L}', 'u', ['bcd']],
  ])('extracts from /%s/%s', (source, flags, expected) => {
    expect(extractPrefilter(source, flags)?.anyOf).toEqual(expected);
  });

  it('never hides a match: for any text the regex matches, the prefilter passes', () => {
    const sources = ['ab+c(d|e)?fgh', 'x\\.y{1,3}zz*w', '[abc]de\\d+fgh|ijk', 'al?pha\\/beta', 'q(?=rs)rst'];
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.string({ unit: fc.constantFrom(...'abcdefghijkqrstwxyz./0123'), maxLength: 30 }),
        (source, text) => {
          const regex = new RegExp(source);
          if (regex.test(text)) expect(passesPrefilter(extractPrefilter(source), text, text.toLowerCase())).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the shared scan never hides a match: for any text a pattern matches, the scan lets it run', () => {
    const patterns: [string, string][] = [
      ['ab+c(d|e)?fgh', ''],
      ['x\\.y{1,3}zz*w', ''],
      ['[abc]de\\d+fgh|ijk', ''],
      ['al?pha\\/beta', 'i'],
      ['q(?=rs)rst', 'i'],
      ['Kel\\-vin', 'i'],
      ['(?:foo|bar)', ''],
    ];
    const scan = buildLiteralScan(patterns.map(([source, flags]) => extractPrefilter(source, flags)));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: patterns.length - 1 }),
        // Upper and lower case, and characters whose case folding differs between toLowerCase() and /i (K ſ İ).
        fc.string({
          unit: fc.constantFrom(...'abcdefghijklnpqrstuvwxyzABKLPQRSTVN./-0123\u212a\u017f\u0130'),
          maxLength: 30,
        }),
        (position, text) => {
          const [source, flags] = patterns[position] ?? ['', ''];
          if (!new RegExp(source, flags).test(text)) return;
          const passes = scan(text);
          // No literal found: only a pattern without prefilter may match; otherwise it must be let through.
          if (passes === undefined) expect(extractPrefilter(source, flags)).toBeUndefined();
          else expect(passes(position)).toBe(true);
          // And it agrees with the pattern's own prefilter on what that prefilter lets through.
          expect(passesPrefilter(extractPrefilter(source, flags), text, text.toLowerCase())).toBe(true);
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('the shared scan runs a pattern exactly where its own prefilter would, on real patterns and fixture messages', () => {
    const { entries } = loadValidEntries();
    const patterns = entries.flatMap(({ patterns }) => patterns);
    const prefilters = patterns.map(({ source, flags }) => extractPrefilter(source, flags));
    const scan = buildLiteralScan(prefilters);
    const disagreements: string[] = [];
    for (const { text } of loadFixtureMessages()) {
      const body = unescapeJson(text);
      const passes = scan(body);
      prefilters.forEach((prefilter, position) => {
        const alone = passesPrefilter(prefilter, body, body.toLowerCase());
        const shared = passes ? passes(position) : prefilter === undefined;
        if (alone !== shared) disagreements.push(`/${patterns[position]?.source}/ on ${body.slice(0, 60)}`);
      });
    }
    expect(disagreements).toEqual([]);
  });

  it('never hides a match of a real entry pattern on a fixture message', () => {
    const { entries } = loadValidEntries();
    const hidden: string[] = [];
    for (const { text } of loadFixtureMessages())
      for (const { id, patterns } of entries)
        for (const { source, flags } of patterns) {
          const body = unescapeJson(text);
          if (
            new RegExp(source, flags).test(body) &&
            !passesPrefilter(extractPrefilter(source, flags), body, body.toLowerCase())
          )
            hidden.push(`${id}: /${source}/`);
        }
    expect(hidden).toEqual([]);
  });
});
