import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assessCode } from '../../../../src/core/guard/classify';
import { decideConfirmation } from '../../../../src/core/guard/confirmation';
import { aliasForm, DESTRUCTIVE_CORES, FORMS, HARMLESS, HARMLESS_CORES, NEUTRAL_FORMS, singleQuote } from '../../../support/consentCorpus';

/** Forms given to each destructive command besides `plain` and the alias form; they rotate so each form meets every class. */
const FORMS_PER_COMMAND = 12;

/** Every destructive command, plain, as an alias and in a rotating set of forms: each must ask (or be refused). */
function destructiveCases(): { name: string; code: string }[] {
  const out: { name: string; code: string }[] = [];
  const forms = Object.entries(FORMS).filter(([f]) => f !== 'plain');
  let turn = 0;
  for (const [group, cores] of Object.entries(DESTRUCTIVE_CORES)) {
    for (const core of cores) {
      out.push({ name: `${group}/plain: ${core}`, code: core });
      for (let k = 0; k < FORMS_PER_COMMAND; k++) {
        const [form, write] = forms[(turn++) % forms.length];
        out.push({ name: `${group}/${form}: ${core}`, code: write(core, singleQuote(core)) });
      }
      const alias = aliasForm(core);
      if (alias) out.push({ name: `${group}/alias: ${core}`, code: alias });
    }
  }
  return out;
}

test('attacker corpus: every destructive command, in every form, needs consent', async (t) => {
  const cases = destructiveCases();
  const missed: string[] = [];
  for (const c of cases) {
    const a = await assessCode(c.code);
    if (decideConfirmation(a).action === 'run') missed.push(c.name);
  }
  t.diagnostic(`destructive held ${cases.length - missed.length}/${cases.length}`);
  assert.ok(cases.length >= 300, `only ${cases.length} destructive cases`);
  assert.deepEqual(missed, []);
});

function harmlessCases(): string[] {
  const written = HARMLESS_CORES.flatMap((core) => [...NEUTRAL_FORMS.map((f) => FORMS[f](core, singleQuote(core))), aliasForm(core) ?? core]);
  return [...HARMLESS, ...written];
}

test('attacker corpus: harmless commands, dry runs, help and uncalled functions run without asking', async (t) => {
  const asked: string[] = [];
  const cases = harmlessCases();
  for (const code of cases) {
    const a = await assessCode(code);
    const d = decideConfirmation(a);
    if (d.action !== 'run') asked.push(`${code} → ${d.reasons.join('; ')}`);
  }
  t.diagnostic(`harmless held ${cases.length - asked.length}/${cases.length}`);
  assert.ok(cases.length >= 150, `only ${cases.length} harmless cases`);
  assert.deepEqual(asked, []);
});

/** `xargs PROGRAM` given the rest of the command on stdin: literally, from a file, or from a command. */
function xargsCases(): { name: string; code: string }[] {
  const out: { name: string; code: string }[] = [];
  for (const [group, cores] of Object.entries(DESTRUCTIVE_CORES)) {
    for (const core of cores) {
      const m = /^(\S+)\s+(.+)$/s.exec(core);
      // Only a plain command line can be split into a program and the words xargs gives it.
      if (!m || /[|;&<>$`()\n\\"']/.test(m[2])) continue;
      const [, program, rest] = m;
      out.push({ name: `${group}/echo-xargs: ${core}`, code: `echo ${singleQuote(rest)} | xargs ${program}` });
      out.push({ name: `${group}/printf-xargs: ${core}`, code: `printf '%s\\n' ${rest.split(/\s+/).map(singleQuote).join(' ')} | xargs -r ${program}` });
      out.push({ name: `${group}/file-xargs: ${core}`, code: `cat targets.txt | xargs ${program}` });
      out.push({ name: `${group}/arg-file-xargs: ${core}`, code: `xargs -a targets.txt ${program}` });
    }
  }
  return out;
}

test('attacker corpus: a destructive command whose words come through xargs needs consent', async (t) => {
  const cases = xargsCases();
  const missed: string[] = [];
  for (const c of cases) {
    const a = await assessCode(c.code);
    if (decideConfirmation(a).action === 'run') missed.push(c.name);
  }
  t.diagnostic(`xargs destructive held ${cases.length - missed.length}/${cases.length}`);
  assert.ok(cases.length >= 200, `only ${cases.length} xargs cases`);
  assert.deepEqual(missed, []);
});

test('xargs with harmless input or a read-only command runs without asking', async () => {
  const harmless = [
    "kubectl get pods -o name | xargs kubectl describe",
    "echo pods | xargs kubectl get",
    "ls | xargs -n1 echo",
    "echo done | xargs",
    "kubectl get ns -o name | xargs -I{} kubectl get {} -o yaml",
    "printf '%s\\n' web-1 web-2 | xargs -n1 kubectl logs --tail=20",
    "find . -name '*.log' -print0 | xargs -0 grep -l ERROR",
  ];
  for (const code of harmless) {
    const d = decideConfirmation(await assessCode(code));
    assert.equal(d.action, 'run', `${code} → ${d.reasons.join('; ')}`);
  }
});

test('attacker corpus: a destructive command escaped with a backslash on a later line needs consent (the bash grammar glued it to the line before)', async (t) => {
  const cases: string[] = [];
  for (const cores of Object.values(DESTRUCTIVE_CORES)) {
    for (const core of cores) {
      cases.push(`echo start\n\\${core}`, `kubectl get pods\n\\${core}\necho done`, `x=1\n\\${core}`, `echo "a"\n\\\n${core}`);
    }
  }
  const missed: string[] = [];
  for (const code of cases) if (decideConfirmation(await assessCode(code)).action === 'run') missed.push(code);
  t.diagnostic(`line-start backslash held ${cases.length - missed.length}/${cases.length}`);
  assert.deepEqual(missed, []);
});
