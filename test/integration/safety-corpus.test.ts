import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAndRecord } from '../../src/core/exec/recordRun';
import { draftPostmortem } from '../../src/core/incident/draftPostmortem';
import { ensureIncidentDir } from '../../src/core/incident/incidentStore';
import { parseRunbook } from '../../src/core/runbook/parse';
import { fillWithSecrets } from '../../src/core/runbook/secretPlaceholders';
import { credentialCorpus, leakedPieces } from '../support/credentialCorpus';
import { startFakeCluster, writeFakeKubeconfig } from '../support/fakeCluster';
import { photonFixture } from '../support/fakeCluster/photonFixture';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-safety-corpus-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const corpus = credentialCorpus(3);

function block(code: string) {
  return parseRunbook(`# Corpus\n\n## Step\n\n\`\`\`bash\n${code}\n\`\`\`\n`).blocks[0];
}

/** Every file of the incident folder, and the post-mortem drafted from it. */
async function everythingWritten(dir: string): Promise<Map<string, string>> {
  await draftPostmortem(dir);
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d)) {
      const p = path.join(d, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else files.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

function leaks(files: Map<string, string>, values: { provider: string; value: string }[]): string[] {
  const found: string[] = [];
  for (const [name, text] of files) for (const s of values) if (leakedPieces(s.value, text)) found.push(`${s.provider} in ${name}`);
  return found;
}

async function run(dir: string, code: string, extra: Partial<Parameters<typeof runAndRecord>[0]> = {}) {
  await ensureIncidentDir(dir, { title: path.basename(dir) });
  return runAndRecord({ incidentDir: dir, runbookPath: path.join(tmp, 'rb.md'), runbookRel: 'rb.md', block: block(code), code, cwd: tmp, ...extra });
}

test('through the real runner: every corpus credential in every form, and split across reads, is in no file of the incident nor the post-mortem', async () => {
  const dir = path.join(tmp, 'forms');
  const forms: ((v: string) => string)[] = [
    (v) => v, (v) => `APP_SETTING=${v}`, (v) => `{"value":"${v}"}`, (v) => `  setting: ${v}`,
    (v) => `Authorization: Bearer ${v}`, (v) => `X-Api-Key: ${v}`, (v) => `https://api.example.com/v1?auth=${v}`,
  ];
  const printed = path.join(tmp, 'forms.txt');
  fs.writeFileSync(printed, corpus.flatMap((s) => forms.map((f) => f(s.value))).join('\n') + '\n');
  const halves = path.join(tmp, 'halves.sh');
  fs.writeFileSync(halves, corpus.map((s) => {
    const cut = Math.floor(s.value.length / 2);
    return `printf '%s' 'got ${s.value.slice(0, cut)}'; sleep 0.002; printf '%s\\n' '${s.value.slice(cut)} ok'`;
  }).join('\n'));
  const entry = await run(dir, `cat ${printed}\nbash ${halves}\necho done`);
  assert.equal(entry.exitCode, 0);
  const files = await everythingWritten(dir);
  const found = leaks(files, corpus);
  const tried = corpus.length * (forms.length + 1);
  console.log(`real runner: credentials held ${tried - found.length}/${tried} across ${files.size} files`);
  assert.deepEqual(found, []);
  assert.match(files.get(`outputs/${entry.id}.log`) ?? '', /^done$/m);
});

test('placeholder values: secret names and credential-looking values are masked in the command, output, timeline and post-mortem, never in incident.json', async () => {
  const dir = path.join(tmp, 'placeholders');
  const password = 'Tr0ub4dor-and-3-horses';
  const runbookBlock = block('curl -s -u elastic:<es-password> http://127.0.0.1:1/ || true\necho "as <user> with <es-password> and <value>"');
  const value = corpus[0].value;
  const filled = fillWithSecrets(runbookBlock, { 'es-password': password, user: 'elastic', value });
  assert.ok(filled.code.includes(password));
  await ensureIncidentDir(dir, { title: 'placeholders' });
  const entry = await runAndRecord({ incidentDir: dir, runbookPath: path.join(tmp, 'rb.md'), runbookRel: 'rb.md', block: runbookBlock, code: filled.code, recordedCode: filled.recordedCode, secrets: filled.secrets, cwd: tmp });
  assert.equal(entry.command, 'curl -s -u elastic:[REDACTED:placeholder] http://127.0.0.1:1/ || true\necho "as elastic with [REDACTED:placeholder] and [REDACTED:placeholder]"');
  // Three in the command, two where the output echoes the values.
  assert.equal(entry.redactions?.placeholder, 5);
  const files = await everythingWritten(dir);
  assert.deepEqual(leaks(files, [{ provider: 'es-password', value: password }, { provider: 'value', value }]), []);
  assert.match(files.get(`outputs/${entry.id}.log`) ?? '', /as elastic with \[REDACTED:placeholder\] and \[REDACTED:placeholder\]/);
  assert.ok(!JSON.stringify(JSON.parse(files.get('incident.json') ?? '{}')).includes(password));
});

test('every corpus credential given as a placeholder value is masked in the recorded command', async () => {
  const dir = path.join(tmp, 'placeholder-corpus');
  const names = corpus.map((_, i) => `v${i}`);
  const runbookBlock = block(`printf '%s\\n' ${names.map((n) => `'<${n}>'`).join(' ')} > /dev/null`);
  const filled = fillWithSecrets(runbookBlock, Object.fromEntries(names.map((n, i) => [n, corpus[i].value])));
  const entry = await run(dir, filled.code, { block: runbookBlock, recordedCode: filled.recordedCode, secrets: filled.secrets });
  assert.equal(entry.redactions?.placeholder, corpus.length);
  assert.deepEqual(leaks(await everythingWritten(dir), corpus), []);
});

test('output of commands that print secret material is withheld whole, and the entry says so', async () => {
  const cases = [
    `kubectl get secret db-credentials -n photon-mlir -o jsonpath='{.data.password}'`,
    'oc whoami -t',
    'echo "token: $(vault token lookup -format=json)"',
    'gcloud auth print-access-token',
    'aws ecr get-login-password --region eu-west-1',
    'kubectl create token default -n photon-mlir',
  ];
  // Shell functions stand in for the CLIs (what is judged is the block's code, from the parse);
  // each prints twelve Qs, a string the code itself does not contain.
  const fake = "secret() { printf 'Q%.0s' 1 2 3 4 5 6 7 8 9 10 11 12; echo; }; kubectl() { secret; }; oc() { secret; }; vault() { secret; }; gcloud() { secret; }; aws() { secret; }\n";
  for (const [i, code] of cases.entries()) {
    const dir = path.join(tmp, `secret-cmd-${i}`);
    const entry = await run(dir, `${fake}echo before\n${code}\necho after`);
    assert.deepEqual(entry.redactions, { 'secret-command-output': 1 }, code);
    const log = fs.readFileSync(path.join(dir, 'outputs', `${entry.id}.log`), 'utf8');
    assert.match(log, /^\[REDACTED:secret-command-output\] \d+ bytes of output not recorded: the block runs `.+`, which prints secret material\.\n$/, code);
    assert.doesNotMatch(log, /^(?:before|after)$/m, 'the whole block\'s output goes, not only that command\'s');
    for (const [name, text] of await everythingWritten(dir)) assert.ok(!text.includes('Q'.repeat(12)), `${code}: ${name}`);
  }
  const plain = await run(path.join(tmp, 'secret-cmd-none'), 'kubectl() { echo db-credentials Opaque 2 41d; }\nkubectl get secret db-credentials -n photon-mlir');
  assert.equal(plain.redactions?.['secret-command-output'], undefined);
  assert.match(plain.output ?? '', /db-credentials Opaque/);
});

test('real kubectl against a fake cluster: a Secret read with jsonpath, yaml or piped to base64 -d leaves no trace in the record', async () => {
  const cluster = await startFakeCluster(photonFixture('prod', { tokens: { 'prod-token': { name: 'sre' } } }));
  try {
    const kubeconfig = writeFakeKubeconfig(path.join(tmp, 'kubeconfig'), [{ context: 'prod', server: cluster.url, namespace: 'photon-mlir', token: 'prod-token' }]);
    const env = { ...process.env, KUBECONFIG: kubeconfig };
    const clear = 'simulated-prod-password';
    const encoded = Buffer.from(clear).toString('base64');
    const blocks = [
      `kubectl get secret db-credentials -o jsonpath='{.data.password}'`,
      `kubectl get secret db-credentials -o jsonpath='{.data.password}' | base64 -d`,
      'kubectl get secret db-credentials -o yaml',
      `kubectl get pods\nPW=$(kubectl get secret db-credentials -o go-template='{{.data.password | base64decode}}')\necho "using $PW"`,
    ];
    for (const [i, code] of blocks.entries()) {
      const dir = path.join(tmp, `kubectl-secret-${i}`);
      const seen: string[] = [];
      const entry = await run(dir, code, { env, onData: (c) => seen.push(c) });
      assert.equal(entry.exitCode, 0, `${code}: ${entry.output}`);
      assert.ok(seen.join('').includes(i === 0 || i === 2 ? encoded : clear), 'the live view shows what kubectl printed');
      assert.equal(entry.redactions?.['secret-command-output'], 1, code);
      for (const [name, text] of await everythingWritten(dir)) assert.ok(!text.includes(encoded) && !text.includes(clear), `${code}: ${name}`);
    }
  } finally {
    await cluster.close();
  }
});
