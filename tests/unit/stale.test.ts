import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { collectDated, findStale, formatStale } from '../../scripts/stale';

describe('npm run stale', () => {
  it('lists entries older than 180 days and facts older than a year, oldest first', () => {
    const items = [
      { kind: 'entry' as const, name: 'content/errors/b.mdx', date: '2026-05-01' },
      { kind: 'entry' as const, name: 'content/errors/a.mdx', date: '2026-06-03' },
      { kind: 'entry' as const, name: 'content/errors/fresh.mdx', date: '2026-11-01' },
      { kind: 'fact' as const, name: 'payload-sync', date: '2025-11-29' },
      { kind: 'fact' as const, name: 'timeout-max', date: '2026-05-01' },
    ];
    const stale = findStale(items, '2026-11-30');
    expect(stale.map((item) => [item.name, item.ageDays])).toEqual([
      ['payload-sync', 366],
      ['content/errors/b.mdx', 213],
    ]);
    // 180 days exactly is not yet stale; 181 is.
    expect(findStale([{ kind: 'entry', name: 'x', date: '2026-06-03' }], '2026-11-30')).toEqual([]);
    expect(findStale([{ kind: 'entry', name: 'x', date: '2026-06-02' }], '2026-11-30')).toHaveLength(1);
    expect(formatStale(stale, '2026-11-30').split('\n')[1]).toMatch(/^2025-11-29\s+366 days\s+fact\s+payload-sync$/);
  });

  it('reads every entry and every registered fact from the repository', () => {
    const dated = collectDated();
    expect(dated.filter((item) => item.kind === 'entry').length).toBeGreaterThanOrEqual(46);
    expect(dated.find((item) => item.name === 'payload-sync')?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const item of dated) expect(Number.isNaN(Date.parse(item.date)), item.name).toBe(false);
  });

  it('runs as a script and lists everything once the dates are far enough behind', () => {
    const run = spawnSync(process.execPath, ['scripts/stale.ts', '--today=2099-01-01', '--fail'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/stale on 2099-01-01/);
    expect(run.stdout).toContain('content/errors/task-timed-out.mdx');
    expect(run.stdout).toContain('runtime-calendar');
  });
});
