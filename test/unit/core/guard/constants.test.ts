// Consent dialogs show a destructive command with the block's own constants expanded, and nothing
// else: a hostile corpus of near-constants (reassigned, conditional, computed, read, looped, sourced…)
// that must be shown as written, beside realistic blocks that must be expanded.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assessCode } from '../../../../src/core/guard/classify';
import { withConstantsShown } from '../../../../src/core/guard/constants';
import { judgeBlock } from '../../../../src/core/guard/judgeBlock';
import { parseRunbook } from '../../../../src/core/runbook/parse';

async function shownCommands(code: string, placeholders: string[] = []): Promise<string[]> {
  const a = await withConstantsShown(code, await assessCode(code, undefined, { placeholders }), placeholders);
  return [...a.destructive, ...a.uncertain].map((f) => f.expanded ?? f.command);
}

/** [code, the destructive command as it must be shown]. */
const EXPANDED: [string, string][] = [
  ['NAMESPACE="photon-mlir"\nkubectl delete pod -n "$NAMESPACE" web-1', 'kubectl delete pod -n photon-mlir web-1'],
  ['NAMESPACE=photon-mlir\nkubectl delete pod -n $NAMESPACE web-1', 'kubectl delete pod -n photon-mlir web-1'],
  ["NAMESPACE='photon-mlir'\nkubectl delete pod -n ${NAMESPACE} web-1", 'kubectl delete pod -n photon-mlir web-1'],
  ['export NS="prod-eu"\nkubectl delete ns "$NS"', 'kubectl delete ns prod-eu'],
  ['readonly NS=prod-eu\nkubectl delete ns "${NS}"', 'kubectl delete ns prod-eu'],
  ['NS=a\nDEPLOY=web\nkubectl rollout restart "deployment/$DEPLOY" -n "$NS"', 'kubectl rollout restart deployment/web -n a'],
  ['NS=a && kubectl delete pod x -n "$NS"', 'kubectl delete pod x -n a'],
  ['APP=web\nkubectl delete pod "$APP-1"', 'kubectl delete pod web-1'],
  ['MSG="two words"\nkubectl annotate pod p "note=$MSG"', "kubectl annotate pod p 'note=two words'"],
  ['N=5\nkubectl scale deploy web --replicas=$N', 'kubectl scale deploy web --replicas=5'],
  ['NS=p\n# NS is the namespace; change NS for staging\nkubectl delete pod x -n $NS', 'kubectl delete pod x -n p'],
  ['NS=p\necho "Deleting in NS $NS"\nkubectl delete pod x -n $NS', 'kubectl delete pod x -n p'],
  ['NS=p\nprintf "NS=%s\\n" "$NS"\nkubectl delete pod x -n $NS', 'kubectl delete pod x -n p'],
  ['NS=p\nf() {\n  kubectl delete pod x -n "$NS"\n}\nf', 'kubectl delete pod x -n p'],
  ['NS=p\nkubectl get pods -n $NS -o name | \\\n  xargs -I {} kubectl delete {} -n $NS', 'xargs -I {} kubectl delete {} -n p'],
  ['NS=p\nkubectl delete pod <pod-name> -n "$NS"', 'kubectl delete pod <pod-name> -n p'],
  ['NS=p\nsudo kubectl delete pod x -n "$NS"', 'sudo kubectl delete pod x -n p'],
  ['DIR=/var/tmp/cache\nrm -rf "$DIR"', 'rm -rf /var/tmp/cache'],
  ['NS=ünïcode\nkubectl delete ns "$NS"', "kubectl delete ns 'ünïcode'"],
];

/** [code, what must still be shown as written]. */
const AS_WRITTEN: [string, string][] = [
  ['NS=$(kubectl config view --minify -o jsonpath={..namespace})\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS="${NAMESPACE:-photon}"\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nNS=b\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nNS+=b\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['kubectl delete pod x -n "$NS"\nNS=a', '"$NS"'],
  ['if [ -n "$PROD" ]; then NS=prod; fi\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['[ -n "$X" ] && NS=prod\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nread NS\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nread -r -p "namespace? " NS\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nfor NS in b c; do kubectl delete pod x -n "$NS"; done', '"$NS"'],
  ['NS=a\nf() { local NS=b; kubectl delete pod x -n "$NS"; }\nf', '"$NS"'],
  ['NS=a\nf() { NS=b; }\nf\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\n( NS=b )\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\neval "NS=b"\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nsource ./env.sh\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\n. ./env.sh\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nprintf -v NS "%s" b\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nV=NS\nprintf -v "$V" "%s" b\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nread "$V"\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\ndeclare "$V=b"\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nunset NS\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=1\n(( NS++ ))\nkubectl scale deploy web --replicas=$NS', '$NS'],
  ['NS=1\nlet NS=NS+1\nkubectl scale deploy web --replicas=$NS', '$NS'],
  ['NS=a\nmapfile -t NS < ns.txt\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\ngetopts "n:" NS\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nexport NS\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=(a b)\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a*\nkubectl delete pod x -n $NS', '$NS'],
  ['NS=~/x\nrm -rf $NS', '$NS'],
  ['NS="a\\"b"\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\\ b\nkubectl delete pod x -n $NS', '$NS'],
  ['NS=\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=$HOME\nrm -rf "$NS"', '"$NS"'],
  ['NS=`hostname`\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=$((1+2))\nkubectl scale deploy web --replicas=$NS', '$NS'],
  ['NS="a b"\nkubectl delete pod x -n $NS', '$NS'],
  ['NS=a\nkubectl delete pod x -n "${NS%a}b"', '"${NS%a}b"'],
  ['NS=a\nkubectl delete pod x -n "${NS:-b}"', '"${NS:-b}"'],
  ['NS=a\nkubectl delete pod x -n "$(date)-$NS"', '"$(date)-$NS"'],
  ['NS=a kubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nwhile read NS; do kubectl delete pod x -n "$NS"; done < list', '"$NS"'],
  ['NS=a\ncat list | while read -r NS; do kubectl delete pod x -n "$NS"; done', '"$NS"'],
  ['NS=a\ncase $1 in p) NS=prod;; esac\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\ndeclare -n NS=OTHER\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\ntypeset NS\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nreadarray NS < f\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['f() { kubectl delete pod x -n "$NS"; }\nNS=a\nf', '"$NS"'],
  ['while true; do NS=a; done\nkubectl delete pod x -n "$NS"', '"$NS"'],
  ['NS=a\nkubectl delete pod x -n "$NS2"', '"$NS2"'],
  ['NS=a\nkubectl delete pod x -n "$1"', '"$1"'],
  // A value that would read as more commands, or hide: never shown inline.
  ['NS="x\nkubectl delete ns kube-system"\nkubectl delete pod y -n "$NS"', '"$NS"'],
  ["NS='x\ty'\nkubectl delete pod y -n \"$NS\"", '"$NS"'],
  ["NS=$'x\\ny'\nkubectl delete pod y -n \"$NS\"", '"$NS"'],
];

test(`constants the block sets are expanded in what is shown (${EXPANDED.length} realistic blocks)`, async () => {
  let held = 0;
  for (const [code, want] of EXPANDED) {
    const placeholders = code.includes('<pod-name>') ? ['pod-name'] : [];
    const shown = await shownCommands(code, placeholders);
    assert.ok(shown.includes(want), `${JSON.stringify(code)}: shown ${JSON.stringify(shown)}, wanted ${want}`);
    held++;
  }
  assert.equal(held, EXPANDED.length);
});

/** Commands that print their words instead of acting, so real bash shows what it would have run. */
const STUBS = [
  ...['kubectl', 'rm', 'sudo'].map((c) => `${c}() { builtin printf '<%s>' ${c} "$@"; builtin echo; }`),
  'mkdir() { :; }', 'echo() { :; }', 'printf() { :; }',
].join('\n');

function wordsBashRuns(code: string): string {
  const r = spawnSync('bash', ['-c', `${STUBS}\n${code}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return r.stdout.trim().split('\n').pop() ?? '';
}

test('what is shown runs the same words in real bash as the block itself', async () => {
  let tried = 0;
  for (const [code] of EXPANDED) {
    // Pipelines into xargs reach the real binary, placeholders are not filled: left to the test above.
    if (code.includes('|') || code.includes('<')) continue;
    const [shown] = await shownCommands(code);
    const ran = wordsBashRuns(code);
    assert.match(ran, /^<(kubectl|rm|sudo)>/, `${JSON.stringify(code)} printed its words`);
    assert.equal(wordsBashRuns(shown), ran, `${JSON.stringify(code)} shown as ${shown}`);
    tried++;
  }
  assert.ok(tried >= 15, `${tried} blocks compared`);
});

test(`nothing computed, reassigned, conditional or read is expanded (${AS_WRITTEN.length} hostile blocks)`, async () => {
  const failures: string[] = [];
  for (const [code, kept] of AS_WRITTEN) {
    const shown = await shownCommands(code);
    assert.ok(shown.length > 0, `${JSON.stringify(code)} has a destructive command`);
    if (!shown.every((s) => s.includes(kept))) failures.push(`${JSON.stringify(code)} → ${JSON.stringify(shown)}`);
  }
  assert.deepEqual(failures, [], `held ${AS_WRITTEN.length - failures.length}/${AS_WRITTEN.length}`);
});

test('the reference recovery script names its real namespace and deployment in the decision', async () => {
  const file = path.join(__dirname, '../../../../examples/incident-response.md');
  const block = parseRunbook(fs.readFileSync(file, 'utf8')).blocks.find((b) => b.code.includes('auto-recovery.sh'));
  assert.ok(block);
  const { decision, assessment } = await judgeBlock(block, block.code);
  assert.equal(decision.action, 'confirm');
  assert.ok(decision.reasons.some((r) => r.startsWith('`xargs -I {} kubectl delete {} -n photon-mlir`')), decision.reasons.join('\n'));
  assert.ok(decision.reasons.some((r) => r.startsWith('`kubectl scale deployment photon-compiler --replicas=$replicas -n photon-mlir`')), decision.reasons.join('\n'));
  // What was written stays the finding's command (the JSON of explain); the expansion is beside it.
  assert.ok(assessment.destructive.some((f) => f.command === 'xargs -I {} kubectl delete {} -n $NAMESPACE' && f.expanded === 'xargs -I {} kubectl delete {} -n photon-mlir'));
});
