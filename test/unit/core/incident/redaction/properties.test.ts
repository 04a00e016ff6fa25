import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { redactText } from '../../../../../src/core/incident/redaction/redact';
import { createStreamRedactor } from '../../../../../src/core/incident/redaction/stream';

const alnum = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('')), minLength: 40, maxLength: 60 });
const upper = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('')), minLength: 16, maxLength: 16 });

/** A secret and a line of output that carries it. */
const secretInContext = fc.oneof(
  alnum.map((v) => ({ secret: `ghp_${v.slice(0, 36)}`, line: (s: string) => `GITHUB_TOKEN=${s}` })),
  upper.map((v) => ({ secret: `AKIA${v}`, line: (s: string) => `aws_access_key_id = ${s}` })),
  alnum.map((v) => ({ secret: `Pw${v.slice(0, 18)}`, line: (s: string) => `db login password=${s} ok` })),
  alnum.map((v) => ({ secret: v, line: (s: string) => `curl -H "Authorization: Bearer ${s}" https://x` })),
  alnum.map((v) => ({ secret: `${v.slice(0, 20)}==`.padStart(24, 'Q'), line: (s: string) => `data:\n  key: ${s}\nkind: Secret` })),
  alnum.map((v) => ({ secret: `eyJ${v.slice(0, 12)}.eyJ${v.slice(12, 30)}.${v.slice(30)}`, line: (s: string) => `token: ${s}` })),
  alnum.map((v) => ({ secret: v.slice(0, 24), line: (s: string) => `postgres://app:${s}@db:5432/app` })),
);

test('property: redaction never throws, and redacting again changes nothing', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
    const once = redactText(s);
    const twice = redactText(once.text);
    assert.equal(twice.text, once.text);
    assert.deepEqual(twice.counts, {});
  }), { numRuns: 400 });
});

test('property: a secret embedded in any surrounding text never comes back, whole or streamed in any chunks', () => {
  fc.assert(fc.property(
    secretInContext,
    fc.string({ maxLength: 80 }),
    fc.string({ maxLength: 80 }),
    fc.array(fc.nat(), { maxLength: 6 }),
    ({ secret, line }, before, after, cuts) => {
      const text = `${before.replace(/[\s\S]*\n/, '')}\n${line(secret)}\n${after}`;
      assert.ok(!redactText(text).text.includes(secret), 'whole');
      const s = createStreamRedactor();
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      let out = '';
      let at = 0;
      for (const p of [...points, text.length]) { out += s.push(text.slice(at, p)); at = p; }
      out += s.end();
      assert.ok(!out.includes(secret), `streamed with cuts ${points.join(',')}`);
    },
  ), { numRuns: 400 });
});

test('property: text without secrets passes through unchanged', () => {
  const ordinary = [
    'NAME READY STATUS', 'photon-compiler-7d9 1/1 Running 0 3d', 'Events: <none>', 'deployment.apps/photon-compiler restarted', 'error: no such host',
    'kubectl get secret db-credentials -o yaml', 'kubectl logs -n photon-mlir -l app=photon-compiler --tail=50', 'automountServiceAccountToken: false',
    'token_type: Bearer', '{"status":"success","data":{"resultType":"vector","result":[]}}', 'secretName: db-credentials', 'PWD=/app',
    'kubectl patch configmap db-config -p \'{"data":{"db_host":"photon-db-replica.example.com"}}\'', 'password: <password>', 'TOKEN=${TOKEN}',
  ];
  fc.assert(fc.property(fc.array(fc.constantFrom(...ordinary), { maxLength: 20 }), (lines) => {
    const t = lines.join('\n');
    assert.equal(redactText(t).text, t);
  }));
});
