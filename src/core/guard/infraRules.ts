/**
 * Destructive verbs of the cloud, infrastructure, container, service and datastore CLIs an SRE
 * runs during an incident: deletes, terminations, stops and restarts, state surgery, flushes,
 * and applies that change live infrastructure. Data only, merged into DEFAULT_RULES.
 */
import type { CommandRule, ProgramSpec } from './types';

const verbs = (prefix: string, id: string, reason: string, list: string[]): CommandRule[] =>
  list.map((v) => ({ id: `${id}-${v.replace(/[ *]+/g, '-').replace(/-+$/, '')}`, pattern: `${prefix} ${v}`, reason }));

const AWS_CHANGES = ['send-command', 'execute-command', 'invoke', 'delete-*', 'terminate-*', 'remove-*', 'deregister-*', 'stop-*', 'reboot-*', 'failover-*', 'detach-*', 'disassociate-*', 'revoke-*', 'purge-*', 'cancel-*', 'disable-*', 'modify-*', 'update-*', 'put-*', 'set-*', 'reset-*', 'restore-*'];
const GCLOUD_CHANGES = ['delete', 'stop', 'reset', 'suspend', 'resize', 'restart', 'failover', 'patch', 'update', 'upgrade', 'rollback', 'remove-iam-policy-binding', 'add-iam-policy-binding', 'set-iam-policy', 'disable', 'deploy', 'promote-replica'];
const AZ_CHANGES = ['delete', 'purge', 'stop', 'deallocate', 'restart', 'redeploy', 'reimage', 'scale', 'update', 'upgrade', 'failover', 'remove', 'reset', 'set', 'swap', 'rotate'];
const REDIS_WRITES = ['FLUSHALL', 'FLUSHDB', 'DEL', 'UNLINK', 'SHUTDOWN', 'SWAPDB', 'MIGRATE', 'REPLICAOF', 'SLAVEOF', 'DEBUG', 'RENAME', 'EXPIRE', 'SET', 'GETDEL'];
const MONGO_WRITES = ['dropDatabase', 'drop', 'dropIndex', 'dropIndexes', 'deleteOne', 'deleteMany', 'remove', 'findOneAndDelete', 'findAndModify', 'updateOne', 'updateMany', 'replaceOne', 'renameCollection', 'shutdownServer', 'killOp', 'dropUser', 'dropAllUsers', 'stepDown', 'reconfig'];

export const INFRA_RULES: CommandRule[] = [
  { id: 'terraform-destroy', pattern: 'terraform destroy', reason: 'destroys every resource in the state' },
  { id: 'terraform-apply-destroy', pattern: 'terraform apply -destroy', reason: 'destroys every resource in the state' },
  { id: 'terraform-apply', pattern: 'terraform apply', reason: 'changes live infrastructure' },
  ...verbs('terraform', 'terraform', 'changes the Terraform state by hand', ['state rm', 'state mv', 'state replace-provider', 'state push', 'import', 'taint', 'untaint', 'force-unlock', 'workspace delete']),
  { id: 'pulumi-destroy', pattern: 'pulumi destroy', reason: 'destroys every resource in the stack' },
  { id: 'pulumi-up', pattern: 'pulumi up', reason: 'changes live infrastructure' },
  ...verbs('pulumi', 'pulumi', 'changes the Pulumi stack or its state by hand', ['stack rm', 'state delete', 'state unprotect', 'cancel', 'refresh']),
  { id: 'aws-s3-rm', pattern: 'aws s3 rm', reason: 'deletes S3 objects' },
  { id: 'aws-s3-rb', pattern: 'aws s3 rb', reason: 'deletes an S3 bucket' },
  { id: 'aws-s3-mv', pattern: 'aws s3 mv', reason: 'moves S3 objects (deletes the source)' },
  { id: 'aws-s3-sync-delete', pattern: 'aws s3 sync --delete', reason: 'deletes files missing from the source' },
  ...verbs('aws *', 'aws', 'changes or deletes live cloud resources', AWS_CHANGES).map((r) => ({ ...r, except: ['aws eks update-kubeconfig', 'aws configure ...'] })),
  ...verbs('gcloud ...', 'gcloud', 'changes or deletes live cloud resources', GCLOUD_CHANGES).map((r) => ({ ...r, except: ['gcloud components ...', 'gcloud config ...'] })),
  ...verbs('az ...', 'az', 'changes or deletes live cloud resources', AZ_CHANGES).map((r) => ({ ...r, except: ['az upgrade', 'az extension ...', 'az config ...', 'az account set', 'az aks get-credentials'] })),
  ...verbs('doctl ...', 'doctl', 'changes or deletes live cloud resources', ['delete', 'update', 'resize', 'power-off', 'shutdown', 'reboot']),
  ...verbs('redis-cli', 'redis-cli', 'deletes or changes cached data, or stops the server', [...REDIS_WRITES, 'CONFIG SET', 'CLIENT KILL', 'SCRIPT FLUSH', 'FUNCTION FLUSH', 'CLUSTER RESET', 'CLUSTER FAILOVER', 'CLUSTER FORGET'].map((v) => v.toLowerCase())).map((r) => ({ ...r, ignoreCase: true })),
  { id: 'redis-cli-stdin', pattern: 'redis-cli', reason: 'deletes or changes cached data, or stops the server', sqlKeywords: REDIS_WRITES, sqlFlags: [] },
  ...verbs('etcdctl', 'etcdctl', 'changes the etcd data or cluster', ['del', 'put', 'compact', 'defrag', 'move-leader', 'member remove', 'member update', 'lease revoke', 'snapshot restore', 'auth disable', 'user delete', 'role delete', 'alarm disarm']),
  { id: 'mongo-write', pattern: 'mongo*', reason: 'runs database code that drops, deletes or changes data', sqlKeywords: MONGO_WRITES, sqlFlags: ['--eval'] },
  ...verbs('docker', 'docker', 'removes or stops containers, images or volumes', ['rm', 'rmi', 'kill', 'stop', 'restart', 'system prune', 'container prune', 'image prune', 'volume prune', 'network prune', 'builder prune', 'container rm', 'container kill', 'container stop', 'container restart', 'image rm', 'volume rm', 'network rm', 'service rm', 'service scale', 'service update', 'stack rm', 'swarm leave', 'node rm', 'compose down', 'compose rm', 'compose stop', 'compose restart']),
  { id: 'docker-exec', pattern: 'docker exec', reason: 'runs a command that can change state inside a container', innerCommand: true },
  ...verbs('crictl', 'crictl', 'removes or stops containers, pods or images on the node', ['rm', 'rmi', 'rmp', 'stop', 'stopp']),
  ...verbs('systemctl', 'systemctl', 'stops, restarts or disables a service, or the machine', ['stop', 'restart', 'try-restart', 'reload-or-restart', 'kill', 'disable', 'mask', 'isolate', 'reboot', 'poweroff', 'halt', 'rescue', 'emergency', 'kexec']),
  ...verbs('service *', 'service', 'stops or restarts a service', ['stop', 'restart', 'force-reload']),
  ...['reboot', 'shutdown', 'poweroff', 'halt'].map((p) => ({ id: p, pattern: p, reason: 'stops or restarts the machine' })),
  ...['kill', 'pkill', 'killall'].map((p) => ({ id: p, pattern: p, reason: 'kills processes' })),
  ...verbs('virsh', 'virsh', 'stops, resets or removes a virtual machine or its storage', ['destroy', 'undefine', 'shutdown', 'reboot', 'reset', 'vol-delete', 'vol-wipe', 'pool-destroy', 'pool-delete', 'snapshot-delete', 'managedsave-remove']),
  ...verbs('helm', 'helm', 'changes a live release', ['upgrade']),
  ...verbs('velero', 'velero', 'deletes backups or restores over live resources', ['delete', 'backup delete', 'restore create', 'create restore', 'schedule delete']),
  ...verbs('argocd', 'argocd', 'changes or deletes live applications', ['app delete', 'app sync', 'app rollback', 'app terminate-op', 'app set', 'app patch', 'cluster rm', 'repo rm', 'proj delete']),
  ...verbs('flux', 'flux', 'changes or deletes live resources', ['delete', 'suspend', 'uninstall']),
  ...verbs('vault', 'vault', 'deletes or changes secrets, or seals the server', ['delete', 'kv delete', 'kv destroy', 'kv metadata delete', 'kv put', 'write', 'secrets disable', 'auth disable', 'lease revoke', 'token revoke', 'operator seal', 'operator step-down', 'operator raft remove-peer', 'policy delete']),
  ...verbs('consul', 'consul', 'deletes or changes cluster data', ['kv delete', 'kv put', 'force-leave', 'leave', 'operator raft remove-peer', 'snapshot restore']),
  ...verbs('nomad', 'nomad', 'stops or changes jobs and nodes', ['job stop', 'stop', 'job run', 'run', 'node drain', 'node eligibility', 'system gc', 'job scale']),
  ...verbs('rabbitmqctl', 'rabbitmqctl', 'deletes queues, users or state, or stops the node', ['delete_queue', 'purge_queue', 'delete_vhost', 'delete_user', 'stop', 'stop_app', 'reset', 'force_reset', 'forget_cluster_node', 'close_all_connections']),
  ...verbs('kafka-topics*', 'kafka-topics', 'deletes or changes topics', ['--delete', '--alter']),
  ...verbs('kafka-consumer-groups*', 'kafka-consumer-groups', 'deletes groups or moves their offsets', ['--delete', '--reset-offsets --execute']),
  { id: 'cqlsh-write', pattern: 'cqlsh', reason: 'runs CQL that drops, deletes or changes data', sqlKeywords: ['DROP', 'DELETE', 'TRUNCATE', 'UPDATE', 'ALTER', 'INSERT'], sqlFlags: ['-e', '--execute'] },
  { id: 'mongorestore-drop', pattern: 'mongorestore --drop', reason: 'drops each collection before restoring it' },
  ...['lvremove', 'vgremove', 'pvremove', 'fdisk', 'parted', 'sgdisk', 'blkdiscard', 'zpool destroy', 'zfs destroy', 'iptables -F', 'iptables --flush', 'nft flush', 'ip link delete', 'ip route flush', 'userdel', 'crontab -r', 'umount', 'swapoff'].map((p) => ({ id: p.replace(/[ *-]+/g, '-').replace(/^-|-$/g, ''), pattern: p, reason: 'destroys data or takes down part of the system' })),
];

export const INFRA_PROGRAMS: Record<string, ProgramSpec> = {
  terraform: { aliases: ['tofu', 'terragrunt'], helpFlags: ['-h', '-help'], valueFlags: ['-chdir'] },
  pulumi: { helpFlags: ['-h'], valueFlags: ['-s', '--stack', '-C', '--cwd', '--color'] },
  aws: { helpWords: ['help'], dryRun: ['--dry-run'], valueFlags: ['--region', '--profile', '--output', '--query', '--endpoint-url', '--color', '--cli-read-timeout', '--cli-connect-timeout', '--ca-bundle', '--cli-input-json', '--cli-input-yaml', '--instance-ids', '--bucket', '--key', '--filters', '--db-instance-identifier', '--cluster', '--service', '--function-name', '--stack-name'] },
  gcloud: { helpFlags: ['-h'], helpWords: ['help'], valueFlags: ['--project', '--zone', '--region', '--account', '--configuration', '--format', '--filter', '--verbosity', '--impersonate-service-account', '--billing-project', '--location', '--cluster', '--instance'] },
  az: { helpFlags: ['-h'], valueFlags: ['-g', '--resource-group', '-n', '--name', '--subscription', '-o', '--output', '--query', '--location', '-l'] },
  doctl: { helpFlags: ['-h'], valueFlags: ['-t', '--access-token', '--context', '-o', '--output', '--format'] },
  'redis-cli': { valueFlags: ['-h', '-p', '-a', '-s', '-u', '-n', '-r', '-i', '--user', '--pass', '--askpass', '--tls', '--cacert', '--cert', '--key', '--sni', '-d', '-D'] },
  etcdctl: { helpFlags: ['-h'], valueFlags: ['--endpoints', '--cacert', '--cert', '--key', '--user', '--password', '-w', '--write-out', '--dial-timeout', '--command-timeout'] },
  docker: { aliases: ['podman', 'nerdctl'], helpFlags: ['-h'], valueFlags: ['-H', '--host', '--context', '-c', '--config', '-l', '--log-level', '-u', '--user', '-w', '--workdir', '-e', '--env', '--env-file', '-f', '--file', '-p', '--project-name', '--filter', '-t', '--time', '-s', '--signal'] },
  crictl: { helpFlags: ['-h'], valueFlags: ['-r', '--runtime-endpoint', '-i', '--image-endpoint', '-c', '--config', '-t', '--timeout'] },
  systemctl: { helpFlags: ['-h'], valueFlags: ['-H', '--host', '-M', '--machine', '-t', '--type', '--state', '-p', '--property', '-s', '--signal', '--kill-whom', '-n', '--lines', '-o', '--output'] },
  virsh: { helpFlags: ['-h'], valueFlags: ['-c', '--connect', '-d', '--debug', '-l', '--log', '-k', '--keepalive-interval', '-K', '--keepalive-count'] },
  velero: { helpFlags: ['-h'], valueFlags: ['-n', '--namespace', '--kubeconfig', '--kubecontext', '--from-backup', '--from-schedule'] },
  argocd: { helpFlags: ['-h'], valueFlags: ['--server', '--auth-token', '--grpc-web-root-path', '--config', '--revision', '-p', '--parameter'] },
  flux: { helpFlags: ['-h'], valueFlags: ['-n', '--namespace', '--kubeconfig', '--context'] },
  vault: { helpFlags: ['-h'], valueFlags: ['-address', '-namespace', '-format', '-mount', '-field'] },
  nomad: { helpFlags: ['-h'], valueFlags: ['-address', '-region', '-namespace', '-token'] },
  kill: { valueFlags: ['-s', '-n'] },
  pkill: { valueFlags: ['-u', '-U', '-g', '-G', '-P', '-s', '-t', '--signal'] },
  mongo: { aliases: ['mongosh'], valueFlags: ['--host', '--port', '-u', '--username', '-p', '--password', '--authenticationDatabase', '--file', '-f'] },
};
