import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Figure, FigureResult } from '../figure';

const ROOT = path.resolve(__dirname, '../..');

export const vsixSize: Figure = {
  id: 'vsix-size',
  async run(): Promise<FigureResult> {
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: 'ignore' });
    const bytes = fs.statSync(path.join(ROOT, 'runbook-lens.vsix')).size;
    const limit = 2 * 1024 * 1024;
    return {
      id: this.id,
      figure: 'VSIX size',
      baseline: '2 MB limit',
      value: bytes / 1048576, baselineValue: 2, unit: 'MiB', ratio: bytes / limit,
      target: '≤ 2 MB', met: bytes <= limit,
    };
  },
};
