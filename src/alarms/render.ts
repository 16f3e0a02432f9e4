/**
 * Turns an entry's typed alarms into code a reader can paste: AWS CDK (TypeScript) and
 * CloudFormation (YAML), each with an AlarmDescription that links back to the entry and to the
 * lookup, plus a Markdown runbook. Pure TypeScript: the entry page renders it, the tests compile
 * the CDK and validate the YAML, and the alarms page lists it.
 */
import { absoluteUrl, entryPath } from '../config/urls';
import { factTokensToText } from '../data/facts';
import { type Alarm, alarmParameterPattern, type ErrorEntry } from '../schema/errors';

/** The absolute links an alarm carries. */
export interface AlarmLinks {
  /** The entry's page. */
  entry: string;
  /** The lookup, pre-filled with the entry's most specific message or error type. */
  lookup: string;
}

type EntryForAlarms = Pick<ErrorEntry, 'id' | 'title' | 'messages' | 'fixes' | 'prevention' | 'insights' | 'alarms'>;

/** The longest message the lookup link quotes: it must stay readable in an AlarmDescription. */
const maxLookupQuery = 120;
/** A recognised part shorter than this (a bare name such as `Runtime.ExitError`) may be shared: quote its line. */
const minQuotedMatch = 20;

/** encodeURIComponent leaves ' ( ) ! * alone; they are escaped too, so the link survives YAML, TypeScript and Markdown quoting. */
function encodeQuery(text: string): string {
  return encodeURIComponent(text).replace(/['()!*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The text the lookup link carries, chosen so the lookup lands on this entry: the shortest first
 * line of a message (or the part of it) that the entry's own patterns recognise (an exact match, whatever other entries
 * share its error type); else an error type of its messages; else its first message or title.
 */
export function lookupQuery(
  entry: Pick<ErrorEntry, 'messages' | 'title'> & Partial<Pick<ErrorEntry, 'patterns'>>,
): string {
  const patterns = (entry.patterns ?? []).flatMap(({ source, flags }) => {
    try {
      return [new RegExp(source, flags)];
    } catch {
      return [];
    }
  });
  // Each message line a pattern recognises offers itself (if short enough) and the part recognised
  // (if long enough to say something alone: "Task timed out after 3.00 seconds" without the
  // timestamp and request id around it); the shortest wins.
  const recognised = entry.messages
    .flatMap((message) => {
      const line = message.text.split('\n')[0]?.trim() ?? '';
      const match = patterns.map((pattern) => pattern.exec(line)?.[0]?.trim()).find((found) => found !== undefined);
      if (match === undefined) return [];
      return [line, ...(match.length >= minQuotedMatch ? [match] : [])];
    })
    .filter((quoted) => quoted.length > 0 && quoted.length <= maxLookupQuery)
    .sort((a, b) => a.length - b.length)[0];
  if (recognised) return recognised;
  const withType = entry.messages.find((message) => message.errorType);
  if (withType?.errorType) return withType.errorType;
  return (entry.messages[0]?.text ?? entry.title).split('\n')[0]?.slice(0, maxLookupQuery) ?? entry.title;
}

/** Absolute links for an entry, from the site origin and base path. */
export function alarmLinks(
  entry: Pick<ErrorEntry, 'id' | 'messages' | 'title'> & Partial<Pick<ErrorEntry, 'patterns'>>,
  site: string,
  base: string,
): AlarmLinks {
  return {
    entry: absoluteUrl(entryPath(entry.id), site, base),
    lookup: `${absoluteUrl('/lookup/', site, base)}?q=${encodeQuery(lookupQuery(entry))}`,
  };
}

const operatorText: Record<Alarm['comparison'], string> = {
  GreaterThanOrEqualToThreshold: '>=',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
};

const operatorConstant: Record<Alarm['comparison'], string> = {
  GreaterThanOrEqualToThreshold: 'GREATER_THAN_OR_EQUAL_TO_THRESHOLD',
  GreaterThanThreshold: 'GREATER_THAN_THRESHOLD',
  LessThanThreshold: 'LESS_THAN_THRESHOLD',
  LessThanOrEqualToThreshold: 'LESS_THAN_OR_EQUAL_TO_THRESHOLD',
};

const missingDataConstant: Record<Alarm['treatMissingData'], string> = {
  breaching: 'BREACHING',
  notBreaching: 'NOT_BREACHING',
  ignore: 'IGNORE',
  missing: 'MISSING',
};

/** CloudWatch caps AlarmDescription at 1,024 characters. */
export const maxDescriptionLength = 1024;

/** What the alarm checks, in one line, e.g. "Sum of AWS/Lambda Throttles >= 1 for 1 of 1 periods of 60 s". */
export function describeCondition(alarm: Alarm): string {
  const periods = `${alarm.datapointsToAlarm ?? alarm.evaluationPeriods} of ${alarm.evaluationPeriods} period${alarm.evaluationPeriods === 1 ? '' : 's'}`;
  return `${alarm.statistic} of ${alarm.namespace} ${alarm.metric} ${operatorText[alarm.comparison]} ${alarm.threshold} for ${periods} of ${alarm.period} s`;
}

/** The AlarmDescription: what fired, and where to read about it. */
export function alarmDescription(entry: Pick<ErrorEntry, 'title'>, alarm: Alarm, links: AlarmLinks): string {
  const suffix = ` Runbook: ${links.entry} Lookup: ${links.lookup}`;
  const head = `${alarm.title}: ${describeCondition(alarm)}. Likely: ${entry.title}.`;
  // Keep the links whole; shorten the words before them if the whole would be too long.
  const room = maxDescriptionLength - suffix.length;
  return `${head.length <= room ? head : `${head.slice(0, room - 1)}…`}${suffix}`;
}

/** The parameters an alarm needs, from dimension values written `${Name}`. */
export function alarmParameters(alarm: Alarm): string[] {
  return Object.values(alarm.dimensions).flatMap((value) => {
    const name = alarmParameterPattern.exec(value)?.[1];
    return name ? [name] : [];
  });
}

/** A PascalCase identifier from the alarm's title: the construct id and logical id. */
export function alarmIdentifier(alarm: Alarm): string {
  const words = alarm.title
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ');
  return `${words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}Alarm`;
}

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function cdkPeriod(seconds: number): string {
  return seconds % 60 === 0 ? `Duration.minutes(${seconds / 60})` : `Duration.seconds(${seconds})`;
}

/** The alarm as an AWS CDK (TypeScript) function that adds it to a scope. */
export function renderCdk(entry: Pick<ErrorEntry, 'id' | 'title'>, alarm: Alarm, links: AlarmLinks): string {
  const id = alarmIdentifier(alarm);
  const parameters = alarmParameters(alarm);
  const dimensions = Object.entries(alarm.dimensions).map(([name, value]) => {
    const parameter = alarmParameterPattern.exec(value)?.[1];
    return `${name}: ${parameter ? camel(parameter) : quote(value)}`;
  });
  const signature = ['scope: Construct', ...parameters.map((name) => `${camel(name)}: string`)].join(', ');
  return [
    "import { Duration } from 'aws-cdk-lib';",
    "import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';",
    "import type { Construct } from 'constructs';",
    '',
    `// ${alarm.title}, from the Lambda Field Guide entry "${entry.title}".`,
    `export function add${id}(${signature}): cloudwatch.Alarm {`,
    `  return new cloudwatch.Alarm(scope, '${id}', {`,
    `    alarmDescription: ${quote(alarmDescription(entry, alarm, links))},`,
    '    metric: new cloudwatch.Metric({',
    `      namespace: ${quote(alarm.namespace)},`,
    `      metricName: ${quote(alarm.metric)},`,
    ...(dimensions.length > 0 ? [`      dimensionsMap: { ${dimensions.join(', ')} },`] : []),
    `      statistic: ${quote(alarm.statistic)},`,
    `      period: ${cdkPeriod(alarm.period)},`,
    '    }),',
    `    threshold: ${alarm.threshold},`,
    `    comparisonOperator: cloudwatch.ComparisonOperator.${operatorConstant[alarm.comparison]},`,
    `    evaluationPeriods: ${alarm.evaluationPeriods},`,
    ...(alarm.datapointsToAlarm !== undefined ? [`    datapointsToAlarm: ${alarm.datapointsToAlarm},`] : []),
    `    treatMissingData: cloudwatch.TreatMissingData.${missingDataConstant[alarm.treatMissingData]},`,
    '  });',
    '}',
    '',
  ].join('\n');
}

/** YAML scalars as JSON strings: valid YAML double-quoted scalars, escaped exactly. */
const yamlString = (text: string) => JSON.stringify(text);

/** The alarm as a CloudFormation template (YAML) with a parameter per `${Name}` dimension. */
export function renderCloudFormation(entry: Pick<ErrorEntry, 'id' | 'title'>, alarm: Alarm, links: AlarmLinks): string {
  const id = alarmIdentifier(alarm);
  const parameters = alarmParameters(alarm);
  const percentile = /^p\d/.test(alarm.statistic);
  const lines = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    `Description: ${yamlString(`${alarm.title} (Lambda Field Guide: ${entry.title})`)}`,
  ];
  if (parameters.length > 0) {
    lines.push('Parameters:');
    for (const name of parameters)
      lines.push(`  ${name}:`, '    Type: String', `    Description: ${yamlString(`The ${name} dimension to watch`)}`);
  }
  lines.push(
    'Resources:',
    `  ${id}:`,
    '    Type: AWS::CloudWatch::Alarm',
    '    Properties:',
    `      AlarmDescription: ${yamlString(alarmDescription(entry, alarm, links))}`,
    `      Namespace: ${yamlString(alarm.namespace)}`,
    `      MetricName: ${yamlString(alarm.metric)}`,
  );
  const dimensions = Object.entries(alarm.dimensions);
  if (dimensions.length > 0) {
    lines.push('      Dimensions:');
    for (const [name, value] of dimensions) {
      const parameter = alarmParameterPattern.exec(value)?.[1];
      lines.push(
        `        - Name: ${yamlString(name)}`,
        `          Value: ${parameter ? `!Ref ${parameter}` : yamlString(value)}`,
      );
    }
  }
  lines.push(
    `      ${percentile ? 'ExtendedStatistic' : 'Statistic'}: ${yamlString(alarm.statistic)}`,
    `      Period: ${alarm.period}`,
    `      EvaluationPeriods: ${alarm.evaluationPeriods}`,
    ...(alarm.datapointsToAlarm !== undefined ? [`      DatapointsToAlarm: ${alarm.datapointsToAlarm}`] : []),
    `      Threshold: ${alarm.threshold}`,
    `      ComparisonOperator: ${alarm.comparison}`,
    `      TreatMissingData: ${alarm.treatMissingData}`,
    '',
  );
  return lines.join('\n');
}

/** A Markdown runbook for an alarm on this entry, to paste into a team's wiki or repository. */
export function renderRunbook(entry: EntryForAlarms, links: AlarmLinks): string {
  const alarms = entry.alarms ?? [];
  return [
    `# Runbook: ${entry.title}`,
    '',
    `Reference: ${links.entry}`,
    '',
    '## When this fires',
    '',
    ...(alarms.length > 0
      ? alarms.map((alarm) => `- **${alarm.title}**: ${describeCondition(alarm)}.`)
      : ['- (name the alarm)']),
    '',
    '## 1. Confirm',
    '',
    `- Paste the error or the function's recent log lines into the lookup: ${links.lookup}`,
    ...entry.insights.map(
      (query) =>
        `- Logs Insights, "${query.title}":\n\n  \`\`\`\n${query.query.trimEnd().replace(/^/gm, '  ')}\n  \`\`\``,
    ),
    '',
    '## 2. Mitigate',
    '',
    ...entry.fixes.map((fix, index) => `- [ ] ${fix.title} (${links.entry}#fix-${index + 1})`),
    '',
    '## 3. Prevent a repeat',
    '',
    // Prevention steps may state facts as `:fact[id]` tokens; a runbook is plain Markdown, so they become text.
    ...entry.prevention.map((step) => `- [ ] ${factTokensToText(step)}`),
    '',
    '## Notes for this service',
    '',
    '- Owner:',
    '- Dashboards:',
    '- Escalation:',
    '',
  ].join('\n');
}
