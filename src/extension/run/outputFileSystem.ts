import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { outputPathKind } from '../../core/incident/incidentFiles';

export const OUTPUT_SCHEME = 'runbook-lens-output';

/** How often a shown output file is checked for growth: a reload re-reads the whole file. */
const pollMs = (size: number) => (size < 8 * 1024 * 1024 ? 500 : 2000);

/**
 * Run output files (`<incident>/outputs/<id>.log`), read-only, with change events of our own.
 * The editor's file watcher can miss a write to a file that grows for seconds (seen on a loaded
 * machine: the last lines never shown), so growth is found by stat here and the end of a run is
 * announced by the runner: what Follow Output shows is the whole file once the block ends.
 */
export class OutputFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly polls = new Map<string, Poll>();

  static uri(file: string): vscode.Uri {
    return vscode.Uri.file(file).with({ scheme: OUTPUT_SCHEME });
  }

  /** Checks the file for growth until the returned disposable is disposed (reference counted). */
  track(uri: vscode.Uri): vscode.Disposable {
    const key = uri.toString();
    let poll = this.polls.get(key);
    if (!poll) {
      poll = { users: 0, timer: undefined, seen: stamp(realPath(uri)) };
      this.polls.set(key, poll);
      this.schedule(uri, poll);
    }
    const held = poll;
    held.users++;
    let disposed = false;
    return new vscode.Disposable(() => {
      if (disposed) return;
      disposed = true;
      if (--held.users > 0) return;
      clearTimeout(held.timer);
      this.polls.delete(key);
    });
  }

  /** The file changed (the run ended): tell the editor now rather than at the next poll. */
  changed(uri: vscode.Uri): void {
    const poll = this.polls.get(uri.toString());
    if (poll) poll.seen = stamp(realPath(uri));
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  private schedule(uri: vscode.Uri, poll: Poll): void {
    poll.timer = setTimeout(() => {
      if (this.polls.get(uri.toString()) !== poll) return;
      const now = stamp(realPath(uri));
      if (now.size !== poll.seen.size || now.mtimeMs !== poll.seen.mtimeMs) {
        poll.seen = now;
        this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
      }
      this.schedule(uri, poll);
    }, pollMs(poll.seen.size));
    poll.timer.unref?.();
  }

  watch(uri: vscode.Uri): vscode.Disposable {
    return this.track(uri);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const st = statOf(uri);
    return {
      type: st.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File,
      ctime: st.ctimeMs,
      mtime: st.mtimeMs,
      size: st.size,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (outputPathKind(realPath(uri)) !== 'folder') throw vscode.FileSystemError.FileNotFound(uri);
    return fs.readdirSync(realPath(uri), { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.log'))
      .map((d) => [d.name, vscode.FileType.File]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    if (outputPathKind(realPath(uri)) !== 'output') throw vscode.FileSystemError.FileNotFound(uri);
    try {
      return await fs.promises.readFile(realPath(uri));
    } catch (err) {
      throw fsError(err, uri);
    }
  }

  createDirectory(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  delete(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  rename(uri: vscode.Uri): never {
    throw readOnly(uri);
  }

  dispose(): void {
    for (const poll of this.polls.values()) clearTimeout(poll.timer);
    this.polls.clear();
    this.changes.dispose();
  }
}

function realPath(uri: vscode.Uri): string {
  return uri.with({ scheme: 'file' }).fsPath;
}

/** Only run output files and their folder: this scheme is no window onto the rest of the disk. */
function statOf(uri: vscode.Uri): fs.Stats {
  const file = realPath(uri);
  const kind = outputPathKind(file);
  if (!kind) throw vscode.FileSystemError.FileNotFound(uri);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    throw fsError(err, uri);
  }
  if (kind === 'output' ? !st.isFile() : !st.isDirectory()) throw vscode.FileSystemError.FileNotFound(uri);
  return st;
}

interface Poll {
  users: number;
  timer: NodeJS.Timeout | undefined;
  seen: { size: number; mtimeMs: number };
}

function stamp(file: string): Poll['seen'] {
  try {
    const st = fs.statSync(file);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return { size: -1, mtimeMs: -1 };
  }
}

function fsError(err: unknown, uri: vscode.Uri): vscode.FileSystemError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return vscode.FileSystemError.FileNotFound(uri);
  if (code === 'EACCES' || code === 'EPERM') return vscode.FileSystemError.NoPermissions(uri);
  return vscode.FileSystemError.Unavailable(uri);
}

function readOnly(uri: vscode.Uri): vscode.FileSystemError {
  return vscode.FileSystemError.NoPermissions(`${path.basename(realPath(uri))}: the output of a run is a record, read-only`);
}
