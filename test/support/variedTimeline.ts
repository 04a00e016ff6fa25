/**
 * A deterministic, varied incident timeline (every entry kind, pins and unpins, run records with
 * their results, backdated milestones, hand-typed secrets, pipes, backticks, emoji, odd paths),
 * for tests that pin the post-mortem's exact text.
 */
import * as path from 'node:path';
import type { Incident, TimelineEntry } from '../../src/core/incident/types';
import { rng } from './credentialCorpus';

/** Secrets typed by hand into entries: the draft must never hold them. */
export const HAND_TYPED_SECRETS = [
  'Zq8vLm2pXw9rTt4K',
  'ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6',
  'AKIAQ3EGRTXVZB7NKW4P',
  'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
];

export const VARIED_INCIDENT: Incident = {
  id: '2026-11-27-1000-checkout-500s',
  title: 'Checkout 500s › payments | EU',
  severity: 'P1',
  status: 'investigating',
  commander: 'alice',
  createdAt: '2026-11-27T10:05:00.000Z',
  milestones: { started: '2026-11-27T09:58:00.000Z' },
  target: { context: 'prod-eu', cluster: 'prod-eu', namespace: 'checkout' },
};

const COMMANDS = [
  'kubectl get pods -n checkout --show-labels',
  'kubectl logs deploy/payments -n checkout --since=10m | grep -i error | tail -n 50',
  '#!/usr/bin/env bash\n# restart the payments pods\nkubectl rollout restart deployment/payments -n checkout\nkubectl rollout status deployment/payments -n checkout',
  'echo `date` && kubectl top pods -n checkout',
  'kubectl get events -A --sort-by=.lastTimestamp | tail -n 20',
  'curl -s -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvbmNhbGwifQ.c2lnbmF0dXJlX2hlcmVfMTIz" https://payments.checkout.svc/healthz',
  'export DB_PASSWORD=Zq8vLm2pXw9rTt4K\npsql -h db -c "select 1"',
  'sum(rate(http_requests_total{job="payments",code=~"5.."}[5m]))',
  'printf "a\\\\b|c" | wc -c',
  '  \n\n  kubectl describe pod payments-7d9f-abcde -n checkout  \n',
];
const SECTIONS = [
  ['Incident Response Runbook', 'P0 Critical Incident Response'],
  ['Checkout', 'Restart › payments'],
  ['Diagnose'],
  [],
];
const RUNBOOKS = ['examples/incident-response.md', 'runbooks/checkout (eu).md', 'runbooks/missing.md', undefined];
const OUTPUTS = [
  'NAME READY STATUS\npayments-7d9f 1/1 Running\n',
  Array.from({ length: 22 }, (_, i) => `line ${i + 1}: 500 Internal Server Error | upstream=payments`).join('\n') + '\n',
  'token ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6 leaked in a log\n',
  '```\nfenced in the output\n```\n',
  '',
];
const NOTES = [
  'Pods OOMKilled since the 10:00 deploy | memory limit is 512Mi',
  'Rolled back 🚀 to v1.41 — waiting for the canary',
  'Slack bot token was xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx, rotated',
  'Two lines:\nsecond line with a \\ backslash',
  'AWS key AKIAQ3EGRTXVZB7NKW4P found in the config map',
  '   ',
];

export interface VariedTimeline {
  incident: Incident;
  entries: TimelineEntry[];
}

/** `n` entries (about; run records add a few) starting 2026-11-27 10:00 UTC, for a folder at `dir`. */
export function variedTimeline(n: number, dir: string, seed = 15): VariedTimeline {
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const start = Date.parse('2026-11-27T10:00:00Z');
  const entries: TimelineEntry[] = [];
  const runIds: string[] = [];
  let t = start;
  const id = (i: number, sub = 0): string => `20261127T${String(i).padStart(9, '0')}Z-${String(sub).padStart(2, '0')}-deadbeef`;
  for (let i = 0; i < n; i++) {
    // Some entries share a second (ties are ordered by id), most are a few seconds apart.
    if (rnd() > 0.1) t += 1000 * (1 + Math.floor(rnd() * 5));
    const time = new Date(t).toISOString();
    const r = rnd();
    const base = { id: id(i), time, actor: pick(['alice', 'bob', 'carol | sre', undefined]) };
    if (r < 0.62) {
      const command = pick(COMMANDS);
      const exit = pick([0, 0, 0, 0, 1, 2, null, undefined] as const);
      const status = exit === 0 ? pick(['ok', 'ok', 'ok', 'failed'] as const) : exit === null ? pick(['failed', 'timeout', 'stopped'] as const) : pick(['failed', 'unknown'] as const);
      const runbook = pick(RUNBOOKS);
      const e = {
        ...base,
        kind: command.startsWith('sum(') ? 'query' : 'command',
        ...(runbook ? { runbook, line: pick([12, 48, undefined]), block: 1 + Math.floor(rnd() * 17) } : {}),
        section: pick(SECTIONS),
        ...(rnd() < 0.3 ? { title: pick(['Restart payments', command, '`backticked` title', 'A very long title '.repeat(8)]) } : {}),
        command,
        exitCode: exit,
        ...(exit === null ? { signal: pick(['SIGTERM', 'SIGKILL', null]) } : {}),
        ...(exit === null && rnd() < 0.3 ? { error: 'spawn bash ENOENT' } : {}),
        ...(rnd() < 0.9 ? { durationMs: Math.floor(rnd() * 200_000) } : {}),
        output: pick(OUTPUTS),
        ...(rnd() < 0.8 ? { outputFile: rnd() < 0.5 ? `outputs/${i}.log` : path.join(dir, 'outputs', `run ${i}.log`) } : {}),
        truncated: rnd() < 0.05,
        redactions: {},
        status,
        ...(status === 'failed' && exit === 0 ? { failedSteps: 2, failedExitCode: 1, failedLine: 14 } : {}),
        ...(rnd() < 0.01 ? { pinned: true } : {}),
      } as TimelineEntry;
      // Write-ahead records: a started entry, and for most a result naming it.
      if (rnd() < 0.1) {
        const started = { ...e, id: id(i, 1), status: 'started', exitCode: undefined, output: undefined } as TimelineEntry;
        entries.push(started);
        if (rnd() < 0.8) e.startedEntry = started.id;
        else continue;
      }
      entries.push(e);
      runIds.push(e.id);
    } else if (r < 0.8) {
      entries.push({ ...base, kind: 'note', text: pick(NOTES) });
    } else if (r < 0.84 && runIds.length) {
      entries.push({ ...base, kind: 'note', text: 'Pinned', pinOf: pick(runIds), ...(rnd() < 0.3 ? { unpin: true } : {}) });
    } else if (r < 0.86) {
      const field = pick(['impact', 'rootCause', 'resolution', 'commander'] as const);
      entries.push({ ...base, kind: 'note', text: `Set ${field}`, details: [field], values: { [field]: pick(['EU shoppers could not pay (≈ 12 % of checkouts)', 'A bad config | in the rollout', 'Rolled back', null]) } });
    } else if (r < 0.9) {
      const milestone = pick(['detected', 'acknowledged', 'mitigated', 'resolved'] as const);
      const backdated = rnd() < 0.3;
      entries.push({ ...base, kind: 'milestone', milestone, ...(backdated ? { time: new Date(t - 600_000).toISOString(), recordedAt: time } : {}) });
    } else if (r < 0.93) {
      entries.push({ ...base, kind: 'status', incidentStatus: pick(['identified', 'monitoring', 'investigating'] as const), previousStatus: pick(['investigating', 'identified', undefined] as const) });
    } else if (r < 0.97) {
      entries.push(rnd() < 0.5
        ? { ...base, kind: 'notification', template: pick(['initial', 'update', 'resolution']), channel: pick(['slack', 'clipboard', 'email']) }
        : { ...base, kind: 'notification', text: 'PagerDuty: incident triggered › checkout-500s\nmore detail' });
    } else if (r < 0.985) {
      entries.push({ ...base, kind: 'severity', severity: pick(['P0', 'P1', 'P2'] as const), text: 'Severity changed' });
    } else {
      entries.push({ ...base, kind: 'target', target: pick([{ context: 'prod-eu', cluster: 'prod-eu', namespace: 'payments' }, null]), text: 'Cluster target changed' });
    }
  }
  return { incident: VARIED_INCIDENT, entries };
}
