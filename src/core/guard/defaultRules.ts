/**
 * The default guard rules. They are data: settings add to them
 * (`runbookLens.safety.extraDestructive`, `runbookLens.safety.deny`), code never special-cases a verb.
 */
import type { CommandRule, GuardRules } from './types';

const kubectlVerb = (verb: string, reason: string): CommandRule => ({ id: `kubectl-${verb.replace(/ /g, '-')}`, pattern: `kubectl ${verb}`, reason });

const SQL_WRITES = ['DROP', 'DELETE', 'TRUNCATE'];

export const DEFAULT_RULES: GuardRules = {
  destructive: [
    kubectlVerb('delete', 'deletes cluster resources'),
    kubectlVerb('drain', 'evicts every pod from a node'),
    kubectlVerb('cordon', 'stops scheduling on a node'),
    kubectlVerb('scale', 'changes the number of replicas'),
    kubectlVerb('patch', 'changes live resources'),
    kubectlVerb('apply', 'changes live resources'),
    kubectlVerb('replace', 'replaces live resources'),
    kubectlVerb('edit', 'changes live resources'),
    kubectlVerb('set', 'changes live resources (image, env, resources …)'),
    kubectlVerb('label', 'changes labels, which can move traffic and scheduling'),
    kubectlVerb('annotate', 'changes annotations'),
    kubectlVerb('taint', 'changes node taints, which can evict pods'),
    kubectlVerb('rollout restart', 'restarts every pod of a workload'),
    kubectlVerb('rollout undo', 'rolls a workload back to an older revision'),
    { id: 'kubectl-exec', pattern: 'kubectl exec', reason: 'runs a command that can change state inside a container', innerCommand: true },
    { id: 'helm-uninstall', pattern: 'helm uninstall', reason: 'removes a release and its resources' },
    { id: 'helm-delete', pattern: 'helm delete', reason: 'removes a release and its resources' },
    { id: 'helm-rollback', pattern: 'helm rollback', reason: 'rolls a release back' },
    { id: 'rm-recursive', pattern: 'rm -r', reason: 'deletes files recursively' },
    { id: 'rm-recursive', pattern: 'rm -R', reason: 'deletes files recursively' },
    { id: 'rm-recursive', pattern: 'rm --recursive', reason: 'deletes files recursively' },
    { id: 'dd', pattern: 'dd', reason: 'overwrites files or devices' },
    { id: 'mkfs', pattern: 'mkfs*', reason: 'formats a file system' },
    { id: 'truncate', pattern: 'truncate', reason: 'cuts files short' },
    { id: 'shred', pattern: 'shred', reason: 'destroys file contents' },
    { id: 'wipefs', pattern: 'wipefs', reason: 'erases file-system signatures' },
    { id: 'psql-write', pattern: 'psql', reason: 'runs SQL that drops or deletes data', sqlKeywords: SQL_WRITES, sqlFlags: ['-c', '--command'] },
    { id: 'mysql-write', pattern: 'mysql', reason: 'runs SQL that drops or deletes data', sqlKeywords: SQL_WRITES, sqlFlags: ['-e', '--execute'] },
  ],
  deny: [
    { id: 'deny-rm-root', pattern: 'rm -r /', reason: 'deletes the whole file system' },
    { id: 'deny-rm-root', pattern: 'rm -R /', reason: 'deletes the whole file system' },
    { id: 'deny-rm-root', pattern: 'rm --recursive /', reason: 'deletes the whole file system' },
    { id: 'deny-delete-kube-system', pattern: 'kubectl delete namespace kube-system', reason: 'deletes the cluster control namespace' },
    { id: 'deny-delete-kube-system', pattern: 'kubectl delete ns kube-system', reason: 'deletes the cluster control namespace' },
  ],
  programs: {
    kubectl: {
      aliases: ['oc', 'kubecolor'],
      valueFlags: [
        '-n', '--namespace', '--context', '--cluster', '--kubeconfig', '--user', '-s', '--server', '--token', '--as',
        '--as-group', '--as-uid', '--request-timeout', '--cache-dir', '--certificate-authority', '--client-certificate',
        '--client-key', '--tls-server-name', '--profile', '--profile-output', '-v', '--log-file', '-c', '--container',
        '-l', '--selector', '-f', '--filename', '-o', '--output', '-p', '--patch', '--type', '--field-selector',
        '--replicas', '--timeout', '--grace-period', '-k', '--kustomize', '--to-revision', '--field-manager',
      ],
    },
    helm: {
      valueFlags: ['-n', '--namespace', '--kube-context', '--kubeconfig', '--kube-token', '--kube-apiserver', '--registry-config', '--repository-cache', '--repository-config', '--timeout', '--description'],
    },
    psql: { valueFlags: ['-d', '--dbname', '-h', '--host', '-p', '--port', '-U', '--username', '-f', '--file', '-v', '--set', '--variable', '-o', '--output', '-P', '--pset', '-L', '--log-file', '-F', '-R'] },
    mysql: { valueFlags: ['-h', '--host', '-P', '--port', '-u', '--user', '-D', '--database', '-S', '--socket'] },
  },
  wrappers: {
    sudo: { valueFlags: ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '--user', '--group', '--host', '--prompt', '--chdir', '--close-from', '--role', '--type', '--other-user', '--command-timeout'], skipAssignments: true },
    doas: { valueFlags: ['-u', '-C'] },
    env: { valueFlags: ['-u', '--unset', '-C', '--chdir'], skipAssignments: true },
    time: { valueFlags: ['-f', '--format', '-o', '--output'] },
    nohup: {},
    nice: { valueFlags: ['-n', '--adjustment'] },
    ionice: { valueFlags: ['-c', '--class', '-n', '--classdata', '-p', '--pid'] },
    stdbuf: { valueFlags: ['-i', '-o', '-e'] },
    timeout: { valueFlags: ['-s', '--signal', '-k', '--kill-after'], skipPositionals: 1 },
    command: {},
    builtin: {},
    exec: { valueFlags: ['-a'] },
    xargs: { valueFlags: ['-I', '-n', '--max-args', '-L', '--max-lines', '-P', '--max-procs', '-s', '--max-chars', '-d', '--delimiter', '-E', '-a', '--arg-file', '--process-slot-var'] },
    watch: { valueFlags: ['-n', '--interval', '-q', '--equexit'], shellString: true },
    ssh: { valueFlags: ['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w', '-B'], skipPositionals: 1, shellString: true },
    flock: { valueFlags: ['-w', '--timeout', '-E', '--conflict-exit-code'], skipPositionals: 1 },
    chronic: {},
    unbuffer: {},
  },
  shells: ['bash', 'sh', 'zsh', 'ksh', 'dash', 'ash', 'mksh'],
  readOnly: [
    'cat', 'ls', 'nc', 'ncat', 'env', 'printenv', 'ps', 'df', 'du', 'head', 'tail', 'grep', 'egrep', 'fgrep', 'echo', 'ping',
    'nslookup', 'dig', 'host', 'getent', 'id', 'whoami', 'hostname', 'date', 'uname', 'uptime', 'free', 'top', 'netstat',
    'ss', 'stat', 'wc', 'sort', 'uniq', 'less', 'more', 'true', 'pg_isready', 'lsof', 'jq', 'sleep', 'which', 'pwd', 'tree',
    'file', 'md5sum', 'sha256sum', 'nproc', 'cut', 'vmstat', 'iostat', 'mpstat', 'traceroute', 'tracepath',
  ],
};
