import type { KObject } from './objects';

/**
 * What `kubectl exec` gets from the simulated cluster. There are no containers: a few
 * read-only commands are answered from the cluster's own objects, anything else fails with
 * exit code 126 and says that it did not run. Every answer starts with a line on stderr saying
 * it is simulated, so no output can pass for a real container's.
 */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export const SIMULATED_COMMANDS = ['nc -z HOST PORT', 'env', 'printenv', 'hostname', 'echo', 'true'];

type AnyObj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function simulateExec(cluster: string, pod: KObject, services: KObject[], command: string[]): ExecResult {
  const where = `${cluster} pod ${pod.metadata.name}`;
  const banner = `[simulated exec: the demo cluster (${where}) has no containers; this answer is made up from its objects]\n`;
  const cannot = (why: string): ExecResult => ({
    stdout: '',
    stderr: `the demo cluster cannot run \`${command.join(' ')}\` in ${where}: ${why}. It simulates only: ${SIMULATED_COMMANDS.join(', ')}. Nothing ran.\n`,
    exitCode: 126,
  });
  const [prog, ...args] = command;
  const answer = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr: banner + stderr, exitCode });
  switch (prog) {
    case undefined: return cannot('no command given');
    case 'true': return answer('');
    case 'echo': return answer(`${args.join(' ')}\n`);
    case 'hostname': return answer(`${pod.metadata.name}\n`);
    case 'env':
    case 'printenv': {
      if (args.length > 0 && prog === 'env') return cannot('env with arguments would run another program');
      const env = podEnv(pod, services);
      if (prog === 'printenv' && args.length > 0) {
        const found = args.filter((a) => a in env);
        return answer(found.map((a) => `${env[a]}\n`).join(''), '', found.length === args.length ? 0 : 1);
      }
      return answer(Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''));
    }
    case 'nc': return netcat(args, pod, services, answer, cannot);
    default: return cannot('it is a simulated cluster with no containers');
  }
}

/** `nc -z[v] HOST PORT`: succeeds when HOST is a service of the pod's namespace that exposes PORT. */
function netcat(args: string[], pod: KObject, services: KObject[], answer: (o: string, e?: string, c?: number) => ExecResult, cannot: (why: string) => ExecResult): ExecResult {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const [host, port] = args.filter((a) => !a.startsWith('-'));
  if (!flags.includes('z') || !host || !port || !/^\d+$/.test(port)) return cannot('only the port check `nc -z HOST PORT` is simulated');
  const verbose = flags.includes('v');
  const ns = pod.metadata.namespace ?? 'default';
  const short = host.replace(new RegExp(`\\.${ns}(\\.svc(\\.cluster\\.local)?)?$`), '');
  const svc = services.find((s) => s.metadata.namespace === ns && s.metadata.name === short);
  if (!svc) return answer('', verbose ? `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n` : '', 1);
  const spec = svc.spec as AnyObj;
  const open = (spec.ports ?? []).some((p: { port: number }) => p.port === Number(port));
  if (!open) return answer('', verbose ? `nc: connect to ${host} (${spec.clusterIP}) port ${port} (tcp) failed: Connection refused\n` : '', 1);
  return answer('', verbose ? `Connection to ${host} (${spec.clusterIP}) ${port} port [tcp/*] succeeded!\n` : '');
}

/** The environment Kubernetes gives a container: HOSTNAME, the API service and each service's variables. */
function podEnv(pod: KObject, services: KObject[]): Record<string, string> {
  const env: Record<string, string> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: pod.metadata.name };
  for (const c of ((pod.spec as AnyObj).containers ?? []) as { env?: { name: string; value?: string }[] }[]) for (const e of c.env ?? []) env[e.name] = e.value ?? '';
  env.KUBERNETES_SERVICE_HOST = '10.96.0.1';
  env.KUBERNETES_SERVICE_PORT = '443';
  for (const s of services.filter((x) => x.metadata.namespace === pod.metadata.namespace)) {
    const name = s.metadata.name.toUpperCase().replace(/-/g, '_');
    const spec = s.spec as AnyObj;
    const port = spec.ports?.[0]?.port;
    env[`${name}_SERVICE_HOST`] = spec.clusterIP;
    if (port) env[`${name}_SERVICE_PORT`] = String(port);
  }
  env.HOME = '/root';
  return env;
}
