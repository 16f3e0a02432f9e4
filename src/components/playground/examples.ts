/**
 * The playground examples as pages need them: the TypeScript a reader sees, the JavaScript the
 * Run button executes (compiled here, at build time, so the page downloads no compiler), and the
 * emulate() options of each side. Build-time only: it imports the TypeScript compiler.
 */
import { buildEmulateOptions, EXAMPLES } from '../../../playground/examples/catalogue.ts';
import { compileExample } from '../../../playground/examples/compile.ts';
import type { ExampleMeta } from '../../../playground/examples/types.ts';
import type { EmulateOptions } from '../../../playground/runtime/index.ts';
import type { Side } from './share';

const sources = import.meta.glob<string>('../../../playground/examples/*/{before,after}.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface PlaygroundSide {
  typescript: string;
  javascript: string;
  /** Everything emulate() needs but the code. */
  options: Omit<EmulateOptions, 'code' | 'onLog'>;
}

/** What the page embeds as JSON for the custom element. */
export interface PlaygroundData {
  id: string;
  sides: Record<Side, PlaygroundSide>;
  signature: ExampleMeta['signature'];
}

export interface PlaygroundExample {
  id: string;
  meta: ExampleMeta;
}

export function getPlaygroundExamples(): PlaygroundExample[] {
  return Object.entries(EXAMPLES).map(([id, meta]) => ({ id, meta }));
}

/** The playgrounds that illustrate an error entry, for the entry page's #playground section. */
export function getPlaygroundsForEntry(entryId: string): PlaygroundExample[] {
  return getPlaygroundExamples().filter(({ meta }) => meta.relatedErrors.includes(entryId));
}

export function getPlaygroundExample(id: string): PlaygroundExample {
  const meta = EXAMPLES[id];
  if (!meta) throw new Error(`No playground example "${id}" (playground/examples/${id}/ is missing)`);
  return { id, meta };
}

function readSource(id: string, side: Side): string {
  const source = sources[`../../../playground/examples/${id}/${side}.ts`];
  if (source === undefined) throw new Error(`playground/examples/${id}/${side}.ts is missing`);
  return source;
}

export function getPlaygroundData(id: string): PlaygroundData {
  const { meta } = getPlaygroundExample(id);
  const side = (name: Side): PlaygroundSide => {
    const typescript = readSource(id, name);
    const javascript = compileExample(typescript);
    const { code: _code, ...options } = buildEmulateOptions(meta, name, javascript);
    return { typescript, javascript, options };
  };
  return { id, sides: { before: side('before'), after: side('after') }, signature: meta.signature };
}

/** JSON safe to place inside <script type="application/json">: no `<` can close the element. */
export function serializeForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
