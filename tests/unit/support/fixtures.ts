import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureMessage {
  text: string;
  topic: string;
  runtime: string;
  source: string;
  /** 1-based line number in lambda-messages.jsonl, for messages that name a failing line. */
  line: number;
}

export interface TopicMap {
  topics: Record<string, string | null>;
  ambiguous: Record<string, string>;
}

const fixtures = join(process.cwd(), 'tests/fixtures');

/** Real Lambda messages and log lines (a copy of ../shared/fixtures/lambda-messages.jsonl). */
export function loadFixtureMessages(): FixtureMessage[] {
  return readFileSync(join(fixtures, 'lambda-messages.jsonl'), 'utf8')
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, line }) => ({ ...(JSON.parse(text) as Omit<FixtureMessage, 'line'>), line }));
}

/** Which entry should answer each fixture topic (tests/fixtures/topics.json). */
export function loadTopicMap(): TopicMap {
  return JSON.parse(readFileSync(join(fixtures, 'topics.json'), 'utf8')) as TopicMap;
}
