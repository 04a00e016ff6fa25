/**
 * Whether the text of an unlabeled block reads as shell commands. Runbooks are full of
 * unlabeled blocks that are message templates, sample output or YAML, so the bar is high:
 * every command line must start with a well-known command (or `./script`, `/path/cmd`,
 * `VAR=value`), optionally after a `$ ` or `# ` prompt. Continuation lines (after `\`, `|`,
 * `&&`, `||`) and here-document bodies are not judged.
 */
const COMMANDS = new Set(
  `kubectl oc helm kustomize istioctl virtctl velero argocd tkn kn etcdctl crictl podman docker buildah skopeo
  curl wget jq yq grep egrep fgrep awk sed cat echo printf ls cd pwd export source unset alias ps top kill pkill
  systemctl journalctl service ssh scp rsync tar gzip gunzip zip unzip sudo su env printenv watch sleep date tail
  head less more find xargs sort uniq wc cut tr tee mkdir rmdir rm cp mv chmod chown ln touch ping dig nslookup
  nc netstat ss ip iptables nft openssl base64 git make python python3 pip pip3 npm npx node go aws gcloud az
  terraform psql mysql redis-cli ceph rados rbd radosgw-admin ovs-vsctl ovn-nbctl ovn-sbctl nmcli chronyc
  df du free uptime dmesg lsof strace mount umount lsblk diff timeout for while if until case set trap test`
    .split(/\s+/)
    .filter(Boolean),
);

const CONTINUES = /(\\|\||&&|\|\|)\s*$/;
const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/;

export function looksLikeShell(body: string): boolean {
  const lines = body.split('\n');
  let judged = 0;
  let heredocEnd: string | undefined;
  let continued = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (heredocEnd !== undefined) {
      if (line === heredocEnd) heredocEnd = undefined;
      continue;
    }
    const wasContinued = continued;
    continued = CONTINUES.test(line);
    heredocEnd = HEREDOC.exec(line)?.[2];
    if (line === '' || wasContinued) continue;
    const command = line.replace(/^[$#] /, '');
    if (command.startsWith('#')) continue;
    if (!startsWithCommand(command)) return false;
    judged++;
  }
  return judged > 0;
}

function startsWithCommand(command: string): boolean {
  const first = /^\S+/.exec(command.replace(/^(sudo|time|env)\s+/, ''))?.[0] ?? '';
  if (/^[A-Za-z_]\w*=/.test(first)) return true;
  if (/^(\.{0,2}\/)[\w./-]+$/.test(first)) return true;
  return COMMANDS.has(first);
}
