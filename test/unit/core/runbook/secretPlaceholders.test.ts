import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { isSecretName, rememberable } from '../../../../src/core/runbook/secretPlaceholders';
import { secretCommands } from '../../../../src/core/incident/redaction/secretCommands';

test('placeholder names that say secret', () => {
  const secret = ['password', 'es-password', 'DB_PASSWD', 'token', 'api-token', 'apiKey', 'api_key', 'key', 'secret', 'client-secret', 'credentials', 'creds', 'auth', 'dbpassword', 'vaultToken', 'passphrase', 'otp', 'private-key'];
  const plain = ['pod-name', 'namespace', 'NAMESPACE', 'deployment', 'keycloak-url', 'monkey', 'node', 'user', 'username', 'context', 'passenger-count', 'value of namespace label from alert'];
  assert.deepEqual(secret.filter((n) => !isSecretName(n)), []);
  assert.deepEqual(plain.filter((n) => isSecretName(n)), []);
});

test('secret values are never remembered: by name, or because the value trips a rule', () => {
  assert.deepEqual(rememberable({ 'pod-name': 'photon-1', 'es-password': 'hunter2hunter2', value: 'glpat-Xk29fJq8LmN3pQ7rT5vW' }), { 'pod-name': 'photon-1' });
});

test('commands that print secret material, from the bash parse', async () => {
  const yes = [
    "kubectl get secret db -o jsonpath='{.data.password}' | base64 -d", 'kubectl get secret db -o yaml', 'kubectl get secret db -ojson',
    "kubectl -n x get secret/db --output=go-template='{{.data}}'", 'oc get secrets -o json', 'kubectl get secret,configmap -o yaml',
    'oc whoami -t', 'oc whoami --show-token', 'vault token lookup', 'vault login -method=oidc', 'vault kv get secret/db', 'gcloud auth print-access-token',
    'aws sts assume-role --role-arn arn:aws:iam::1:role/x --role-session-name s', 'aws ecr get-login-password | docker login --password-stdin x',
    'kubectl create token default', 'sudo \\kubectl get secret x -o json', "bash -c 'oc whoami -t'", 'T=$(oc whoami -t); echo $T',
    'env FOO=1 kubectl get secret x -o json', 'kubectl exec p -- cat /var/run/secrets/kubernetes.io/serviceaccount/token', 'kubectl config view --raw',
    'aws secretsmanager get-secret-value --secret-id db', 'az account get-access-token', 'gh auth token', 'oc sa get-token builder',
  ];
  const no = ['kubectl get secrets', 'kubectl get secret db', 'kubectl describe secret db', 'kubectl get pods -o yaml', 'oc whoami', 'echo get secret -o yaml', 'aws sts get-caller-identity', 'kubectl config view', '# oc whoami -t'];
  const missed = [];
  for (const c of yes) if ((await secretCommands(c)).length === 0) missed.push(c);
  const falseAlarms = [];
  for (const c of no) if ((await secretCommands(c)).length > 0) falseAlarms.push(c);
  assert.deepEqual(missed, []);
  assert.deepEqual(falseAlarms, []);
});

/** Ways of writing those commands that an attacker (or a hurried SRE) uses: wrappers, quoting, loops, functions, aliases, variables. */
const HOSTILE = [
 "command kubectl get secret x -o yaml", '"kubectl" get secret x -o yaml', "kubectl get -o=yaml secret x", "kubectl get secret -ojsonpath='{.data}' x", "oc get secret/x -o json",
 "KUBECONFIG=/tmp/k kubectl get secret x -o json", "timeout 5 kubectl get secret x -o yaml", "kubectl get secrets -A -o json", "kubectl --namespace x get secret y -o yaml",
 "kubectl get sa,secret -o yaml", "sudo -E kubectl get secret x -o yaml", "watch kubectl get secret x -o yaml", "xargs -I{} kubectl get secret {} -o yaml", "/usr/bin/kubectl get secret x -o yaml",
 "kubectl get secret x --output jsonpath='{.data.p}'", "kubectl get secret x -o 'go-template={{.data}}'", "if true; then oc whoami -t; fi", "for s in a b; do kubectl get secret $s -o yaml; done",
 "f() { oc whoami -t; }; f", "echo $(gcloud auth print-access-token)", "TOKEN=`oc whoami -t`", "sh -c \"vault token lookup\"", "eval 'oc whoami -t'", "kubectl exec -it p -- sh -c 'cat /var/run/secrets/kubernetes.io/serviceaccount/token'",
 "aws --region eu-west-1 sts get-session-token", "aws ecr --region x get-login-password", "kubectl get secret x -o custom-columns=P:.data.password", "oc extract secret/db --to=-",
 "kubectl get secret x -o json | jq -r .data.password | base64 -d", "cat ~/.kube/config", "cat $HOME/.aws/credentials", "vault kv get -field=password secret/db", "kubectl   get   secret x   -o yaml",
 "kubectl get secret x -o yaml > /tmp/x; cat /tmp/x", "k=kubectl; $k get secret x -o yaml", "alias k=kubectl\nk get secret x -o yaml",
];

test('hostile spellings of secret-printing commands are all seen', async () => {
  const missed = [];
  for (const c of HOSTILE) if ((await secretCommands(c)).length === 0) missed.push(c);
  console.log(`secret-printing commands held: ${HOSTILE.length - missed.length}/${HOSTILE.length}`);
  assert.deepEqual(missed, []);
});

test('a secret-printing command escaped with a backslash on a later line is still seen', async () => {
  const lines = ['kubectl get secret db -o yaml', 'kubectl get secret db -o jsonpath={.data.password}', 'oc whoami -t', 'kubectl create token default'];
  const missed = [];
  for (const l of lines) for (const code of [`echo start\n\\${l}`, `x=1\n\\${l}`, `echo a\n\\\n${l}`]) if ((await secretCommands(code)).length === 0) missed.push(code);
  assert.deepEqual(missed, []);
});
