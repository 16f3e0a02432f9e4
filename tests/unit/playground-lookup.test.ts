/**
 * What the playground prints must be something the lookup recognises: each failure is emulated,
 * its whole log pasted into diagnose() (as a reader would paste it from the playground's output),
 * and the entry that explains it must come first, in each of the emulator's log formats.
 */
import { describe, expect, it } from 'vitest';
import { emulate, type LogFormat } from '../../playground/runtime/index.ts';
import { compileIndex, diagnose } from '../../src/lookup/index';
import { loadIndex } from './support/lookup';

const index = compileIndex(loadIndex());

const cases: {
  name: string;
  entry: string;
  /** What the older text format lets the lookup tell, when it differs. */
  legacyEntry?: string;
  code: string;
  timeoutSeconds?: number;
  events?: unknown[];
}[] = [
  {
    name: 'a timeout',
    entry: 'task-timed-out',
    code: `export const handler = async () => { await new Promise(() => {}); };`,
  },
  {
    name: 'an out-of-memory kill',
    entry: 'out-of-memory',
    code: `import { retain } from 'lambda-playground';\nexport const handler = async () => { retain(512 * 1024 * 1024); };`,
  },
  {
    name: 'an error thrown during init',
    entry: 'init-phase-error',
    code: `throw new Error('DATABASE_URL is not set');\nexport const handler = async () => 'never';`,
  },
  {
    name: 'an init over 10 seconds',
    entry: 'init-phase-timeout',
    // Before INIT_REPORT (November 2023) Lambda retried a timed-out init inside the first
    // invocation without saying so: the paste is a plain timeout, and the lookup can only say that.
    legacyEntry: 'task-timed-out',
    code: `import { sleep } from 'lambda-playground';\nawait sleep(15_000);\nexport const handler = async () => 'late';`,
    timeoutSeconds: 5,
  },
  {
    name: 'an unhandled promise rejection',
    entry: 'nodejs-handler-contract',
    code: `export const handler = async () => { Promise.reject(new Error('lost')); return 'answered'; };`,
  },
];

const formats: LogFormat[] = ['text', 'text-legacy', 'json'];

describe.each(formats)('the lookup reads the playground output (%s format)', (logFormat) => {
  it.each(cases)('$name → $entry', async ({ entry, legacyEntry, code, timeoutSeconds = 3, events = [{}] }) => {
    // No case spins without yielding, so none needs the watchdog: a generous one keeps a loaded
    // machine (real time) from turning a slow Worker start into an init timeout.
    const { logs } = await emulate({
      code,
      events,
      timeoutSeconds,
      memoryMb: 128,
      seed: 1,
      logFormat,
      watchdogMs: 20_000,
    });
    const diagnosis = diagnose(logs.join('\n'), index);
    const expected = logFormat === 'text-legacy' ? (legacyEntry ?? entry) : entry;
    expect(diagnosis.matches[0]?.id, `top matches: ${diagnosis.matches.map((m) => m.id).join(', ')}`).toBe(expected);
  });
});
