import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeRuntime,
  findRuntime,
  getDeprecatedRuntimeIds,
  getRuntimeStatus,
  getSupportedRuntimes,
  runtimeCalendar,
} from '../../src/data/runtime-calendar';
import { parseEntrySource } from '../../src/schema/files';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('runtime calendar', () => {
  it('lists each identifier once, with dates in order where AWS gives them in order', () => {
    const ids = runtimeCalendar.map((runtime) => runtime.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const runtime of runtimeCalendar) {
      for (const date of [runtime.deprecation, runtime.blockCreate, runtime.blockUpdate]) {
        if (date) expect(date, runtime.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (runtime.blockCreate && runtime.blockUpdate) {
        expect(runtime.blockCreate <= runtime.blockUpdate, runtime.id).toBe(true);
      }
      expect(Boolean(runtime.containerOnly) || Boolean(runtime.blockCreate), `${runtime.id} has block dates`).toBe(
        true,
      );
    }
  });

  it('moves a runtime through its statuses on the days AWS publishes', () => {
    const nodejs20 = findRuntime('nodejs20.x');
    if (!nodejs20) throw new Error('nodejs20.x missing');
    expect(getRuntimeStatus(nodejs20, day('2026-04-29'))).toBe('supported');
    expect(getRuntimeStatus(nodejs20, day('2026-04-30'))).toBe('deprecated');
    expect(getRuntimeStatus(nodejs20, day('2027-02-01'))).toBe('create-blocked');
    expect(getRuntimeStatus(nodejs20, day('2027-03-03'))).toBe('update-blocked');
  });

  it('knows the runtimes deprecated during 2026 that the review found missing', () => {
    const deprecated = getDeprecatedRuntimeIds(day('2026-11-30'));
    for (const id of ['ruby3.2', 'nodejs20.x', 'provided.al2', 'python3.10', 'dotnet8'])
      expect(deprecated).toContain(id);
    expect(deprecated).not.toContain('nodejs22.x');
    expect(getDeprecatedRuntimeIds(day('2025-12-31'))).not.toContain('nodejs20.x');
  });

  it('recommends the supported runtime of the same language with the longest support left', () => {
    expect(getSupportedRuntimes('nodejs', day('2026-11-30')).map((runtime) => runtime.id)).toEqual([
      'nodejs24.x',
      'nodejs22.x',
    ]);
    expect(getSupportedRuntimes('dotnet', day('2026-11-30'))[0]?.id).toBe('dotnet10');
  });

  it('explains a runtime named in a deprecation message, relative to the day asked', () => {
    const verdict = describeRuntime('nodejs16.x', day('2026-11-30'));
    expect(verdict?.status).toBe('deprecated');
    expect(verdict?.upgradeTo?.id).toBe('nodejs24.x');
    expect(verdict?.sentence).toBe(
      'nodejs16.x (Node.js 16) was deprecated on 12 June 2024; creating functions on it is blocked from 1 February 2027; updating them is blocked from 3 March 2027. Move to nodejs24.x, supported until 30 April 2028.',
    );
    const later = describeRuntime('nodejs16.x', day('2027-06-01'));
    expect(later?.status).toBe('update-blocked');
    expect(later?.sentence).toContain('updating them has been blocked since 3 March 2027');
    expect(describeRuntime(' Python3.6 ', day('2026-11-30'))?.status).toBe('update-blocked');
    expect(describeRuntime('nodejs99.x', day('2026-11-30'))).toBeUndefined();
  });

  it('covers every runtime the deprecated-runtime entry quotes in its messages', () => {
    const source = readFileSync('content/errors/deprecated-runtime.mdx', 'utf8');
    const data = parseEntrySource(source).data as { messages: { text: string }[] };
    const named = data.messages.flatMap((message) =>
      [...message.text.matchAll(/runtime parameter of ([\w.-]+)/g)].map((m) => m[1] ?? ''),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(findRuntime(id), id).toBeDefined();
  });
});
