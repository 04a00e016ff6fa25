import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRunbook } from '../../../../src/core/lint/lintRunbook';
import type { LintEdit } from '../../../../src/core/lint/types';

/** Applies edits (bottom-up so earlier positions stay valid) the way a WorkspaceEdit would. */
function apply(text: string, edits: LintEdit[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.line - a.line || b.column - a.column)) {
    assert.equal(e.line, e.endLine, 'fixes stay on one line');
    const l = lines[e.line - 1];
    lines[e.line - 1] = l.slice(0, e.column) + e.newText + l.slice(e.endColumn);
  }
  return lines.join('\n');
}

async function fixed(text: string, code: string): Promise<string> {
  const d = (await lintRunbook(text)).find((x) => x.code === code);
  assert.ok(d?.fix, `${code} has a fix`);
  const out = apply(text, d.fix.edits);
  assert.ok(!(await lintRunbook(out)).some((x) => x.code === code), `${code} is gone after its fix:\n${out}`);
  return out;
}

const doc = (fence: string, body = 'kubectl delete pod web-1 -n shop') => `# R\n\n\`\`\`${fence}\n${body}\n\`\`\`\n`;

test('confirm=true is added in the style of the info string', async () => {
  assert.equal((await fixed(doc('bash'), 'RL002')).split('\n')[2], '```bash { confirm=true }');
  assert.equal((await fixed(doc('sh { name=x }'), 'RL002')).split('\n')[2], '```sh { name=x confirm=true }');
  assert.equal((await fixed(doc('sh {name=x}'), 'RL002')).split('\n')[2], '```sh {name=x confirm=true}');
  assert.equal((await fixed(doc('bash {"name":"x"}'), 'RL002')).split('\n')[2], '```bash {"name":"x","confirm":"true"}');
  assert.equal((await fixed(doc('bash {}'), 'RL002')).split('\n')[2], '```bash {"confirm":"true"}');
  assert.equal((await fixed(doc('bash { confirm=false }'), 'RL002')).split('\n')[2], '```bash { confirm=true }');
  assert.equal((await fixed(doc('bash {"confirm":false,"name":"x"}'), 'RL002')).split('\n')[2], '```bash {"confirm":"true","name":"x"}');
});

test('the fix works inside a list item and a blockquote', async () => {
  const inList = '# R\n\n1. Step\n   ```bash\n   kubectl delete pod web-1\n   ```\n';
  assert.equal((await fixed(inList, 'RL002')).split('\n')[3], '   ```bash { confirm=true }');
  const quoted = '# R\n\n> ```sh { name=q }\n> rm -rf /var/lib/app\n> ```\n';
  assert.equal((await fixed(quoted, 'RL002')).split('\n')[2], '> ```sh { name=q confirm=true }');
});

test('an unlabeled shell block gets `bash`, keeping its attributes', async () => {
  assert.equal((await fixed('# R\n\n```\nkubectl get pods\n```\n', 'RL003')).split('\n')[2], '```bash');
  assert.equal((await fixed('# R\n\n~~~\noc get nodes\n~~~\n', 'RL003')).split('\n')[2], '~~~bash');
});

test('other fixes: console → bash, attribute near miss, placeholder typo, hidden character', async () => {
  assert.equal((await fixed(doc('console', 'kubectl get pods'), 'RL011')).split('\n')[2], '```bash');
  assert.equal((await fixed(doc('bash { excludeFromRunal=true }', 'ls'), 'RL006')).split('\n')[2], '```bash { excludeFromRunAll=true }');
  assert.equal((await fixed(doc('bash {"intractive":"true"}', 'ls'), 'RL006')).split('\n')[2], '```bash {"interactive":"true"}');
  const typo = '# R\n\n```bash\noc get pods -n <namespace>\noc get svc -n <namespace>\noc get cm -n <namepsace>\n```\n';
  assert.equal((await fixed(typo, 'RL009')).split('\n')[5], 'oc get cm -n <namespace>');
  assert.equal((await fixed(doc('bash', 'echo ok\u200b'), 'RL001')).split('\n')[3], 'echo ok');
});
