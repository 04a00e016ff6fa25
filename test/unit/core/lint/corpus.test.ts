import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintRunbook } from '../../../../src/core/lint/lintRunbook';

import { CORPUS, corpusAvailable, markdownFiles } from '../../../support/corpus';


// Not registered on a machine without the corpus (it is not part of the repository).
if (corpusAvailable) {
  test('lint raises no false alarms on real runbooks', async () => {
    const files = markdownFiles(CORPUS).sort().filter((_, i) => i % 5 === 0);
    assert.ok(files.length > 40);
    const byCode: Record<string, number> = {};
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const d of await lintRunbook(text)) {
        byCode[d.code] = (byCode[d.code] ?? 0) + 1;
        // Ordinary runbooks have no hidden Unicode, duplicate names or broken attributes.
        assert.notEqual(d.severity, 'error', `${path.relative(CORPUS, f)}:${d.line} ${d.code} ${d.message}`);
        // Destructive findings point at a real command on that line.
        if (d.code === 'RL002') assert.match(text.split(/\r?\n/)[d.line - 1].slice(d.column), /^\S/);
      }
    }
    // Placeholder typos are rare in reviewed runbooks: a flood would mean the rule is too loose.
    assert.ok((byCode.RL009 ?? 0) <= 2, JSON.stringify(byCode));
    assert.ok((byCode.RL003 ?? 0) === 0, JSON.stringify(byCode));
  });
}
