import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexEntry, loadFixtureMessages, loadIndex } from '../../tests/unit/support/lookup';
import { buildNameTable, findNames, type NameTable } from './names';
import { unescapeJson } from './parse';

const throttling = {
  ...indexEntry('throttling', ['x'], ['TooManyRequestsException']),
  names: [{ name: 'CallerRateLimitExceeded' }],
};
const retries = indexEntry('retries', ['x'], ['Lambda.TooManyRequestsException']);
const gateway = { ...indexEntry('gateway', ['x']), names: [{ name: '502 Bad Gateway' }] };
const table = buildNameTable([throttling, retries, gateway]);
const names = (text: string) => [...findNames(text, table).keys()];

describe('findNames: a name inside whatever an SDK wraps it in', () => {
  it.each([
    [
      'botocore',
      'An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 4): Rate Exceeded.',
    ],
    [
      'Java v1',
      'Rate Exceeded. (Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException; Request ID: 1)',
    ],
    ['Java class', 'com.amazonaws.services.lambda.model.TooManyRequestsException: Rate Exceeded.'],
    ['.NET', 'Amazon.Lambda.Model.TooManyRequestsException: Rate Exceeded.'],
    [
      'Go v2',
      'operation error Lambda: Invoke, https response error StatusCode: 429, RequestID: 1, TooManyRequestsException: Rate Exceeded.',
    ],
    ['JS v3', "  name: 'TooManyRequestsException',"],
    ['JSON', '{"errorType":"TooManyRequestsException","errorMessage":"Rate Exceeded."}'],
  ])('%s', (_shape, text) => {
    expect(names(text)).toEqual(['TooManyRequestsException']);
  });

  it('prefers the longest known dotted name, so a Step Functions error is not also the bare exception', () => {
    expect(names('"Error": "Lambda.TooManyRequestsException"')).toEqual(['Lambda.TooManyRequestsException']);
  });

  it('matches whole tokens only', () => {
    expect(names('XTooManyRequestsException TooManyRequestsExceptions CallerRateLimitExceededX')).toEqual([]);
    expect(names('Reason: CallerRateLimitExceeded.')).toEqual(['CallerRateLimitExceeded']);
  });

  it('finds a name of several words in any case, at word boundaries', () => {
    expect(names('HTTP/1.1 502 bad gateway')).toEqual(['502 Bad Gateway']);
    expect(names('1502 Bad Gateways')).toEqual([]);
  });
});

describe('the gate in front of the token scan', () => {
  const without = ({ anyToken: _tokens, anyPhrase: _phrases, ...rest }: NameTable): NameTable => rest;

  it('never hides a name: with and without the gate, the same names at the same offsets', () => {
    const ungated = without(table);
    const pieces = [
      'TooManyRequests',
      'Exception',
      'Lambda.',
      'CallerRateLimitExceeded',
      'Caller',
      '502 Bad Gateway',
      '502',
      ' bad ',
      'BAD GATE',
      'way',
      'Gateway',
      ' ',
      ':',
      '.',
      '-',
      'x',
      // Characters that toLowerCase() and /i fold differently: Kelvin sign, long s, dotted capital I.
      '\u212a',
      '\u017f',
      '\u0130',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect([...findNames(text, table)]).toEqual([...findNames(text, ungated)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same names with and without it on every fixture message, against the real catalogue', () => {
    const real = buildNameTable(loadIndex().entries);
    expect(real.anyToken).toBeDefined();
    const ungated = without(real);
    const differ = loadFixtureMessages()
      .map(({ text }) => unescapeJson(text))
      .filter((text) => JSON.stringify([...findNames(text, real)]) !== JSON.stringify([...findNames(text, ungated)]));
    expect(differ).toEqual([]);
  });
});
