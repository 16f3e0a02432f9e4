import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  alarmDescription,
  alarmIdentifier,
  alarmLinks,
  alarmParameters,
  maxDescriptionLength,
  renderCdk,
  renderCloudFormation,
  renderRunbook,
} from '../../src/alarms/render';
import type { Alarm } from '../../src/schema/errors';
import { readEntryFiles } from '../../src/schema/files';
import { checkEntry } from '../../src/schema/validate';
import { generatedDirectory, typeCheck } from './support/snippets';

const site = 'https://guide.example.com';
const base = '/field-guide/';
const entries = readEntryFiles().flatMap(({ file, data }) => {
  const checked = checkEntry(file, data);
  return checked.ok ? [checked.entry] : [];
});
const withAlarms = entries.filter((entry) => (entry.alarms?.length ?? 0) > 0);
const alarms = withAlarms.flatMap((entry) =>
  (entry.alarms ?? []).map((alarm, index) => ({ entry, alarm, index, links: alarmLinks(entry, site, base) })),
);

/**
 * The properties AWS::CloudWatch::Alarm accepts, from the CloudFormation reference:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-alarm.html
 */
const alarmProperties = new Set([
  'ActionsEnabled',
  'AlarmActions',
  'AlarmDescription',
  'AlarmName',
  'ComparisonOperator',
  'DatapointsToAlarm',
  'Dimensions',
  'EvaluateLowSampleCountPercentile',
  'EvaluationPeriods',
  'ExtendedStatistic',
  'InsufficientDataActions',
  'MetricName',
  'Metrics',
  'Namespace',
  'OKActions',
  'Period',
  'Statistic',
  'Tags',
  'Threshold',
  'ThresholdMetricId',
  'TreatMissingData',
  'Unit',
]);
const requiredProperties = ['ComparisonOperator', 'EvaluationPeriods'];

/** `!Ref Name` parses to `{ Ref: 'Name' }`, as CloudFormation reads it. */
const refTag = { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) };

interface Template {
  AWSTemplateFormatVersion: string;
  Parameters?: Record<string, { Type: string }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

it('at least ten entries carry alarms', () => {
  expect(withAlarms.length).toBeGreaterThanOrEqual(10);
});

describe.each(alarms.map((item) => [`${item.entry.id} alarms[${item.index}]`, item] as const))('%s', (_name, item) => {
  const { entry, alarm, links } = item;
  const template = parse(renderCloudFormation(entry, alarm, links), { customTags: [refTag] }) as Template;
  const resources = Object.entries(template.Resources);
  const [logicalId, resource] = resources[0] ?? [];

  it('CloudFormation: one AWS::CloudWatch::Alarm with only known properties', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(resources).toHaveLength(1);
    expect(logicalId).toBe(alarmIdentifier(alarm));
    expect(resource?.Type).toBe('AWS::CloudWatch::Alarm');
    const properties = resource?.Properties ?? {};
    expect(Object.keys(properties).filter((key) => !alarmProperties.has(key))).toEqual([]);
    for (const key of requiredProperties) expect(properties).toHaveProperty(key);
    expect('Statistic' in properties !== 'ExtendedStatistic' in properties).toBe(true);
    expect(properties.MetricName).toBe(alarm.metric);
    expect(properties.Namespace).toBe(alarm.namespace);
    expect(properties.Threshold).toBe(alarm.threshold);
    expect(properties.Period).toBe(alarm.period);
  });

  it('CloudFormation: every !Ref names a declared parameter', () => {
    const dimensions = (resource?.Properties.Dimensions ?? []) as { Name: string; Value: unknown }[];
    const refs = dimensions.flatMap(({ Value }) =>
      typeof Value === 'object' && Value && 'Ref' in Value ? [String(Value.Ref)] : [],
    );
    expect(refs.sort()).toEqual(alarmParameters(alarm).sort());
    for (const ref of refs) expect(template.Parameters?.[ref]?.Type).toBe('String');
    expect(dimensions.map(({ Name }) => Name).sort()).toEqual(Object.keys(alarm.dimensions).sort());
  });

  it('AlarmDescription links to the entry and the lookup, within 1,024 characters', () => {
    const description = String(resource?.Properties.AlarmDescription);
    expect(description).toBe(alarmDescription(entry, alarm, links));
    expect(description.length).toBeLessThanOrEqual(maxDescriptionLength);
    expect(description).toContain(`${site}${base}errors/${entry.id}/`);
    expect(description).toContain(`${site}${base}lookup/?q=`);
  });

  it('CDK: carries the same description', () => {
    expect(renderCdk(entry, alarm, links)).toContain(`add${alarmIdentifier(alarm)}(`);
  });
});

describe('CDK snippets type-check against aws-cdk-lib', () => {
  mkdirSync(join(process.cwd(), generatedDirectory), { recursive: true });
  const out = mkdtempSync(join(process.cwd(), generatedDirectory, 'alarms-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const files = alarms.map(({ entry, alarm, index, links }) => {
    const path = join(out, `${entry.id}--alarm-${index + 1}.ts`);
    const header = [`// GENERATED from content/errors/${entry.id}.mdx alarms[${index}] by tests/unit/alarms.test.ts.`];
    writeFileSync(path, `${[...header, renderCdk(entry, alarm, links)].join('\n')}\n`);
    return { path, headerLines: header.length, name: `${entry.id} alarms[${index}]` };
  });
  const problems = typeCheck(files);

  it.each(files.map((file) => [file.name, file] as const))('%s', (_name, file) => {
    expect(problems.get(file.path) ?? []).toEqual([]);
  });
});

describe('rendering', () => {
  // A dimension value written ${Name} is our parameter syntax, not a template literal.
  // biome-ignore-start lint/suspicious/noTemplateCurlyInString: parameter syntax, see above
  const alarm: Alarm = {
    title: 'Throttled invocations',
    metric: 'Throttles',
    namespace: 'AWS/Lambda',
    dimensions: { FunctionName: '${FunctionName}', Resource: 'orders:live' },
    statistic: 'p99',
    period: 90 * 60,
    threshold: 1,
    comparison: 'GreaterThanOrEqualToThreshold',
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    treatMissingData: 'notBreaching',
    why: 'x',
  };
  // biome-ignore-end lint/suspicious/noTemplateCurlyInString: parameter syntax, see above
  const message = { text: 'Rate Exceeded.', runtime: 'any' as const, source: 'https://example.com' };
  const entry = { id: 'throttling', title: 'Throttling', messages: [message] };

  it('builds absolute links under the base path, with the lookup query encoded', () => {
    expect(alarmLinks(entry, 'https://a.example', '/')).toEqual({
      entry: 'https://a.example/errors/throttling/',
      lookup: 'https://a.example/lookup/?q=Rate%20Exceeded.',
    });
    expect(alarmLinks(entry, 'https://a.example', '/guide').entry).toBe('https://a.example/guide/errors/throttling/');
  });

  it('uses an error type for the lookup when a message has one', () => {
    const typed = { ...entry, messages: [...entry.messages, { ...message, errorType: 'Sandbox.Timedout' }] };
    expect(alarmLinks(typed, site, '/').lookup).toBe(`${site}/lookup/?q=Sandbox.Timedout`);
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: the test name quotes the parameter syntax
  it('turns ${Name} dimensions into parameters and keeps literal ones', () => {
    expect(alarmParameters(alarm)).toEqual(['FunctionName']);
    const yaml = renderCloudFormation(entry, alarm, alarmLinks(entry, site, '/'));
    expect(yaml).toContain('Value: !Ref FunctionName');
    expect(yaml).toContain('Value: "orders:live"');
    expect(yaml).toContain('ExtendedStatistic: "p99"');
    const cdk = renderCdk(entry, alarm, alarmLinks(entry, site, '/'));
    expect(cdk).toContain('export function addThrottledInvocationsAlarm(scope: Construct, functionName: string)');
    expect(cdk).toContain("dimensionsMap: { FunctionName: functionName, Resource: 'orders:live' }");
    expect(cdk).toContain('period: Duration.minutes(90)');
  });

  it('shortens a long description but keeps both links whole', () => {
    const long = { ...alarm, title: 'x'.repeat(2000) };
    const links = alarmLinks(entry, site, '/');
    const description = alarmDescription(entry, long, links);
    expect(description.length).toBe(maxDescriptionLength);
    expect(description.endsWith(`Runbook: ${links.entry} Lookup: ${links.lookup}`)).toBe(true);
  });

  it('writes a runbook with the entry link, the lookup and each fix', () => {
    const full = entries.find((candidate) => candidate.id === 'task-timed-out');
    if (!full) throw new Error('task-timed-out entry missing');
    const links = alarmLinks(full, site, '/');
    const runbook = renderRunbook(full, links);
    expect(runbook).toContain(`Reference: ${links.entry}`);
    expect(runbook).toContain(links.lookup);
    for (const [index, fix] of full.fixes.entries()) {
      expect(runbook).toContain(`${fix.title} (${links.entry}#fix-${index + 1})`);
    }
  });
});
