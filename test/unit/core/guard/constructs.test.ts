import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assessCode } from '../../../../src/core/guard/classify';
import { buildRules } from '../../../../src/core/guard/rules';

async function rules(code: string, r = buildRules()): Promise<string[]> {
  const a = await assessCode(code, r);
  return a.destructive.map((d) => d.rule);
}

test('sees through pipelines, lists, subshells, $( ) and backticks', async () => {
  assert.deepEqual(await rules('kubectl get pods -o name | grep bad | xargs kubectl delete'), ['kubectl-delete']);
  assert.deepEqual(await rules('kubectl get ns && kubectl drain node-1 --ignore-daemonsets || true'), ['kubectl-drain']);
  assert.deepEqual(await rules('(cd /tmp; kubectl cordon node-2)'), ['kubectl-cordon']);
  assert.deepEqual(await rules('echo "$(kubectl delete pod x)"'), ['kubectl-delete']);
  assert.deepEqual(await rules('echo `kubectl taint nodes n1 k=v:NoSchedule`'), ['kubectl-taint']);
  assert.deepEqual(await rules('X=$(kubectl label pod p a=b)'), ['kubectl-label']);
  assert.deepEqual(await rules('if kubectl annotate pod p a=b; then echo ok; fi'), ['kubectl-annotate']);
  assert.deepEqual(await rules('for p in a b; do kubectl delete pod "$p"; done'), ['kubectl-delete']);
});

test('sees through sudo, env, time, watch, nohup, timeout, nice and xargs prefixes', async () => {
  assert.deepEqual(await rules('sudo -u root kubectl delete pod x'), ['kubectl-delete']);
  assert.deepEqual(await rules('env KUBECONFIG=/tmp/k A=1 kubectl apply -f x.yaml'), ['kubectl-apply']);
  assert.deepEqual(await rules('time kubectl replace -f x.yaml'), ['kubectl-replace']);
  assert.deepEqual(await rules('watch -n 5 "kubectl delete pod x"'), ['kubectl-delete']);
  assert.deepEqual(await rules('watch -n 5 kubectl get pods'), []);
  assert.deepEqual(await rules('nohup kubectl edit deploy/x &'), ['kubectl-edit']);
  assert.deepEqual(await rules('timeout -s KILL 30 kubectl set image deploy/x c=img:2'), ['kubectl-set']);
  assert.deepEqual(await rules('sudo env X=1 timeout 5 nice -n 10 rm -rf /var/tmp/cache'), ['rm-recursive']);
  assert.deepEqual(await rules('find . -name "*.tmp" | xargs -I {} -P 4 rm -r {}'), ['rm-recursive', 'find-delete']);
});

test('kubectl global options before the verb, aliases, and read-only verbs', async () => {
  assert.deepEqual(await rules('kubectl -n prod --context=c1 delete pod x'), ['kubectl-delete']);
  assert.deepEqual(await rules('oc delete pod x'), ['kubectl-delete']);
  assert.deepEqual(await rules('kubectl get pods -o yaml; kubectl describe node n; kubectl logs -f p; kubectl rollout status deploy/x'), []);
  assert.deepEqual(await rules('kubectl rollout history deployment/x; kubectl rollout restart deployment/x'), ['kubectl-rollout-restart']);
  // The verb only appears as an argument value here.
  assert.deepEqual(await rules('kubectl get pods -l app=delete'), []);
});

test('quoting and $\'…\' escapes do not hide a verb', async () => {
  assert.deepEqual(await rules("k'ube'ctl \"del\"ete pod x"), ['kubectl-delete']);
  assert.deepEqual(await rules("$'\\x6b'ubectl delete pod x"), ['kubectl-delete']);
  assert.deepEqual(await rules('VERB=delete; kubectl $VERB pod x'), ['kubectl-delete']);
});

test('what cannot be seen through is uncertain, never safe', async () => {
  const a = await assessCode('kubectl $1 pod x');
  assert.deepEqual(a.destructive, []);
  assert.ok(a.uncertain.some((u) => u.rule === 'dynamic-verb'));
  assert.equal((await assessCode('$CMD pod x')).uncertain[0]?.rule, 'dynamic-command');
  assert.equal((await assessCode('eval "$X"')).uncertain[0]?.rule, 'eval');
});

test('functions defined and called in the block, with their arguments', async () => {
  assert.deepEqual(await rules('k() { kubectl "$@"; }\nk get pods\nk delete pod x'), ['kubectl-delete']);
  const a = await assessCode('nuke() {\n  kubectl delete ns "$1"\n}\necho start\nnuke staging');
  assert.deepEqual(a.destructive.map((d) => [d.rule, d.line, d.via]), [['kubectl-delete', 2, ['nuke']]]);
  // Defined but never called runs nothing (issue 17 §2); called from a trap it runs.
  assert.deepEqual(await rules('cleanup() { helm uninstall photon; }'), []);
  assert.deepEqual(await rules("cleanup() { helm uninstall photon; }\ntrap cleanup EXIT"), ['helm-uninstall']);
  // Recursion terminates.
  assert.deepEqual(await rules('f() { f; kubectl drain n; }\nf'), ['kubectl-drain']);
});

test('shells, eval and heredocs run code that is classified too', async () => {
  assert.deepEqual(await rules('bash -c "kubectl delete pod x"'), ['kubectl-delete']);
  assert.deepEqual(await rules("sh -ec 'helm rollback photon 3'"), ['helm-rollback']);
  assert.deepEqual(await rules('eval "kubectl scale deploy/x --replicas=0"'), ['kubectl-scale']);
  assert.deepEqual(await rules('bash <<EOF\nkubectl delete pod x\nEOF'), ['kubectl-delete']);
  assert.deepEqual(await rules('ssh bastion "sudo rm -rf /srv/data"'), ['rm-recursive']);
});

test('kubectl exec: read-only inner commands are fine, anything else is destructive', async () => {
  assert.deepEqual(await rules('kubectl exec -it deploy/x -- nc -zv db 5432'), []);
  assert.deepEqual(await rules('kubectl exec pod-1 -c app -- cat /etc/hosts'), []);
  assert.deepEqual(await rules('kubectl exec pod-1 -- sh -c "ls /data | wc -l"'), []);
  assert.deepEqual(await rules('kubectl exec pod-1 -- photon-admin reset-db-pool'), ['kubectl-exec']);
  assert.deepEqual(await rules('kubectl exec -it pod-1 -- bash'), ['kubectl-exec']);
  assert.deepEqual(await rules('kubectl exec pod-1 -- sh -c "ls; rm -rf /data"'), ['rm-recursive', 'kubectl-exec']);
});

test('helm, rm, dd, mkfs, truncate', async () => {
  assert.deepEqual(await rules('helm uninstall photon -n x'), ['helm-uninstall']);
  assert.deepEqual(await rules('helm --namespace x rollback photon 2'), ['helm-rollback']);
  assert.deepEqual(await rules('helm list; helm status photon'), []);
  assert.deepEqual(await rules('rm -fR build'), ['rm-recursive']);
  assert.deepEqual(await rules('rm --recursive build'), ['rm-recursive']);
  assert.deepEqual(await rules('rm -f one.txt'), []);
  assert.deepEqual(await rules('dd if=/dev/zero of=/dev/sdb bs=1M'), ['dd']);
  assert.deepEqual(await rules('mkfs.ext4 /dev/sdb1'), ['mkfs']);
  assert.deepEqual(await rules('truncate -s 0 /var/log/app.log'), ['truncate']);
});

test('psql and mysql only when the SQL drops, deletes or truncates', async () => {
  assert.deepEqual(await rules('psql -h db -c "DROP TABLE sessions"'), ['psql-write']);
  assert.deepEqual(await rules('psql --command="delete from sessions where id = 1"'), ['psql-write']);
  assert.deepEqual(await rules('psql -c "SELECT count(*) FROM sessions"'), []);
  assert.deepEqual(await rules("psql -c \"SELECT 'DROP' AS word\""), []);
  assert.deepEqual(await rules('psql app <<SQL\nBEGIN;\nTRUNCATE audit_log;\nCOMMIT;\nSQL'), ['psql-write']);
  assert.deepEqual(await rules('echo "drop database app;" | psql'), ['psql-write']);
  assert.deepEqual(await rules('psql <<< "DELETE FROM t"'), ['psql-write']);
  assert.deepEqual(await rules('mysql -e "DROP TABLE t"'), ['psql-write'].map(() => 'mysql-write'));
});

test('deny rules come from data and win', async () => {
  const r = buildRules({ deny: ['kubectl delete namespace', 'photon-admin wipe'] });
  const a = await assessCode('kubectl delete namespace photon', r);
  assert.deepEqual(a.denied.map((d) => d.rule), ['deny: kubectl delete namespace']);
  assert.deepEqual((await assessCode('sudo rm -rf /', r)).denied.map((d) => d.rule), ['deny-rm-root']);
  assert.deepEqual((await assessCode('rm -rf /tmp/x', r)).denied, []);
  assert.deepEqual((await assessCode('photon-admin --verbose wipe all', r)).denied.length, 1);
  assert.deepEqual((await assessCode('photon-admin list wipe', r)).denied.length, 0);
  assert.deepEqual((await assessCode('photon-admin wipe --all', r)).denied.length, 1);
});

test('unparseable code is reported, never silently safe', async () => {
  const a = await assessCode('kubectl get pods (');
  assert.match(a.parseError ?? '', /syntax error at line 1/);
  const b = await assessCode('if true; then\n  kubectl delete pod x\n');
  assert.ok(b.parseError);
});

test('placeholders are read as words, not as redirections', async () => {
  const a = await assessCode('kubectl delete pod <pod-name> -n photon', buildRules(), { placeholders: ['pod-name'] });
  assert.deepEqual(a.destructive.map((d) => d.command), ['kubectl delete pod <pod-name> -n photon']);
});
