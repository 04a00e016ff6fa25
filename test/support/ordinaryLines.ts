/**
 * Ordinary output an SRE records during an incident: kubectl, helm, terraform, logs, JSON
 * logs, digests and IDs, and lines that mention secrets without holding one. None of it is a
 * secret; redaction may mask at most 1 % of it. Generated (seeded) from realistic templates.
 */
import { rng } from './credentialCorpus';

/** Lines that name or reference secrets; each must pass unchanged. */
export const SECRET_REFERENCES = [
  // Found by an independent red-team run.
  'kubectl create secret generic app --from-literal=user=admin secret=db-credentials',
  '      --password string          Password for the database user',
  "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)",
  '  client_secret = var.client_secret',
  '  password      = random_password.db.result',
  'Authorization: [credentials omitted]',
  'existingSecret: db-credentials',
  '  existingSecret: "postgres-auth"',
  'useExistingSecret: true',
  'secretName: db-credentials',
  '        secretKeyRef:',
  '          name: db-credentials',
  '          key: password',
  '    checksum/secret: 3f2a9c0d4b1e8f7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b',
  '    checksum/config: 9b8c7d6e5f4a3b3f2a9c0d4b1e8f7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a',
  'Error from server (NotFound): secrets "db-credentials" not found',
  '  Warning  FailedMount  12s (x7 over 2m)  kubelet  MountVolume.SetUp failed for volume "db-credentials" : secret "db-credentials" not found',
  '  Warning  FailedMount  3s  kubelet  MountVolume.SetUp failed for volume "api-token" : secret "api-token" not found',
  "      DB_PASSWORD:  <set to the key 'password' in secret 'db-credentials'>  Optional: false",
  "      API_TOKEN:    <set to the key 'token' in secret 'photon-api'>  Optional: false",
  '      + password = (sensitive value)',
  '      ~ secret_string = (sensitive value)',
  '      + token    = (known after apply)',
  '  # module.db.aws_db_instance.main will be updated in-place',
  'password: <password>',
  'token: ${TOKEN}',
  'api_key: "{{ .Values.apiKey }}"',
  'TOKEN=$(oc whoami -t)',
  'curl -H "Authorization: Bearer $(oc create token prometheus-k8s -n openshift-monitoring)" https://thanos-querier:9091/api/v1/query',
  'automountServiceAccountToken: false',
  'serviceAccountName: photon-compiler',
  'secret/db-credentials created',
  'secret/db-credentials configured',
  'NAME              TYPE     DATA   AGE',
  'db-credentials    Opaque   2      41d',
  'Type:  Opaque',
  'password:  16 bytes',
  'username:  8 bytes',
  'vault.hashicorp.com/agent-inject-secret-db: database/creds/photon',
  'The token expired; run oc login again.',
  'error: You must be logged in to the server (Unauthorized)',
  'token_type: Bearer',
  'passwordPolicy: strong',
  'tokenTTL: 24h',
  'secretsEncryption: aescbc',
];

const PODS = ['photon-compiler', 'photon-api', 'photon-db', 'redis-master', 'ingress-nginx-controller', 'prometheus-k8s', 'alertmanager-main', 'thanos-querier', 'cert-manager', 'etcd'];
const NS = ['photon-mlir', 'openshift-monitoring', 'kube-system', 'ingress-nginx', 'cert-manager', 'default'];
const STATUS = ['Running', 'CrashLoopBackOff', 'Pending', 'Completed', 'Error', 'ImagePullBackOff', 'OOMKilled', 'Terminating'];
const REASONS = ['BackOff', 'Pulled', 'Created', 'Started', 'Killing', 'Unhealthy', 'FailedScheduling', 'SuccessfulCreate', 'ScalingReplicaSet'];

type R = () => number;
const pick = <T>(r: R, xs: T[]): T => xs[Math.floor(r() * xs.length)];
const str = (r: R, alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
const hex = (r: R, n: number) => str(r, '0123456789abcdef', n);
const podName = (r: R) => `${pick(r, PODS)}-${hex(r, 9)}-${str(r, 'bcdfghjklmnpqrstvwxz2456789', 5)}`;
const uuid = (r: R) => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`;
const ts = (r: R) => `2026-12-01T${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}.${String(Math.floor(r() * 1000)).padStart(3, '0')}Z`;

const TEMPLATES: ((r: R) => string)[] = [
  (r) => `${podName(r)}   1/1     ${pick(r, STATUS)}   ${Math.floor(r() * 40)}          ${Math.floor(r() * 90)}m`,
  (r) => `${pick(r, NS)}   ${podName(r)}   0/1   ${pick(r, STATUS)}   7 (2m ago)   3d`,
  (r) => `  Normal   ${pick(r, REASONS)}   ${Math.floor(r() * 60)}s   kubelet   Successfully pulled image "quay.io/photon/${pick(r, PODS)}@sha256:${hex(r, 64)}" in 1.2s`,
  (r) => `  Warning  ${pick(r, REASONS)}  ${Math.floor(r() * 60)}s   kubelet  Back-off restarting failed container ${pick(r, PODS)} in pod ${podName(r)}_${pick(r, NS)}(${uuid(r)})`,
  (r) => `    Image ID:       quay.io/photon/${pick(r, PODS)}@sha256:${hex(r, 64)}`,
  (r) => `    Container ID:   cri-o://${hex(r, 64)}`,
  (r) => `  uid: ${uuid(r)}`,
  (r) => `  resourceVersion: "${Math.floor(r() * 1e8)}"`,
  (r) => `    pod-template-hash: ${hex(r, 9)}`,
  (r) => `deployment.apps/${pick(r, PODS)} restarted`,
  (r) => `Waiting for deployment "${pick(r, PODS)}" rollout to finish: ${Math.floor(r() * 3)} of 3 updated replicas are available...`,
  (r) => `${ts(r)} INFO  [${pick(r, PODS)}] request_id=${uuid(r)} method=GET path=/api/v1/compile status=200 duration_ms=${Math.floor(r() * 900)}`,
  (r) => `${ts(r)} ERROR [${pick(r, PODS)}] trace_id=${hex(r, 32)} span_id=${hex(r, 16)} msg="connection refused" upstream=photon-db:5432`,
  (r) => `{"level":"warn","ts":"${ts(r)}","caller":"server/handler.go:${Math.floor(r() * 400)}","msg":"slow request","request_id":"${uuid(r)}","latency":"${(r() * 5).toFixed(3)}s"}`,
  (r) => `{"level":"error","ts":${Math.floor(r() * 1e10)},"logger":"etcd","msg":"failed to send out heartbeat on time","to":"${hex(r, 16)}","heartbeat-interval":"100ms"}`,
  (r) => `commit ${hex(r, 40)}`,
  (r) => `${hex(r, 7)} Fix the retry loop in the compiler client (#${Math.floor(r() * 9000)})`,
  () => `NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION`,
  (r) => `${pick(r, PODS)}\t${pick(r, NS)}\t${Math.floor(r() * 30)}\t2026-11-30 14:02:11.${hex(r, 6)} +0000 UTC\tdeployed\t${pick(r, PODS)}-1.${Math.floor(r() * 20)}.0\t2.${Math.floor(r() * 9)}.1`,
  (r) => `  # aws_instance.photon[${Math.floor(r() * 4)}] will be updated in-place`,
  (r) => `      ~ ami = "ami-${hex(r, 17)}" -> "ami-${hex(r, 17)}"`,
  (r) => `      id                           = "i-${hex(r, 17)}"`,
  (r) => `aws_security_group.photon: Refreshing state... [id=sg-${hex(r, 17)}]`,
  (r) => `Plan: ${Math.floor(r() * 5)} to add, ${Math.floor(r() * 5)} to change, 0 to destroy.`,
  (r) => `node/ip-10-0-${Math.floor(r() * 255)}-${Math.floor(r() * 255)}.eu-west-1.compute.internal   Ready    worker   41d   v1.30.4`,
  (r) => `etcd-member-${Math.floor(r() * 3)}   raft_term=${Math.floor(r() * 900)} db_size=${Math.floor(r() * 900)}MB revision=${Math.floor(r() * 1e7)}`,
  (r) => `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"pod":"${podName(r)}"},"value":[${Math.floor(r() * 1e9)}.${Math.floor(r() * 999)},"${(r() * 100).toFixed(2)}"]}]}}`,
  (r) => `ALERT ${pick(r, ['KubePodCrashLooping', 'PhotonCompilerDown', 'TargetDown', 'etcdHighFsyncDurations'])} firing since ${ts(r)} fingerprint=${hex(r, 16)}`,
  (r) => `Certificate photon-tls is valid until 2027-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}; serial ${hex(r, 32).toUpperCase()}`,
  (r) => `    "ETag": "\\"${hex(r, 32)}\\"",`,
  (r) => `x-request-id: ${uuid(r)}`,
  (r) => `< HTTP/1.1 ${pick(r, ['200 OK', '503 Service Unavailable', '401 Unauthorized', '404 Not Found'])}`,
  (r) => `Digest: sha256:${hex(r, 64)}`,
  (r) => `  Session ID: ${hex(r, 8)}; keep-alive timeout 5s`,
  (r) => `kube-apiserver-${Math.floor(r() * 3)}  apiserver_request_total{code="${pick(r, ['200', '429', '500'])}",verb="LIST"} ${Math.floor(r() * 1e6)}`,
];

export function ordinaryLines(count = 1200, seed = 5): string[] {
  const r = rng(seed);
  const lines = [...SECRET_REFERENCES];
  while (lines.length < count) lines.push(pick(r, TEMPLATES)(r));
  return lines;
}
