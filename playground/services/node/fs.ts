/**
 * `node:fs` and `node:fs/promises` as a Lambda function sees them: `/tmp` is the only writable
 * place, held in memory and bounded by the function's ephemeral storage (512 MB unless set), so a
 * write past it fails with ENOSPC; writing anywhere else fails with EROFS; open file descriptors
 * are limited to Lambda's 1,024, so leaking them ends in EMFILE. Files live as long as the
 * execution environment (across warm invocations).
 *
 * The subset: readFile, writeFile, appendFile, mkdir, readdir, stat, unlink, rm, existsSync, and
 * open/close with file handles, each as *Sync, promise (`fs.promises`, `node:fs/promises`) and
 * callback forms where Node has them. Hand-written: a general in-memory filesystem (memfs) has no
 * notion of a size bound or a read-only root, which are the two things this one exists to show.
 */
import { Buffer } from 'buffer';
import { systemError } from './errors.ts';

export interface FsLimits {
  /** Ephemeral storage in bytes. */
  capacityBytes: number;
  /** Open file descriptors the process may hold (Lambda: 1,024), stdin/stdout/stderr included. */
  maxOpenFiles: number;
}

type Data = string | Uint8Array;
type Encoding = BufferEncoding | null | undefined;
type BufferEncoding = 'utf8' | 'utf-8' | 'hex' | 'base64' | 'base64url' | 'latin1' | 'binary' | 'ascii';
type EncodingOption = Encoding | { encoding?: Encoding; flag?: string };

const WRITABLE_ROOT = '/tmp';
/** The function's working directory in Lambda, where relative paths start. */
const TASK_ROOT = '/var/task';

function normalize(path: unknown): string {
  const raw = path instanceof URL ? path.pathname : String(path);
  const absolute = raw.startsWith('/') ? raw : `${TASK_ROOT}/${raw}`;
  const parts: string[] = [];
  for (const part of absolute.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const inTmp = (path: string) => path === WRITABLE_ROOT || path.startsWith(`${WRITABLE_ROOT}/`);
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
const encodingOf = (options: EncodingOption): Encoding =>
  typeof options === 'string' || options === null || options === undefined ? options : options.encoding;
const toBytes = (data: Data, encoding?: Encoding): Uint8Array =>
  typeof data === 'string' ? Buffer.from(data, encoding ?? 'utf8') : data;

export function createFs(limits: FsLimits) {
  /**
   * Each file is a list of parts: bytes, or a number for a run of zero bytes (what Buffer.alloc and
   * new Uint8Array write), so filling 512 MB of /tmp with zeros holds no real memory.
   */
  const files = new Map<string, { parts: (Uint8Array | number)[]; size: number }>();
  const directories = new Set<string>([WRITABLE_ROOT]);
  /** Open descriptors: fd → path. 0, 1 and 2 are the runtime's stdin, stdout and stderr. */
  const open = new Map<number, { path: string }>();
  let used = 0;

  const usedBytes = () => used;
  const sizeOf = (path: string) => files.get(path)?.size ?? 0;
  const contentOf = (path: string): Uint8Array => {
    const file = files.get(path);
    const bytes = new Uint8Array(file?.size ?? 0);
    let offset = 0;
    for (const part of file?.parts ?? []) {
      if (typeof part === 'number') offset += part;
      else {
        bytes.set(part, offset);
        offset += part.length;
      }
    }
    return bytes;
  };
  const isZeros = (bytes: Uint8Array) => {
    // Four bytes at a time where the view is aligned: this runs on every large write.
    const head = (4 - (bytes.byteOffset % 4)) % 4;
    const words = Math.floor((bytes.length - Math.min(head, bytes.length)) / 4);
    for (let index = 0; index < Math.min(head, bytes.length); index += 1) if (bytes[index] !== 0) return false;
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + head, words);
    for (let index = 0; index < view.length; index += 1) if (view[index] !== 0) return false;
    for (let index = head + words * 4; index < bytes.length; index += 1) if (bytes[index] !== 0) return false;
    return true;
  };

  /** Stores `bytes` at `path` (replacing or appending); fills the disk and throws ENOSPC if they do not fit. */
  const store = (path: string, bytes: Uint8Array, append: boolean) => {
    const file = (append && files.get(path)) || { parts: [], size: 0 };
    used -= sizeOf(path);
    const room = Math.max(0, limits.capacityBytes - used - file.size);
    const written = bytes.length <= room ? bytes : bytes.subarray(0, room);
    if (written.length > 0)
      file.parts.push(written.length >= 4096 && isZeros(written) ? written.length : written.slice());
    file.size += written.length;
    files.set(path, file);
    used += file.size;
    // As on a full disk: what fits is written, then write() fails.
    if (written.length < bytes.length) throw systemError('ENOSPC', 'write');
  };

  const checkWritable = (path: string, syscall: string) => {
    if (!inTmp(path)) throw systemError('EROFS', syscall, path);
    if (directories.has(path)) throw systemError('EISDIR', syscall, path);
    if (!directories.has(parentOf(path))) throw systemError('ENOENT', syscall, path);
  };

  const allocateFd = (path: string, syscall: string) => {
    if (open.size + 3 >= limits.maxOpenFiles) throw systemError('EMFILE', syscall, path);
    let fd = 3;
    while (open.has(fd)) fd += 1;
    return fd;
  };

  const sync = {
    existsSync(path: unknown): boolean {
      const p = normalize(path);
      return files.has(p) || directories.has(p);
    },
    readFileSync(path: unknown, options?: EncodingOption): string | Uint8Array {
      const p = normalize(path);
      if (directories.has(p)) throw systemError('EISDIR', 'read');
      if (!files.has(p)) throw systemError('ENOENT', 'open', p);
      const encoding = encodingOf(options);
      const buffer = Buffer.from(contentOf(p));
      return encoding ? buffer.toString(encoding) : buffer;
    },
    writeFileSync(path: unknown, data: Data, options?: EncodingOption): void {
      const p = normalize(path);
      checkWritable(p, 'open');
      store(p, toBytes(data, encodingOf(options)), false);
    },
    appendFileSync(path: unknown, data: Data, options?: EncodingOption): void {
      const p = normalize(path);
      checkWritable(p, 'open');
      store(p, toBytes(data, encodingOf(options)), true);
    },
    mkdirSync(path: unknown, options?: { recursive?: boolean }): string | undefined {
      const p = normalize(path);
      if (!inTmp(p)) {
        if (options?.recursive && (p === '/' || !p.includes('/', 1) || ['/var', TASK_ROOT, '/opt'].includes(p)))
          return undefined;
        throw systemError('EROFS', 'mkdir', p);
      }
      if (directories.has(p) || files.has(p)) {
        if (options?.recursive && directories.has(p)) return undefined;
        throw systemError('EEXIST', 'mkdir', p);
      }
      if (!directories.has(parentOf(p))) {
        if (!options?.recursive) throw systemError('ENOENT', 'mkdir', p);
        sync.mkdirSync(parentOf(p), { recursive: true });
      }
      directories.add(p);
      return options?.recursive ? p : undefined;
    },
    readdirSync(path: unknown): string[] {
      const p = normalize(path);
      if (files.has(p)) throw systemError('ENOTDIR', 'scandir', p);
      if (!directories.has(p)) throw systemError('ENOENT', 'scandir', p);
      const prefix = `${p}/`;
      const names = new Set<string>();
      for (const entry of [...files.keys(), ...directories]) {
        if (entry.startsWith(prefix)) names.add(entry.slice(prefix.length).split('/')[0] ?? '');
      }
      return [...names].filter(Boolean).sort();
    },
    statSync(path: unknown) {
      const p = normalize(path);
      const file = files.has(p);
      if (!file && !directories.has(p)) throw systemError('ENOENT', 'stat', p);
      return { size: file ? sizeOf(p) : 4096, isFile: () => file, isDirectory: () => !file };
    },
    unlinkSync(path: unknown): void {
      const p = normalize(path);
      if (directories.has(p)) throw systemError('EISDIR', 'unlink', p);
      if (!files.has(p)) throw systemError(inTmp(p) ? 'ENOENT' : 'EROFS', 'unlink', p);
      used -= sizeOf(p);
      files.delete(p);
    },
    rmSync(path: unknown, options?: { recursive?: boolean; force?: boolean }): void {
      const p = normalize(path);
      if (directories.has(p)) {
        const prefix = `${p}/`;
        const inside = [...files.keys(), ...directories].filter((entry) => entry.startsWith(prefix));
        if (!options?.recursive) throw systemError('EISDIR', 'rm', p);
        if (inside.length > 0 && !options.recursive) throw systemError('ENOTEMPTY', 'rmdir', p);
        for (const entry of inside) {
          used -= sizeOf(entry);
          files.delete(entry);
          directories.delete(entry);
        }
        if (p !== WRITABLE_ROOT) directories.delete(p);
        return;
      }
      if (!files.has(p)) {
        if (options?.force) return;
        throw systemError('ENOENT', 'stat', p);
      }
      sync.unlinkSync(p);
    },
    openSync(path: unknown, flags: string | number = 'r'): number {
      const p = normalize(path);
      const mode = String(flags);
      const writing = /[wa+]/.test(mode);
      if (writing) checkWritable(p, 'open');
      else if (!files.has(p) && !directories.has(p)) throw systemError('ENOENT', 'open', p);
      const fd = allocateFd(p, 'open');
      if (mode.startsWith('w') || (writing && !files.has(p))) store(p, new Uint8Array(0), false);
      open.set(fd, { path: p });
      return fd;
    },
    closeSync(fd: number): void {
      if (!open.delete(fd)) throw systemError('EBADF', 'close');
    },
    writeSync(fd: number, data: Data): number {
      const entry = open.get(fd);
      if (!entry) throw systemError('EBADF', 'write');
      const bytes = toBytes(data);
      store(entry.path, bytes, true);
      return bytes.length;
    },
  };

  /** A FileHandle (`fs.promises.open`): the descriptor stays open until close(). */
  const fileHandle = (fd: number) => ({
    fd,
    async writeFile(data: Data, options?: EncodingOption) {
      const entry = open.get(fd);
      if (!entry) throw systemError('EBADF', 'write');
      store(entry.path, toBytes(data, encodingOf(options)), true);
    },
    async write(data: Data) {
      return { bytesWritten: sync.writeSync(fd, data) };
    },
    async readFile(options?: EncodingOption) {
      const entry = open.get(fd);
      if (!entry) throw systemError('EBADF', 'read');
      return sync.readFileSync(entry.path, options);
    },
    async close() {
      sync.closeSync(fd);
    },
  });

  // Each call settles on a later microtask, as an fs promise does; errors reject instead of throwing.
  const later =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    async (...args: A): Promise<R> =>
      fn(...args);

  const promises = {
    readFile: later(sync.readFileSync),
    writeFile: later(sync.writeFileSync),
    appendFile: later(sync.appendFileSync),
    mkdir: later(sync.mkdirSync),
    readdir: later(sync.readdirSync),
    stat: later(sync.statSync),
    unlink: later(sync.unlinkSync),
    rm: later(sync.rmSync),
    access: later((path: unknown) => {
      if (!sync.existsSync(path)) throw systemError('ENOENT', 'access', normalize(path));
    }),
    open: later((path: unknown, flags?: string) => fileHandle(sync.openSync(path, flags))),
  };

  /** The callback form: the last argument is `(error, result) => void`, called on a later microtask. */
  const callback =
    (fn: (...args: never[]) => unknown) =>
    (...args: unknown[]) => {
      const done = args.pop() as (error: unknown, result?: unknown) => void;
      queueMicrotask(() => {
        try {
          done(null, (fn as (...a: unknown[]) => unknown)(...args));
        } catch (error) {
          done(error);
        }
      });
    };

  const fs = {
    ...sync,
    readFile: callback(sync.readFileSync),
    writeFile: callback(sync.writeFileSync),
    appendFile: callback(sync.appendFileSync),
    mkdir: callback(sync.mkdirSync),
    readdir: callback(sync.readdirSync),
    stat: callback(sync.statSync),
    unlink: callback(sync.unlinkSync),
    rm: callback(sync.rmSync),
    open: callback(sync.openSync),
    close: callback(sync.closeSync),
    promises,
  };
  return { fs, promises, usedBytes, openFiles: () => open.size };
}
