import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fillBlock, fillPlaceholders, findPlaceholders } from '../../../../src/core/runbook/placeholders';
import { parseRunbook } from '../../../../src/core/runbook/parse';

const names = (code: string, dialect?: 'shell' | 'promql') => findPlaceholders(code, dialect).map((p) => p.name);

test('placeholders are <word> in runnable code, with their offsets', () => {
  assert.deepEqual(findPlaceholders('kubectl logs <pod-name> -n <namespace>'), [
    { name: 'pod-name', offset: 13 },
    { name: 'namespace', offset: 27 },
  ]);
  assert.deepEqual(names('x <id> <NAMESPACE> <vm_name> <a.b> <node:port> <x>'), ['id', 'NAMESPACE', 'vm_name', 'a.b', 'node:port', 'x']);
  // Quoted placeholders count: they are clearly meant to be filled.
  assert.deepEqual(names(`curl "http://h/<id>" -d '{"pod":"<pod-name>"}'`), ['id', 'pod-name']);
  // The multi-word style of OpenShift runbooks.
  assert.deepEqual(names("NAMESPACE='<value of namespace label from alert>'"), ['value of namespace label from alert']);
  assert.deepEqual(names("NAME='<name of the component, see mapping below>'"), ['name of the component, see mapping below']);
  // In process substitutions and command substitutions the inner placeholders count.
  assert.deepEqual(names('diff <(kubectl get pod <a>) <(kubectl get pod <b>) $(echo <c>)'), ['a', 'b', 'c']);
});

test('redirections, here-documents, here-strings, process substitution and comparisons are not placeholders', () => {
  for (const code of [
    'sort < input.txt > out.txt',
    'wc -l <file',
    'cat <<EOF\nplain\nEOF',
    'cat <<-EOF\n\tplain\n\tEOF',
    "cat << 'EOF' > x\nplain\nEOF",
    'cat <<"END"\nplain\nEND',
    'grep x <<<word',
    'grep x <<< "$v"',
    'diff <(ls a) <(ls b)',
    'if [ $a -lt 3 ]; then echo; fi',
    '[[ $a < $b ]] && echo',
    'x=$((a<b?1:0)); y=$((c>d))',
    '(( n<max && m>0 ))',
    '((x<y>0))',
    'echo $x<5',
    'exec 3<>/dev/tcp/h/80',
    'cat 0<in',
    'read -r line <&3',
    'awk \'$1<limit && $2>min\'',
    'echo \\<escaped\\>',
    'echo a < b > c',
    '<>',
    '<1abc>',
    '<a->',
    '<two  spaces>',
  ]) {
    assert.deepEqual(names(code), [], code);
  }
});

test('here-document bodies: placeholders count; markup with a closing tag does not', () => {
  const code = 'cat <<EOF | kubectl apply -f -\nmetadata:\n  name: <pod-name>\n  namespace: <namespace>\nEOF\nkubectl get pod <pod-name>';
  assert.deepEqual(names(code), ['pod-name', 'namespace', 'pod-name']);
  assert.deepEqual(names("cat <<'EOF'\nvalue: <quoted-body>\nEOF"), ['quoted-body']);
  assert.deepEqual(names('cat <<EOF > page.html\n<html><body><b>hi</b></body></html>\nEOF'), []);
  // After the terminator, the shell is read normally again: `<<` inside the body is not an operator.
  assert.deepEqual(names('cat <<EOF\na <<b\nEOF\necho <after>'), ['after']);
  // Two here-documents on one line.
  assert.deepEqual(names('cmd <<A <<B\n<one>\nA\n<two>\nB\necho <three>'), ['one', 'two', 'three']);
});

test('comments hide placeholders, but # inside a word does not start a comment', () => {
  assert.deepEqual(names('# replace <namespace> first\noc get pods -n <ns> # then <ignored>'), ['ns']);
  assert.deepEqual(names('echo foo#<bar> ${#arr[@]} <baz>'), ['bar', 'baz']);
  assert.deepEqual(names('echo "# <in-quotes>"'), ['in-quotes']);
});

test('promql placeholders: comparisons and nested parentheses are not special, comments are', () => {
  assert.deepEqual(names('sum((rate(http_requests_total{pod="<pod>"}[5m]))) > 0 # <not-this>', 'promql'), ['pod']);
  assert.deepEqual(names('up < 1 and x > 2', 'promql'), []);
  assert.deepEqual(names('label_replace(up, "a", "#<b>", "c", "d")', 'promql'), ['b']);
});

test('fillPlaceholders replaces every occurrence verbatim and lists what is missing', () => {
  assert.deepEqual(fillPlaceholders('kubectl logs <pod> -n <ns> && echo <pod>', { pod: 'web-1' }), {
    code: 'kubectl logs web-1 -n <ns> && echo web-1',
    missing: ['ns'],
  });
  assert.deepEqual(fillPlaceholders('a <x> <y>', { x: '$(id)', y: '' }), { code: 'a $(id) ', missing: [] });
  // Not-placeholders stay as they are, and inherited object keys are not values.
  assert.deepEqual(fillPlaceholders('cat <<EOF\n<toString>\nEOF\nsort < in', {}), { code: 'cat <<EOF\n<toString>\nEOF\nsort < in', missing: ['toString'] });
  assert.deepEqual(fillPlaceholders('<a> # <b>', { a: '1', b: '2' }), { code: '1 # <b>', missing: [] });
});

test('a block lists unique placeholder names in order of first appearance', () => {
  const b = parseRunbook('```sh\noc -n <ns> get pod <pod>\noc -n <ns> logs <pod> -c <container>\n```\n').blocks[0];
  assert.deepEqual(b.placeholders, ['ns', 'pod', 'container']);
  assert.equal(b.placeholderRefs.length, 5);
  assert.deepEqual(b.placeholderRefs[3], { name: 'pod', line: 3, column: 16 });
});

test('fillBlock reads a block with the dialect of its kind', () => {
  const [promql, shell] = parseRunbook('```promql\nsum((rate(x{pod="<pod>"}[5m])))\n```\n```sh\necho $((1<2)) <pod>\n```\n').blocks;
  assert.deepEqual(promql.placeholders, ['pod']);
  assert.deepEqual(fillBlock(promql, { pod: 'web-1' }), { code: 'sum((rate(x{pod="web-1"}[5m])))', missing: [] });
  assert.deepEqual(fillBlock(shell, { pod: 'web-1' }), { code: 'echo $((1<2)) web-1', missing: [] });
  // Read as shell, the PromQL placeholder would sit inside (( )) and be missed.
  assert.deepEqual(fillPlaceholders(promql.code, { pod: 'web-1' }).code, promql.code);
});
