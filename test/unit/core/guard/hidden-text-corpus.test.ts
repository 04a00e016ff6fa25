import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assessCode } from '../../../../src/core/guard/classify';
import { decideConfirmation } from '../../../../src/core/guard/confirmation';
import { scanHiddenUnicode } from '../../../../src/core/guard/hiddenUnicode';
import { skeleton } from '../../../../src/core/guard/confusables';
import { codeLineOffset } from '../../../../src/core/guard/explain';
import { lintRunbook } from '../../../../src/core/lint/lintRunbook';
import { parseRunbook } from '../../../../src/core/runbook/parse';

/** Issue 17 §3: characters that make code read differently from how it runs, and look-alike letters. */
const HIDDEN: [number, string][] = [
  [0x00a0, 'NBSP'], [0x2007, 'figure space'], [0x202f, 'narrow NBSP'], [0x3000, 'ideographic space'], [0x1680, 'ogham space'],
  [0x2000, 'en quad'], [0x2002, 'en space'], [0x2003, 'em space'], [0x2009, 'thin space'], [0x200a, 'hair space'], [0x205f, 'math space'],
  [0x0085, 'NEL'], [0x0008, 'backspace'], [0x001b, 'escape'], [0x0000, 'NUL'], [0x0007, 'bell'], [0x000b, 'vertical tab'], [0x000c, 'form feed'],
  [0x007f, 'delete'], [0x009b, 'CSI'], [0x0301, 'combining acute'], [0x0338, 'combining long solidus overlay'], [0x20dd, 'combining enclosing circle'],
  [0x034f, 'grapheme joiner'], [0x200b, 'ZWSP'], [0x202e, 'RLO'], [0x2066, 'LRI'], [0xfeff, 'BOM'], [0x2028, 'line separator'], [0xfffd, 'replacement'],
];

/** Where a character can hide in a command. */
const PLACES: ((c: string) => string)[] = [
  (c) => `kube${c}ctl get pods`,
  (c) => `kubectl${c}delete pod x`,
  (c) => `kubectl delete ns kube-system${c}`,
  (c) => `rm -rf /tmp/cache${c}`,
  (c) => `echo "all good${c}"`,
  (c) => `kubectl get pods # note${c}`,
];

/** Look-alike letters from other scripts inside ASCII words. */
const LOOK_ALIKES: string[] = [
  'kub\u0435ctl get pods', // Cyrillic е
  'kubectl delete ns kube-syst\u0435m',
  '\u043ec get pods', // Cyrillic о
  'kubectl get p\u043eds',
  'h\u0435lm uninstall photon',
  'kubectl -n ph\u043eton get pods',
  'kubectl delete pod \u0430pi-0', // Cyrillic а
  'rm -rf /v\u0430r/lib/photon',
  'kubectl get pods -n kube-\u0455ystem', // Cyrillic ѕ
  'kubectl get \u0455ecrets',
  'kubectl delete ns kube-syst\u0435m --wait',
  'kubectl get nodes -l r\u043ele=worker',
  'curl https://\u0440hoton.example.invalid', // Cyrillic р
  'kubectl \u0441ordon node-1', // Cyrillic с
  'kubectl get pods \u2013n photon', // en dash
  'echo \u201cdone\u201d', // smart quotes
  'kubectl get pods -o jsonpath=\u2018{.items}\u2019',
  'kubectl scale deploy/x --replicas=\u0030', // ASCII 0: not a look-alike, control case below
  'kubectl get pods -n \u03bfps', // Greek ο
  'kubectl get \u0440\u043e\u0501s', // all Cyrillic, all look-alikes
];

/** Realistic text that must stay quiet: other scripts, accents, emoji, mojibake, tabs, CRLF. */
const VISIBLE: string[] = [
  'echo "café résumé naïve"', 'echo "日本語のログ"', 'echo "Привет, мир"', 'echo "Перезапуск подов"', '# Проверить статус подов\nkubectl get pods',
  'echo "Ελληνικά"', 'echo "नमस्ते दुनिया"', 'echo "مرحبا"', 'echo "שלום"', 'echo "한국어"', 'echo "中文日志"', 'echo "Tiếng Việt"', 'echo "Größe: 5 MB"',
  'echo "✅ done"', 'echo "🚨 INCIDENT"', 'echo "→ next"', 'echo "ðŸš¨ INCIDENT â†’ IDENTIFIED âœ…"', 'echo "±5%"', 'echo "µs latency"', 'echo "°C"',
  'kubectl get pods\tx', 'kubectl get pods\r\n', 'echo "naïve façade"', 'echo "Zürich"', 'echo "São Paulo"', 'echo "Kraków"', 'echo "İstanbul"',
  'printf "%s\\n" "— em dash sentence"', 'echo "… wait"', 'echo "½ done"', 'echo "©2026"', 'echo "™"', 'echo "€10"', 'echo "¥"', 'echo "§3"',
  'kubectl annotate pod p note="überprüft"', 'echo "ñandú"', 'echo "Ærø"', 'echo "ß"', 'echo "ﬁle"',
];

function hostileCases(): string[] {
  const out: string[] = [];
  for (const [cp] of HIDDEN) for (const place of PLACES) out.push(place(String.fromCodePoint(cp)));
  return [...out, ...LOOK_ALIKES.filter((c) => !c.includes('replicas=0'))];
}

test('hidden-text corpus: every hostile case is refused, every visible one runs', async (t) => {
  const hostile = hostileCases();
  const missed: string[] = [];
  for (const code of hostile) {
    const d = decideConfirmation(await assessCode(code));
    if (d.action !== 'refuse') missed.push(JSON.stringify(code));
  }
  const flagged: string[] = [];
  for (const code of VISIBLE) {
    const hits = scanHiddenUnicode(code);
    if (hits.length) flagged.push(`${JSON.stringify(code)}: ${hits.map((h) => h.label).join(', ')}`);
  }
  t.diagnostic(`hostile refused ${hostile.length - missed.length}/${hostile.length}; visible quiet ${VISIBLE.length - flagged.length}/${VISIBLE.length}`);
  assert.ok(hostile.length + VISIBLE.length >= 150);
  assert.deepEqual(missed, []);
  assert.deepEqual(flagged, []);
});

test('a look-alike is reported with the ASCII it passes for; ASCII digits are not look-alikes', () => {
  const [h] = scanHiddenUnicode('kubectl delete ns kube-syst\u0435m');
  assert.equal(h.label, 'U+0435 looks like "e" in "syst\u0435m"');
  assert.equal(h.replacement, 'e');
  assert.equal(scanHiddenUnicode('echo \u201cx\u201d')[0].replacement, '"');
  assert.deepEqual(scanHiddenUnicode('kubectl scale deploy/x --replicas=0 l1 I'), []);
});

test('protected names are compared by confusable skeletons: kube-systеm is denied, not just confirmed', async () => {
  assert.equal(skeleton('kube-syst\u0435m'), skeleton('kube-system'));
  const a = await assessCode('kubectl delete ns kube-syst\u0435m');
  assert.deepEqual(a.denied.map((d) => d.rule), ['deny-delete-kube-system']);
  const b = await assessCode('kub\u0435ctl delete namespace kube-system');
  assert.deepEqual(b.denied.map((d) => d.rule), ['deny-delete-kube-system']);
  assert.deepEqual((await assessCode('kubectl delete ns kube-public')).denied, []);
});

/** The fence's info string: run refuses exactly when lint's RL001 reports an error on that line. */
test('info string: refused at run exactly when lint reports RL001, for each hidden character', async () => {
  const infos = [...HIDDEN.filter(([cp]) => cp !== 0x0000).map(([cp]) => `bash { title="Restart${String.fromCodePoint(cp)} pods" }`),
    ...HIDDEN.filter(([cp]) => cp !== 0x0000).map(([cp]) => `bash { name=x }${String.fromCodePoint(cp)}`),
    'bash { title="Restart pods" }', 'bash { title="Перезапуск" }', 'bash { name=r\u0435start }', 'sh {"name":"caf\u00e9"}'];
  let agree = 0;
  for (const info of infos) {
    const text = `# T\n\n\`\`\`${info}\necho ok\n\`\`\`\n`;
    const block = parseRunbook(text).blocks[0];
    assert.ok(block, JSON.stringify(info));
    const lint = (await lintRunbook(text)).filter((d) => d.code === 'RL001' && d.severity === 'error');
    const d = decideConfirmation(await assessCode(block.code), { attributes: block.attributes, lineOffset: codeLineOffset(block), fence: block });
    assert.equal(d.action === 'refuse', lint.length > 0, `${JSON.stringify(info)}: ${d.reasons.join('; ')} / ${lint.map((l) => l.message).join('; ')}`);
    agree++;
  }
  assert.equal(agree, infos.length);
});

test('look-alikes that UTS #39 leaves alone: Greek and Cyrillic kappa, fullwidth letters', async () => {
  for (const ns of ['\u03baube-system', '\u043aube-system', 'KUBE-SYSTEM', 'Kube-System', '\uff4b\uff55\uff42\uff45-system']) {
    const a = await assessCode(`kubectl delete namespace ${ns}`);
    assert.deepEqual(a.denied.map((d) => d.rule), ['deny-delete-kube-system'], ns);
  }
  // A fullwidth program name is another word to the shell: it is reported, so the block is refused.
  const full = await assessCode('\uff4b\uff55\uff42\uff45\uff43\uff54\uff4c get pods');
  assert.ok(full.hiddenUnicode.length > 0);
  // Ordinary Russian, Greek and Japanese text is not flagged.
  for (const text of ['echo \u043a\u0430\u043a \u0434\u0435\u043b\u0430', 'echo "\u03ba\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1"', 'echo "\u5b8c\u4e86\uff01"', 'echo "\u5b8c\u4e86\uff1a\u3067\u3059"']) {
    assert.deepEqual((await assessCode(text)).hiddenUnicode, [], text);
  }
});
