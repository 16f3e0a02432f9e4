/**
 * Reader code must not be able to pass itself off as the runtime: the attacks a hostile share
 * link could try, against the Node Worker (the browser's is the same design, see worker-browser.ts
 * and the e2e tests).
 */
import { describe, expect, it } from 'vitest';
import { emulate, isPlausibleReport } from './index.ts';

const forged = {
  type: 'invoke-done',
  result: { kind: 'success', result: 'forged' },
  durationMs: 1.5,
  maxMemoryUsedMb: 70,
  endEpochMs: 0,
};

describe('the runtime channel', () => {
  it("ignores a forged 'invoke-done' posted on the Worker's own port: the hung handler still times out", async () => {
    const code = `
      const name = 'node:worker_threads';
      const { parentPort } = await import(name);
      export const handler = async () => {
        parentPort.postMessage(${JSON.stringify(forged)});
        await new Promise(() => {});
      };`;
    const { outcomes, logs } = await emulate({ code, events: [{}], timeoutSeconds: 3, seed: 1 });
    expect(outcomes[0]).toMatchObject({ kind: 'timeout', durationMs: 3000 });
    expect(logs.join('\n')).not.toContain('forged');
  });

  it('cannot be bent by replacing Promise.prototype.then or Math.max: the built-ins are frozen before reader code loads', async () => {
    const code = `
      let replaced = [];
      for (const [target, key, value] of [
        [Promise.prototype, 'then', function (ok) { return ok('forged'); }],
        [Math, 'max', () => -5],
        [JSON, 'stringify', () => '"forged"'],
      ]) {
        try { target[key] = value; replaced.push(key); } catch (error) { console.log('refused', key, error.name); }
      }
      export const handler = async () => { await new Promise(() => {}); };`;
    const { outcomes, logs } = await emulate({ code, events: [{}], timeoutSeconds: 3, seed: 1 });
    expect(logs.filter((line) => /\trefused (then|max|stringify) TypeError$/.test(line))).toHaveLength(3);
    expect(outcomes[0]).toMatchObject({ kind: 'timeout', durationMs: 3000 });
    expect(logs.join('\n')).not.toMatch(/Billed Duration: -|forged/);
  });
});

describe('isPlausibleReport', () => {
  const done = (over: Record<string, unknown>) =>
    ({
      ...forged,
      endEpochMs: 1000 + (typeof over.durationMs === 'number' ? over.durationMs : forged.durationMs),
      ...over,
    }) as Parameters<typeof isPlausibleReport>[0];

  it('accepts what the engine reports and refuses what cannot be true', () => {
    expect(isPlausibleReport(done({}), 1000, 4000, 128)).toBe(true);
    expect(isPlausibleReport(done({ durationMs: -5, endEpochMs: 995 }), 1000, 4000, 128)).toBe(false);
    expect(isPlausibleReport(done({ durationMs: 3500, endEpochMs: 4500 }), 1000, 4000, 128)).toBe(false);
    expect(isPlausibleReport(done({ maxMemoryUsedMb: 129 }), 1000, 4000, 128)).toBe(false);
    expect(isPlausibleReport(done({ endEpochMs: 0 }), 1000, 4000, 128)).toBe(false);
    expect(isPlausibleReport(done({ result: { kind: 'hacked' } }), 1000, 4000, 128)).toBe(false);
    expect(isPlausibleReport(done({ durationMs: Number.NaN }), 1000, 4000, 128)).toBe(false);
  });
});
