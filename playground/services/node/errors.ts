/**
 * System errors as Node.js builds them: `CODE: description, syscall 'path'`, with `errno`, `code`,
 * `syscall` and `path` as own properties in that order (so the runtime's Invoke Error JSON lists
 * them as Lambda prints a real one). Descriptions are libuv's (uv_strerror), errno values Linux's.
 */
const SYSTEM_ERRORS = {
  EBADF: [-9, 'bad file descriptor'],
  EEXIST: [-17, 'file already exists'],
  EISDIR: [-21, 'illegal operation on a directory'],
  EMFILE: [-24, 'too many open files'],
  ENOENT: [-2, 'no such file or directory'],
  ENOSPC: [-28, 'no space left on device'],
  ENOTDIR: [-20, 'not a directory'],
  ENOTEMPTY: [-39, 'directory not empty'],
  EROFS: [-30, 'read-only file system'],
} as const;

export type SystemErrorCode = keyof typeof SYSTEM_ERRORS;

export interface SystemError extends Error {
  errno: number;
  code: SystemErrorCode;
  syscall: string;
  path?: string;
}

export function systemError(code: SystemErrorCode, syscall: string, path?: string): SystemError {
  const [errno, description] = SYSTEM_ERRORS[code];
  const error = new Error(`${code}: ${description}, ${syscall}${path === undefined ? '' : ` '${path}'`}`);
  return Object.assign(error, path === undefined ? { errno, code, syscall } : { errno, code, syscall, path });
}
