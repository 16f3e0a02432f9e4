import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A realistic paste for the lookup benchmarks (Node and Chromium): what a real CloudWatch export
 * holds — START/END/REPORT lines, application logs, and now and then a real error message from the
 * fixtures, every line with a timestamp and request id. Deterministic, so every run diagnoses the
 * same text.
 */
const fixtureMessages = readFileSync(join(process.cwd(), 'tests/fixtures/lambda-messages.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);

/** A small deterministic generator (a linear congruential one), so every run diagnoses the same paste. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

function hex(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += Math.floor(next() * 16).toString(16);
  return text;
}

export function generatePaste(lineCount: number): string {
  const next = random(7);
  const lines: string[] = [];
  let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
  const appMessages = [
    'INFO\tProcessing order {"orderId":"ord-%","items":3,"total":42.5}',
    'INFO\tFetched customer profile in % ms',
    'WARN\tRetrying DynamoDB PutItem (attempt %)',
    'DEBUG\tcache miss for key user#%',
    'INFO\tPublished event to EventBridge bus orders with id %',
  ];
  while (lines.length < lineCount) {
    const requestId = `${hex(next, 8)}-${hex(next, 4)}-4${hex(next, 3)}-a${hex(next, 3)}-${hex(next, 12)}`;
    const stamp = () => {
      clock += Math.floor(next() * 40);
      return new Date(clock).toISOString();
    };
    const prefix = `${stamp()} 2026/01/05/[$LATEST]${hex(next, 8)} `;
    lines.push(`${prefix}START RequestId: ${requestId} Version: $LATEST`);
    const appLines = 3 + Math.floor(next() * 5);
    for (let i = 0; i < appLines; i++) {
      const template = appMessages[Math.floor(next() * appMessages.length)] ?? '';
      lines.push(`${prefix}${stamp()}\t${requestId}\t${template.replace('%', String(Math.floor(next() * 100000)))}`);
    }
    if (next() < 0.08) {
      const message = fixtureMessages[Math.floor(next() * fixtureMessages.length)] ?? '';
      for (const part of message.split('\n')) lines.push(`${prefix}${stamp()}\t${requestId}\tERROR\t${part}`);
    }
    lines.push(`${prefix}END RequestId: ${requestId}`);
    const duration = (20 + next() * 900).toFixed(2);
    const cold = next() < 0.1 ? `\tInit Duration: ${(150 + next() * 600).toFixed(2)} ms` : '';
    lines.push(
      `${prefix}REPORT RequestId: ${requestId}\tDuration: ${duration} ms\tBilled Duration: ${Math.ceil(Number(duration))} ms\tMemory Size: 1024 MB\tMax Memory Used: ${Math.floor(90 + next() * 120)} MB${cold}\t`,
    );
  }
  return lines.slice(0, lineCount).join('\n');
}
