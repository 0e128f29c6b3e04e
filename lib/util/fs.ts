import * as fs from 'fs';
import * as path from 'path';

/**
 * Write `data` to a new temporary file beside `file` (named `.<name>.<pid>.<time>.tmp`, which
 * lib/run's stale-file cleanup recognises) and fsync it; returns its path. When the write fails (a full disk)
 * the temporary file is removed, since it would keep the space taken.
 */
export function writeTempFile(file: string, data: string | Uint8Array): string {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    try {
      fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return tmp;
}

/**
 * Write a file atomically: write to a temporary file in the same folder, fsync it, then rename over the
 * target. A crash leaves either the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = writeTempFile(file, data);
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** JSON, pretty-printed, written atomically. */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');
}
