import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLambdaLogs } from './index.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/insights/${name}`, 'utf8');

describe('parseLambdaLogs', () => {
  it('reads plain lines: platform lines, Node and Python app lines, tracebacks as continuations', () => {
    const events = parseLambdaLogs(fixture('plain.log'));
    expect(events.map((e) => e.fields['@type'] ?? null)).toEqual([
      'START',
      null,
      null,
      'END',
      'REPORT',
      null,
      null,
      'REPORT',
    ]);
    const report = events[4];
    expect(report?.fields).toMatchObject({
      '@requestId': '160788cd-45ff-4583-809f-c7e31127cb95',
      '@duration': 3071.27,
      '@billedDuration': 3000,
      '@memorySize': 128_000_000,
      '@maxMemoryUsed': 21_000_000,
    });
    expect(report?.fields['@initDuration']).toBeUndefined();
    // A platform line with no time of its own takes the time of the line before it.
    expect(report?.timestamp).toBe(Date.parse('2020-11-10T05:46:57.874Z'));
    expect(events[2]?.fields['@requestId']).toBe('160788cd-45ff-4583-809f-c7e31127cb95');
    expect(events[5]?.fields['@requestId']).toBe('d01782c6-b615-4b06-96b2-ac313bae6d72');
    expect(events[5]?.timestamp).toBe(Date.parse('2021-05-11T08:48:50.100Z'));
    expect(events[6]?.message).toBe(
      'Traceback (most recent call last):\n  File "/var/task/app.py", line 7, in handler',
    );
    // The real OOM REPORT line has a space, not a tab, before Memory Size.
    expect(events[7]?.fields['@maxMemoryUsed']).toBe(257_000_000);
  });

  it('reads aws logs tail output with streams, microseconds, Init Duration and XRAY', () => {
    const events = parseLambdaLogs(fixture('tail.log'));
    expect(events).toHaveLength(5);
    const report = events[4];
    expect(report?.logStream).toBe('2024/03/04/[$LATEST]5f1c0b1e2d3c4b5a69788796a5b4c3d2');
    expect(report?.fields['@logStream']).toBe(report?.logStream);
    expect(report?.timestamp).toBe(Date.parse('2024-03-04T17:22:38.040Z'));
    expect(report?.fields).toMatchObject({
      '@type': 'REPORT',
      '@initDuration': 432.18,
      '@memorySize': 512_000_000,
      '@xrayTraceId': '1-65e603a3-4b1c2d3e4f5a6b7c8d9e0f1a',
      '@xraySegmentId': 'd0025b207c551fde',
    });
    expect(events[0]?.fields['@type']).toBeUndefined(); // INIT_START: no documented @type
    expect(events[2]?.message).toBe(
      '2024-03-04T17:22:38.033Z b70435cc-261c-4438-b9b6-efe4c8f04b21 Task timed out after 3.00 seconds',
    );
  });

  it('reads filter-log-events JSON and the first JSON object in a message', () => {
    const events = parseLambdaLogs(fixture('filter-log-events.json'));
    expect(events.map((e) => e.timestamp)).toEqual([1651525094456, 1651525094458, 1651525094460, 1651525094460]);
    expect(events[0]?.message).toBe('START RequestId: f612bbdc-0d2f-4a5b-9a36-2f1a3a6e7b11 Version: $LATEST');
    expect(events[1]?.fields).toMatchObject({
      '@requestId': 'f612bbdc-0d2f-4a5b-9a36-2f1a3a6e7b11',
      errorType: 'TypeError',
      'stack.1': '    at Runtime.handler (file:///var/task/index.mjs:3:25)',
    });
    expect(events[3]?.fields).toMatchObject({ '@duration': 2.03, '@billedDuration': 3, '@maxMemoryUsed': 70_000_000 });
  });

  it('reads the console CSV export, quoted multi-line cells included', () => {
    const events = parseLambdaLogs(fixture('console-export.csv'));
    expect(events).toHaveLength(3);
    expect(events[0]?.timestamp).toBe(Date.parse('2024-03-04T17:22:38.040Z'));
    expect(events[0]?.fields).toMatchObject({ '@type': 'REPORT', '@initDuration': 432.18, '@duration': 3000 });
    expect(events[2]?.fields['@type']).toBe('START');
    expect(events[1]?.logStream).toBe('2024/03/04/[$LATEST]5f1c0b1e2d3c4b5a69788796a5b4c3d2');
  });

  it("reads Lambda's JSON log format: time from the record, keys flattened with dots", () => {
    const events = parseLambdaLogs(fixture('json-format.log'));
    expect(events.map((e) => e.fields.type ?? e.fields.level)).toEqual(['platform.start', 'ERROR', 'platform.report']);
    expect(events[2]?.timestamp).toBe(Date.parse('2024-03-04T17:30:00.694Z'));
    expect(events[2]?.fields).toMatchObject({
      'record.metrics.durationMs': 693.92,
      'record.metrics.initDurationMs': 397.68,
      'record.status': 'success',
    });
    // No AWS source says Insights fills @type/@duration for JSON records, so neither do we.
    expect(events[2]?.fields['@duration']).toBeUndefined();
  });

  it('reads real REPORT and timeout lines from the shared message fixture', () => {
    const lines = readFileSync('tests/fixtures/lambda-messages.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const reports = lines.filter((l) => l.startsWith('REPORT RequestId'));
    expect(reports.length).toBeGreaterThan(0);
    for (const line of reports) {
      const [event] = parseLambdaLogs(line);
      expect(event?.fields['@type'], line).toBe('REPORT');
      expect(typeof event?.fields['@duration'], line).toBe('number');
    }
    const timeout = lines.find((l) => l.includes('Task timed out'));
    expect(parseLambdaLogs(timeout ?? '')[0]?.fields['@requestId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns garbage into plain events or none, never an exception', () => {
    expect(parseLambdaLogs('')).toEqual([]);
    expect(parseLambdaLogs('{not json')).toHaveLength(1);
    expect(parseLambdaLogs('[1, 2, "x"]')).toEqual([]);
    const [odd] = parseLambdaLogs('REPORT RequestId: truncated');
    expect(odd?.fields['@type']).toBeUndefined();
    expect(parseLambdaLogs(42 as unknown as string)).toEqual([]);
  });
});
