/**
 * A small stand-in for Node's util.format/inspect, which the browser lacks: console arguments are
 * printed the way the Node.js runtime prints them closely enough for reading logs (printf-style
 * %s %d %i %f %j %o %O %%, strings verbatim, objects as `{ key: 'value' }`, errors as their stack).
 * Hand-written because the maintained ports (the `util` npm package) pull in a Node polyfill stack.
 */
function inspect(value: unknown, depth = 0, seen = new Set<unknown>()): string {
  if (typeof value === 'string') return depth === 0 ? value : `'${value.replace(/'/g, "\\'")}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[Function: ${value.name || '(anonymous)'}]`;
  if (typeof value === 'symbol') return value.toString();
  if (value === null || typeof value !== 'object') return String(value);
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (seen.has(value)) return '[Circular *1]';
  if (depth > 2) return Array.isArray(value) ? '[Array]' : '[Object]';
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      return `[ ${value.map((item) => inspect(item, depth + 1, seen)).join(', ')} ]`;
    }
    if (value instanceof Date) return value.toISOString();
    const entries = Object.entries(value).map(([key, item]) => {
      const label = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`;
      return `${label}: ${inspect(item, depth + 1, seen)}`;
    });
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  } finally {
    seen.delete(value);
  }
}

export function formatArgs(args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map((arg) => inspect(arg)).join(' ');
  let index = 0;
  const head = first.replace(/%[sdifjoO%]/g, (token) => {
    if (token === '%%') return '%';
    if (index >= rest.length) return token;
    const arg = rest[index++];
    switch (token) {
      case '%d':
      case '%i':
        return String(token === '%i' ? Number.parseInt(String(arg), 10) : Number(arg));
      case '%f':
        return String(Number.parseFloat(String(arg)));
      case '%j':
        return JSON.stringify(arg) ?? 'undefined';
      case '%s':
        return typeof arg === 'string' ? arg : inspect(arg, 1);
      default:
        return inspect(arg, 1);
    }
  });
  return [head, ...rest.slice(index).map((arg) => inspect(arg))].join(' ');
}
