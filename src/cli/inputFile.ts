import { readFile } from 'node:fs/promises';
import { UsageError } from './args';

/** Reads a text file named on the command line; failures are one-line UsageErrors. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.code === 'EACCES' ? 'permission denied' : e.message;
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}
