/**
 * Implementations behind the less common documented functions: IP addresses, hashing, encodings,
 * dates with Java and strftime patterns. Hashing comes from @noble/hashes (Web Crypto hashes only
 * asynchronously and has no MD5, and the engine is synchronous). The rest is hand-written: the date
 * libraries that read Java patterns are far larger than the dozen letters Lambda logs use.
 */
import { md5 as nobleMd5 } from '@noble/hashes/legacy.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

// IP addresses ------------------------------------------------------------------------------------

/** An IPv4 address as a number, or null. Leading zeros are refused (they read as octal elsewhere). */
export function parseIpv4(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

/** An IPv6 address as eight 16-bit groups, or null; an embedded IPv4 tail (`::ffff:1.2.3.4`) is read. */
export function parseIpv6(input: string): number[] | null {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':')) return null;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(s.slice(lastColon + 1));
    if (v4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const read = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const head = read(halves[0] as string);
  const rest = halves.length === 2 ? read(halves[1] as string) : [];
  if (!head || !rest) return null;
  let groups: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return null;
    groups = [...head, ...new Array(missing).fill(0), ...rest];
  } else groups = head;
  return groups.length === 8 ? groups : null;
}

function inV4Subnet(ip: number, cidr: string): boolean | null {
  const [base = '', bits = '32'] = cidr.split('/');
  const b = parseIpv4(base);
  const n = Number(bits);
  if (b === null || !/^\d+$/.test(bits) || n > 32) return null;
  if (n === 0) return true;
  const size = 2 ** (32 - n);
  return Math.floor(ip / size) === Math.floor(b / size);
}

function inV6Subnet(ip: number[], cidr: string): boolean | null {
  const slash = cidr.lastIndexOf('/');
  const b = parseIpv6(slash >= 0 ? cidr.slice(0, slash) : cidr);
  const bits = slash >= 0 ? cidr.slice(slash + 1) : '128';
  const n = Number(bits);
  if (!b || !/^\d+$/.test(bits) || n > 128) return null;
  for (let i = 0; i < 8; i++) {
    const take = Math.max(0, Math.min(16, n - i * 16));
    if (take === 0) return true;
    const mask = (0xffff << (16 - take)) & 0xffff;
    if (((ip[i] as number) & mask) !== ((b[i] as number) & mask)) return false;
  }
  return true;
}

/** Whether `ip` lies in `cidr`; false for an invalid address or a subnet of the other family. */
export function ipInSubnet(ip: string, cidr: string, family: 4 | 6 | 'any'): boolean {
  if (family !== 6) {
    const v4 = parseIpv4(ip);
    if (v4 !== null) return inV4Subnet(v4, cidr) === true;
  }
  if (family !== 4) {
    const v6 = parseIpv6(ip);
    if (v6) return inV6Subnet(v6, cidr) === true;
  }
  return false;
}

const privateRanges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'];
/** IANA special-purpose registries (RFC 6890 and successors), without the RFC 1918 ranges. */
const reservedRanges = [
  '0.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  '::1/128',
  '::ffff:0:0/96',
  '64:ff9b::/96',
  '100::/64',
  '2001:db8::/32',
  'fe80::/10',
  'ff00::/8',
];

export const isValidIp = (s: string) => parseIpv4(s) !== null || parseIpv6(s) !== null;
export const isPrivateIp = (s: string) => privateRanges.some((r) => ipInSubnet(s, r, 'any'));
export const isReservedIp = (s: string) => reservedRanges.some((r) => ipInSubnet(s, r, 'any'));
export const isPublicIp = (s: string) => isValidIp(s) && !isPrivateIp(s) && !isReservedIp(s);

// Encodings -----------------------------------------------------------------------------------------

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

export function base64Encode(s: string): string {
  let binary = '';
  for (const b of utf8.encode(s)) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function base64Decode(s: string): string | null {
  try {
    const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return utf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function hexToAscii(s: string): string | null {
  const hex = s.replace(/^0x/i, '');
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  let out = '';
  for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16));
  return out;
}

// Hashes ----------------------------------------------------------------------------------------------
// @noble/hashes, because Web Crypto only hashes asynchronously and has no MD5, and a query's functions
// run synchronously row by row.

/** RFC 1321 MD5 of the UTF-8 bytes, lower-case hex. */
export function md5(s: string): string {
  return bytesToHex(nobleMd5(utf8.encode(s)));
}

/** FIPS 180-4 SHA-256 of the UTF-8 bytes, lower-case hex. */
export function sha256(s: string): string {
  return bytesToHex(nobleSha256(utf8.encode(s)));
}

// Dates -----------------------------------------------------------------------------------------------

/** Offset of `zone` from UTC at `ms`, in minutes: `UTC`, `Z`, `+05:30`, `-0800` or an IANA name. */
export function zoneOffsetMinutes(zone: string | null, ms: number): number | null {
  if (zone === null || zone === '' || /^(utc|gmt|z)$/i.test(zone)) return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d\d):?(\d\d)?$/i.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  } catch {
    return null;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Parses `text` with a Java DateTimeFormatter pattern (the letters y M d H h m s S a E X Z and
 * 'quoted' literals) to epoch milliseconds; null when it does not match.
 */
export function parseJavaDate(text: string, pattern: string, zone: string | null): number | null {
  let re = '';
  const fields: string[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i] as string;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      re += literal === '' ? "'" : literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let j = i;
    while (pattern[j] === c) j++;
    const run = j - i;
    i = j;
    if (!/[A-Za-z]/.test(c)) {
      re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const token = c.repeat(run);
    fields.push(c === 'M' && run >= 3 ? 'MMM' : c);
    if (c === 'M' && run >= 3) re += '([A-Za-z]+)';
    else if (c === 'E') re += '[A-Za-z]+';
    else if (c === 'a') re += '(AM|PM|am|pm)';
    else if (c === 'X' || c === 'Z' || c === 'x') re += '(Z|[+-]\\d\\d:?\\d\\d|[+-]\\d\\d)';
    else if (c === 'S') re += `(\\d{1,${Math.max(run, 9)}})`;
    else if (c === 'y' && run === 2) re += '(\\d{2})';
    else if (c === 'y') re += '(\\d{4})';
    else if (run >= 2) re += `(\\d{${run}})`;
    else re += '(\\d{1,2})';
    if (c === 'E') fields.pop();
    void token;
  }
  const m = new RegExp(`^${re}$`).exec(text.trim());
  if (!m) return null;
  let year = 1970;
  let month = 0;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let pm: boolean | null = null;
  let offset: number | null = null;
  fields.forEach((f, k) => {
    const v = m[k + 1] as string;
    switch (f) {
      case 'y':
        year = v.length === 2 ? 2000 + Number(v) : Number(v);
        break;
      case 'M':
        month = Number(v) - 1;
        break;
      case 'MMM':
        month = MONTHS.findIndex((n) => v.toLowerCase().startsWith(n.toLowerCase()));
        break;
      case 'd':
        day = Number(v);
        break;
      case 'H':
      case 'h':
        hour = Number(v);
        break;
      case 'm':
        minute = Number(v);
        break;
      case 's':
        second = Number(v);
        break;
      case 'S':
        ms = Math.round(Number(`0.${v}`) * 1000);
        break;
      case 'a':
        pm = v.toLowerCase() === 'pm';
        break;
      default:
        offset = zoneOffsetMinutes(v, 0);
    }
  });
  if (month < 0) return null;
  if (pm !== null) hour = (hour % 12) + (pm ? 12 : 0);
  const local = Date.UTC(year, month, day, hour, minute, second, ms);
  if (Number.isNaN(local)) return null;
  const minutes = offset ?? zoneOffsetMinutes(zone, local);
  return minutes === null ? null : local - minutes * 60_000;
}

/** Formats epoch milliseconds with strftime directives, in `zone` (UTC by default). */
export function strftime(ms: number, format: string, zone: string | null): string | null {
  const minutes = zoneOffsetMinutes(zone, ms);
  if (minutes === null || !Number.isFinite(ms)) return null;
  const d = new Date(ms + minutes * 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const offset = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const directives: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()),
    y: () => pad(d.getUTCFullYear() % 100),
    m: () => pad(d.getUTCMonth() + 1),
    d: () => pad(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2, ' '),
    H: () => pad(d.getUTCHours()),
    I: () => pad(d.getUTCHours() % 12 || 12),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    L: () => pad(d.getUTCMilliseconds(), 3),
    f: () => pad(d.getUTCMilliseconds() * 1000, 6),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    b: () => MONTHS[d.getUTCMonth()] as string,
    h: () => MONTHS[d.getUTCMonth()] as string,
    B: () => MONTH_NAMES[d.getUTCMonth()] as string,
    a: () => (DAYS[d.getUTCDay()] as string).slice(0, 3),
    A: () => DAYS[d.getUTCDay()] as string,
    j: () => pad(Math.floor((d.getTime() - start) / 86_400_000) + 1, 3),
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    z: () => offset,
    Z: () => (minutes === 0 ? 'UTC' : offset),
    s: () => String(Math.floor(ms / 1000)),
    F: () => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    T: () => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    '%': () => '%',
  };
  return format.replace(/%([A-Za-z%])/g, (all, c: string) => directives[c]?.() ?? all);
}
