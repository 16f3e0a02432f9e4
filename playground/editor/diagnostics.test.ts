import { describe, expect, it } from 'vitest';
import {
  flattenMessage,
  formatDiagnostic,
  type PlaygroundDiagnostic,
  positionAt,
  summarizeDiagnostics,
} from './diagnostics';

const typeError: PlaygroundDiagnostic = {
  file: 'before.ts',
  line: 3,
  column: 7,
  message: "Type 'string' is not assignable to type 'number'.",
  code: 2322,
  category: 'error',
  source: 'typescript',
};
const syntaxError: PlaygroundDiagnostic = {
  file: 'after.ts',
  line: 2,
  column: 11,
  message: 'Unexpected token',
  category: 'error',
  source: 'transpiler',
};

describe('compiler diagnostics', () => {
  it('print as tsc prints them: file:line:column, category, code, message', () => {
    expect(formatDiagnostic(typeError)).toBe(
      "before.ts:3:7 error TS2322: Type 'string' is not assignable to type 'number'.",
    );
    expect(formatDiagnostic(syntaxError)).toBe('after.ts:2:11 error: Unexpected token');
    expect(formatDiagnostic({ ...typeError, category: 'warning', code: 6133 })).toMatch(
      /^before\.ts:3:7 warning TS6133: /,
    );
  });

  it('flatten a message chain one line per link, indented by depth', () => {
    const chain = {
      messageText: "Argument of type '{ a: string; }' is not assignable to parameter of type 'Order'.",
      next: [{ messageText: "Property 'id' is missing in type '{ a: string; }'.", next: [{ messageText: 'Deeper.' }] }],
    };
    expect(flattenMessage(chain)).toBe(
      "Argument of type '{ a: string; }' is not assignable to parameter of type 'Order'.\n  Property 'id' is missing in type '{ a: string; }'.\n    Deeper.",
    );
    expect(flattenMessage('plain')).toBe('plain');
  });

  it('turn an offset into a 1-based line and column', () => {
    const text = 'ab\ncde\n\nf';
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt(text, 8)).toEqual({ line: 4, column: 1 });
    expect(positionAt(text, 99)).toEqual({ line: 4, column: 2 });
  });

  it('sum up what was found and whether the code ran', () => {
    expect(summarizeDiagnostics([typeError, { ...typeError, line: 9 }], { file: 'before.ts', ran: false })).toBe(
      'The TypeScript compiler found 2 errors in before.ts. It has not run: fix the code, or press Run anyway to see what Lambda would do with it.',
    );
    expect(
      summarizeDiagnostics([typeError, { ...typeError, category: 'warning' }], { file: 'before.ts', ran: true }),
    ).toBe(
      'The TypeScript compiler found 1 error and 1 warning in before.ts. The code ran without waiting for the check; the problems are listed below.',
    );
    expect(summarizeDiagnostics([syntaxError], { file: 'after.ts', ran: false })).toMatch(
      /^after\.ts does not parse \(1 error\)\./,
    );
    expect(summarizeDiagnostics([], { file: 'after.ts', ran: true })).toBe(
      'The TypeScript compiler found no problems in after.ts.',
    );
  });
});
