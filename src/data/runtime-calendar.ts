/**
 * The Lambda runtime calendar: every managed runtime identifier with the day it was (or will be)
 * deprecated and the days Lambda blocks creating and then updating functions on it. Pages render a
 * runtime's status relative to the day the site is built, and the lookup explains a pasted
 * "The runtime parameter of … is no longer supported" with the same data, so the list is right on
 * the day it is built and one edit here updates every page.
 *
 * Dates are AWS's, from the supported and deprecated runtime tables of the Lambda runtimes page.
 * AWS has moved block dates before (in 2025 it pushed several to 2027), so `checked` says when the
 * table was last compared. This module is pure: pages, components, the lookup and tests import it.
 */
import type { Runtime } from '../schema/errors.ts';

export interface RuntimeCalendarEntry {
  /** The runtime identifier as the Lambda API spells it (`Runtime` of CreateFunction). */
  id: string;
  /** Its name as the runtimes page gives it. */
  name: string;
  language: Exclude<Runtime, 'any'>;
  /** Deprecation (end of support): no more security patches, no technical support (ISO date). */
  deprecation: string;
  /** From this day CreateFunction refuses the runtime. */
  blockCreate?: string;
  /** From this day UpdateFunctionCode and UpdateFunctionConfiguration refuse it too. */
  blockUpdate?: string;
  /** Offered only as a container base image, never as a .zip runtime, so never blocked by the API. */
  containerOnly?: true;
}

export const runtimeCalendarSource = {
  title: 'Lambda runtimes: supported and deprecated runtimes (AWS Lambda Developer Guide)',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  /** The day the dates below were last compared with the page. */
  checked: '2026-11-30',
  /**
   * A machine-readable copy generated from the same page, used to compare the dates: tflint-ruleset-aws
   * regenerates it when AWS changes the table.
   */
  crossCheck: {
    title: 'tflint-ruleset-aws: deprecated_runtimes.json (generated from the Lambda runtimes page, 24 July 2026)',
    url: 'https://github.com/terraform-linters/tflint-ruleset-aws/blob/13083d7fd1322180679b4d492fc6e36d391431ec/rules/lambda_deprecated_runtime/deprecated_runtimes.json',
  },
} as const;

export const runtimeCalendar: readonly RuntimeCalendarEntry[] = [
  {
    id: 'provided',
    name: 'OS-only runtime (Amazon Linux)',
    language: 'custom',
    deprecation: '2024-01-08',
    blockCreate: '2024-02-08',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'provided.al2',
    name: 'OS-only runtime (Amazon Linux 2)',
    language: 'custom',
    deprecation: '2026-07-31',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'provided.al2023',
    name: 'OS-only runtime (Amazon Linux 2023)',
    language: 'custom',
    deprecation: '2029-06-30',
    blockCreate: '2029-07-31',
    blockUpdate: '2029-08-31',
  },
  {
    id: 'dotnetcore1.0',
    name: '.NET Core 1.0',
    language: 'dotnet',
    deprecation: '2019-06-27',
    blockCreate: '2019-06-30',
    blockUpdate: '2019-07-30',
  },
  {
    id: 'dotnetcore2.0',
    name: '.NET Core 2.0',
    language: 'dotnet',
    deprecation: '2019-05-30',
    blockCreate: '2019-04-30',
    blockUpdate: '2019-05-30',
  },
  {
    id: 'dotnetcore2.1',
    name: '.NET Core 2.1',
    language: 'dotnet',
    deprecation: '2022-01-05',
    blockCreate: '2022-01-05',
    blockUpdate: '2022-04-13',
  },
  {
    id: 'dotnetcore3.1',
    name: '.NET Core 3.1',
    language: 'dotnet',
    deprecation: '2023-04-03',
    blockCreate: '2023-04-03',
    blockUpdate: '2023-05-03',
  },
  { id: 'dotnet5.0', name: '.NET 5.0', language: 'dotnet', deprecation: '2022-05-10', containerOnly: true },
  {
    id: 'dotnet6',
    name: '.NET 6',
    language: 'dotnet',
    deprecation: '2024-12-20',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  { id: 'dotnet7', name: '.NET 7', language: 'dotnet', deprecation: '2024-05-14', containerOnly: true },
  {
    id: 'dotnet8',
    name: '.NET 8',
    language: 'dotnet',
    deprecation: '2026-11-10',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  { id: 'dotnet9', name: '.NET 9', language: 'dotnet', deprecation: '2026-11-10', containerOnly: true },
  {
    id: 'dotnet10',
    name: '.NET 10',
    language: 'dotnet',
    deprecation: '2028-11-14',
    blockCreate: '2028-12-14',
    blockUpdate: '2029-01-15',
  },
  {
    id: 'go1.x',
    name: 'Go 1.x',
    language: 'go',
    deprecation: '2024-01-08',
    blockCreate: '2024-02-08',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'java8',
    name: 'Java 8 (Amazon Linux 1)',
    language: 'java',
    deprecation: '2024-01-08',
    blockCreate: '2024-02-08',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'java8.al2',
    name: 'Java 8 (Amazon Linux 2)',
    language: 'java',
    deprecation: '2027-06-30',
    blockCreate: '2027-07-31',
    blockUpdate: '2027-08-31',
  },
  {
    id: 'java11',
    name: 'Java 11',
    language: 'java',
    deprecation: '2027-06-30',
    blockCreate: '2027-07-31',
    blockUpdate: '2027-08-31',
  },
  {
    id: 'java17',
    name: 'Java 17',
    language: 'java',
    deprecation: '2027-06-30',
    blockCreate: '2027-07-31',
    blockUpdate: '2027-08-31',
  },
  {
    id: 'java21',
    name: 'Java 21',
    language: 'java',
    deprecation: '2029-06-30',
    blockCreate: '2029-07-31',
    blockUpdate: '2029-08-31',
  },
  {
    id: 'java25',
    name: 'Java 25',
    language: 'java',
    deprecation: '2029-06-30',
    blockCreate: '2029-07-31',
    blockUpdate: '2029-08-31',
  },
  {
    id: 'nodejs',
    name: 'Node.js 0.10',
    language: 'nodejs',
    deprecation: '2016-08-30',
    blockCreate: '2016-09-30',
    blockUpdate: '2016-10-31',
  },
  {
    id: 'nodejs4.3',
    name: 'Node.js 4.3',
    language: 'nodejs',
    deprecation: '2020-03-05',
    blockCreate: '2020-02-03',
    blockUpdate: '2020-03-05',
  },
  {
    id: 'nodejs4.3-edge',
    name: 'Node.js 4.3 (Lambda@Edge)',
    language: 'nodejs',
    deprecation: '2020-03-05',
    blockCreate: '2019-03-31',
    blockUpdate: '2019-04-30',
  },
  {
    id: 'nodejs6.10',
    name: 'Node.js 6.10',
    language: 'nodejs',
    deprecation: '2019-08-12',
    blockCreate: '2019-07-12',
    blockUpdate: '2019-08-12',
  },
  {
    id: 'nodejs8.10',
    name: 'Node.js 8.10',
    language: 'nodejs',
    deprecation: '2020-03-06',
    blockCreate: '2020-02-04',
    blockUpdate: '2020-03-06',
  },
  {
    id: 'nodejs10.x',
    name: 'Node.js 10',
    language: 'nodejs',
    deprecation: '2021-07-30',
    blockCreate: '2021-07-30',
    blockUpdate: '2022-02-14',
  },
  {
    id: 'nodejs12.x',
    name: 'Node.js 12',
    language: 'nodejs',
    deprecation: '2023-03-31',
    blockCreate: '2023-03-31',
    blockUpdate: '2023-04-30',
  },
  {
    id: 'nodejs14.x',
    name: 'Node.js 14',
    language: 'nodejs',
    deprecation: '2023-12-04',
    blockCreate: '2024-01-09',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'nodejs16.x',
    name: 'Node.js 16',
    language: 'nodejs',
    deprecation: '2024-06-12',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'nodejs18.x',
    name: 'Node.js 18',
    language: 'nodejs',
    deprecation: '2025-09-01',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'nodejs20.x',
    name: 'Node.js 20',
    language: 'nodejs',
    deprecation: '2026-04-30',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'nodejs22.x',
    name: 'Node.js 22',
    language: 'nodejs',
    deprecation: '2027-04-30',
    blockCreate: '2027-06-01',
    blockUpdate: '2027-07-01',
  },
  {
    id: 'nodejs24.x',
    name: 'Node.js 24',
    language: 'nodejs',
    deprecation: '2028-04-30',
    blockCreate: '2028-06-01',
    blockUpdate: '2028-07-01',
  },
  {
    id: 'python2.7',
    name: 'Python 2.7',
    language: 'python',
    deprecation: '2021-07-15',
    blockCreate: '2021-07-15',
    blockUpdate: '2022-05-30',
  },
  {
    id: 'python3.6',
    name: 'Python 3.6',
    language: 'python',
    deprecation: '2022-07-18',
    blockCreate: '2022-07-18',
    blockUpdate: '2022-08-29',
  },
  {
    id: 'python3.7',
    name: 'Python 3.7',
    language: 'python',
    deprecation: '2023-12-04',
    blockCreate: '2024-01-09',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'python3.8',
    name: 'Python 3.8',
    language: 'python',
    deprecation: '2024-10-14',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'python3.9',
    name: 'Python 3.9',
    language: 'python',
    deprecation: '2025-12-15',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'python3.10',
    name: 'Python 3.10',
    language: 'python',
    deprecation: '2026-10-31',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'python3.11',
    name: 'Python 3.11',
    language: 'python',
    deprecation: '2027-06-30',
    blockCreate: '2027-07-31',
    blockUpdate: '2027-08-31',
  },
  {
    id: 'python3.12',
    name: 'Python 3.12',
    language: 'python',
    deprecation: '2028-10-31',
    blockCreate: '2028-11-30',
    blockUpdate: '2029-01-10',
  },
  {
    id: 'python3.13',
    name: 'Python 3.13',
    language: 'python',
    deprecation: '2029-06-30',
    blockCreate: '2029-07-31',
    blockUpdate: '2029-08-31',
  },
  {
    id: 'python3.14',
    name: 'Python 3.14',
    language: 'python',
    deprecation: '2029-06-30',
    blockCreate: '2029-07-31',
    blockUpdate: '2029-08-31',
  },
  {
    id: 'ruby2.5',
    name: 'Ruby 2.5',
    language: 'ruby',
    deprecation: '2021-07-30',
    blockCreate: '2021-07-30',
    blockUpdate: '2022-03-31',
  },
  {
    id: 'ruby2.7',
    name: 'Ruby 2.7',
    language: 'ruby',
    deprecation: '2023-12-07',
    blockCreate: '2024-01-09',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'ruby3.2',
    name: 'Ruby 3.2',
    language: 'ruby',
    deprecation: '2026-03-31',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
  },
  {
    id: 'ruby3.3',
    name: 'Ruby 3.3',
    language: 'ruby',
    deprecation: '2027-03-31',
    blockCreate: '2027-04-30',
    blockUpdate: '2027-05-31',
  },
  {
    id: 'ruby3.4',
    name: 'Ruby 3.4',
    language: 'ruby',
    deprecation: '2028-03-31',
    blockCreate: '2028-04-30',
    blockUpdate: '2028-05-31',
  },
  {
    id: 'ruby4.0',
    name: 'Ruby 4.0',
    language: 'ruby',
    deprecation: '2029-03-31',
    blockCreate: '2029-04-30',
    blockUpdate: '2029-05-31',
  },
];

/**
 * Where a runtime stands on a day: `supported`; `deprecated` (still usable, no patches);
 * `create-blocked` (existing functions can still be updated); `update-blocked` (neither).
 */
export type RuntimeStatus = 'supported' | 'deprecated' | 'create-blocked' | 'update-blocked';

export const runtimeStatusLabels: Record<RuntimeStatus, string> = {
  supported: 'Supported',
  deprecated: 'Deprecated',
  'create-blocked': 'Deprecated, creating blocked',
  'update-blocked': 'Deprecated, creating and updating blocked',
};

/** An ISO date (`2027-02-01`) as the instant that day starts in UTC. */
const dayStart = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

export function getRuntimeStatus(runtime: RuntimeCalendarEntry, on: Date): RuntimeStatus {
  const now = on.getTime();
  if (runtime.blockUpdate && now >= dayStart(runtime.blockUpdate)) return 'update-blocked';
  if (runtime.blockCreate && now >= dayStart(runtime.blockCreate)) return 'create-blocked';
  if (now >= dayStart(runtime.deprecation)) return 'deprecated';
  return 'supported';
}

/** The calendar entry for an identifier, or undefined for one Lambda never had. */
export function findRuntime(id: string): RuntimeCalendarEntry | undefined {
  const wanted = id.trim().toLowerCase();
  return runtimeCalendar.find((runtime) => runtime.id === wanted);
}

/** Identifiers deprecated on `on` (whatever their block dates), in calendar order. */
export function getDeprecatedRuntimeIds(on: Date): string[] {
  return runtimeCalendar
    .filter((runtime) => getRuntimeStatus(runtime, on) !== 'supported')
    .map((runtime) => runtime.id);
}

/** The .zip runtimes of a language still supported on `on`, newest deprecation date first. */
export function getSupportedRuntimes(language: RuntimeCalendarEntry['language'], on: Date): RuntimeCalendarEntry[] {
  return runtimeCalendar
    .filter(
      (runtime) =>
        runtime.language === language && !runtime.containerOnly && getRuntimeStatus(runtime, on) === 'supported',
    )
    .sort(
      (a, b) => dayStart(b.deprecation) - dayStart(a.deprecation) || b.id.localeCompare(a.id, 'en', { numeric: true }),
    );
}

export interface RuntimeVerdict {
  runtime: RuntimeCalendarEntry;
  status: RuntimeStatus;
  /** The supported runtime of the same language with the longest support left, if any. */
  upgradeTo?: RuntimeCalendarEntry;
  /** One sentence for a reader: where the runtime stands on `on` and what comes next. */
  sentence: string;
}

/**
 * Explains a runtime identifier on a day, for the deprecated-runtime message
 * ("The runtime parameter of nodejs16.x is no longer supported …"): its status, the dates that
 * apply and the runtime to move to. Undefined when the identifier is not in the calendar.
 */
export function describeRuntime(id: string, on: Date): RuntimeVerdict | undefined {
  const runtime = findRuntime(id);
  if (!runtime) return undefined;
  const status = getRuntimeStatus(runtime, on);
  const upgradeTo = getSupportedRuntimes(runtime.language, on)[0];
  const day = (iso: string) => formatCalendarDate(iso);
  const future = (iso: string | undefined) => iso !== undefined && on.getTime() < dayStart(iso);
  const parts: string[] = [];
  if (status === 'supported') {
    parts.push(`${runtime.id} (${runtime.name}) is supported until ${day(runtime.deprecation)}`);
  } else {
    parts.push(`${runtime.id} (${runtime.name}) was deprecated on ${day(runtime.deprecation)}`);
  }
  if (runtime.blockCreate) {
    parts.push(
      `${future(runtime.blockCreate) ? 'creating functions on it is blocked from' : 'creating functions on it has been blocked since'} ${day(runtime.blockCreate)}`,
    );
  }
  if (runtime.blockUpdate) {
    parts.push(
      `${future(runtime.blockUpdate) ? 'updating them is blocked from' : 'updating them has been blocked since'} ${day(runtime.blockUpdate)}`,
    );
  }
  if (runtime.containerOnly) parts.push('it is offered only as a container base image');
  let sentence = `${parts.join('; ')}.`;
  if (upgradeTo && upgradeTo.id !== runtime.id)
    sentence += ` Move to ${upgradeTo.id}, supported until ${day(upgradeTo.deprecation)}.`;
  return upgradeTo ? { runtime, status, upgradeTo, sentence } : { runtime, status, sentence };
}

/** `2027-02-01` → `1 February 2027`. */
export function formatCalendarDate(isoDate: string): string {
  return new Date(dayStart(isoDate)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
