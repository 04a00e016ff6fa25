import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseRunbook } from '../../../../src/core/runbook/parse';

const block = (lang: string, body: string) => parseRunbook('# T\n\n```' + lang + '\n' + body + '\n```\n').blocks[0];

test('console blocks run only their prompt lines; the rest is sample output', () => {
  const b = block('console', '$ oc get pods -n <ns>\nNAME     READY   STATUS\nweb-1    1/1     Running\n$ oc logs web-1\nlog line <none>');
  assert.equal(b.code, 'oc get pods -n <ns>\noc logs web-1');
  assert.deepEqual(b.placeholders, ['ns']);
  assert.equal(b.transcript, true);
  assert.deepEqual(b.runLines, [4, 7]);
  // The placeholder column points into the document line, past the prompt.
  assert.deepEqual(b.placeholderRefs, [{ name: 'ns', line: 4, column: 17 }]);
});

test('shell-session and root prompts; continuation lines with a trailing backslash', () => {
  const b = block('shell-session', '# systemctl restart \\\n    kubelet\nok\n# journalctl -u kubelet | \\\n  tail');
  assert.equal(b.code, 'systemctl restart \\\n    kubelet\njournalctl -u kubelet | \\\n  tail');
  assert.deepEqual(b.runLines, [4, 5, 7, 8]);
});

test('a command continues after a trailing pipe or && and through a here-document', () => {
  const b = block('console', '$ oc get pods |\ngrep web &&\necho done\noutput\n$ cat <<EOF | oc apply -f -\nkind: Pod\nname: <pod>\nEOF\npod/x created');
  assert.equal(b.code, 'oc get pods |\ngrep web &&\necho done\ncat <<EOF | oc apply -f -\nkind: Pod\nname: <pod>\nEOF');
  assert.deepEqual(b.placeholderRefs, [{ name: 'pod', line: 10, column: 6 }]);
});

test('an unclosed quote does not swallow sample output into the command', () => {
  assert.equal(block('console', "$ echo it's\nit's").code, "echo it's");
  // A backslash inside a trailing comment is not a continuation.
  assert.equal(block('console', '$ ls # see \\\nfile').code, 'ls # see \\');
});

test('when a console block has $ prompts, # lines are comments, not root prompts', () => {
  const b = block('console', '# check the pods first\n$ oc get pods\n# NAME READY');
  assert.equal(b.code, 'oc get pods');
});

test('a console block without any prompt is a plain script (its language only picks the colouring)', () => {
  const b = block('console', 'oc logs -n openshift-monitoring deploy/x \\\n  -c y\noc get pods');
  assert.equal(b.code, 'oc logs -n openshift-monitoring deploy/x \\\n  -c y\noc get pods');
  assert.equal(b.transcript, false);
});

test('a bash block whose first line is a $ prompt is read as a transcript; other bash blocks run whole', () => {
  const b = block('bash', "$ NAMESPACE='<value of namespace label from alert>'\n\n$ oc -n $NAMESPACE get pods\nNAME  READY\n# not a prompt here\n$ echo done");
  assert.equal(b.code, "NAMESPACE='<value of namespace label from alert>'\noc -n $NAMESPACE get pods\necho done");
  assert.deepEqual(b.placeholders, ['value of namespace label from alert']);
  assert.equal(b.transcript, true);
  const plain = block('bash', 'echo start\n$ not-a-prompt-here');
  assert.equal(plain.code, 'echo start\n$ not-a-prompt-here');
  assert.equal(plain.transcript, false);
});

test('leading # comments do not hide that a bash block is a transcript', () => {
  const b = block('bash', '# Restart the VM to pick up spec changes\n$ virtctl restart <vm-name> -n <namespace>\n\n# Then check\n$ oc get vmi');
  assert.equal(b.code, 'virtctl restart <vm-name> -n <namespace>\noc get vmi');
  assert.deepEqual(b.placeholders, ['vm-name', 'namespace']);
  assert.equal(block('bash', '# only comments\n# here').transcript, false);
});

test('promql blocks are never transcripts', () => {
  assert.equal(block('promql', '$ up').code, '$ up');
});

test('transcripts inside list items keep exact placeholder columns', () => {
  const rb = parseRunbook('- step\n\n  ```console\n  $ oc get <kind>\n  output\n  ```\n');
  assert.equal(rb.blocks[0].code, 'oc get <kind>');
  assert.deepEqual(rb.blocks[0].placeholderRefs, [{ name: 'kind', line: 4, column: 11 }]);
});
