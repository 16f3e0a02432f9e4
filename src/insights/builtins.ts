/**
 * Implementations behind the less common documented functions: IP addresses, hashing, encodings,
 * dates with Java and strftime patterns. Hand-written because the engine is synchronous and
 * dependency-free in the browser: Web Crypto hashes only asynchronously and has no MD5, and the
 * date libraries that read Java patterns are far larger than the dozen letters Lambda logs use.
 */

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

const hex32 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

const MD5_SHIFT = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

function padded(bytes: Uint8Array, littleEndianLength: boolean): DataView {
  const length = Math.ceil((bytes.length + 9) / 64) * 64;
  const buffer = new Uint8Array(length);
  buffer.set(bytes);
  buffer[bytes.length] = 0x80;
  const view = new DataView(buffer.buffer);
  const bits = bytes.length * 8;
  if (littleEndianLength) {
    view.setUint32(length - 8, bits >>> 0, true);
    view.setUint32(length - 4, Math.floor(bits / 2 ** 32), true);
  } else {
    view.setUint32(length - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(length - 4, bits >>> 0);
  }
  return view;
}

/** RFC 1321 MD5 of the UTF-8 bytes, lower-case hex. */
export function md5(s: string): string {
  const view = padded(utf8.encode(s), true);
  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  for (let off = 0; off < view.byteLength; off += 64) {
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const shift = MD5_SHIFT[(i >> 4) * 4 + (i % 4)] as number;
      const sum = (a + f + (MD5_K[i] as number) + view.getUint32(off + g * 4, true)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  const le = (n: number) => hex32(((n & 0xff) << 24) | ((n & 0xff00) << 8) | ((n >>> 8) & 0xff00) | (n >>> 24));
  return le(a0) + le(b0) + le(c0) + le(d0);
}

const SHA_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
];

/** FIPS 180-4 SHA-256 of the UTF-8 bytes, lower-case hex. */
export function sha256(s: string): string {
  const view = padded(utf8.encode(s), false);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Array<number>(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < view.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15] as number;
      const w2 = w[i - 2] as number;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + (SHA_K[i] as number) + (w[i] as number)) | 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] as number) + (add[i] as number)) | 0;
  }
  return h.map(hex32).join('');
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
