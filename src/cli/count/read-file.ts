import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../command.js';

/**
 * A coordinator's file, read whole, or a usage error naming what is wrong with it (missing, a folder, too big).
 * The size is checked before reading, so a wrong file (a video, a database dump) costs no memory.
 */
export function readInputFile(file: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${reason(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UsageError(`${file} is a folder, not a file`);
    if (stat.size > maxBytes)
      throw new UsageError(`${file} is larger than ${formatBytes(maxBytes)}; is it the right file?`);
    // Read to the limit plus one byte: a file that grows while read (or a pipe) is still caught.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes)
        throw new UsageError(`${file} is larger than ${formatBytes(maxBytes)}; is it the right file?`);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${reason(error)}`);
  } finally {
    closeSync(fd);
  }
}

export function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} KB`;
}
