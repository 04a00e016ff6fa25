// The bundles' markdown-it is made lean at build (scripts/esbuildOptions.cjs: LinkifyIt made on
// first use, entities' decoders from decode.js): bundled, it must render what the package does.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { nodeBundle } from '../../scripts/esbuildOptions.cjs';
import { parseRunbook } from '../../src/core/runbook/parse';

const PROBE = `
import MarkdownIt from 'markdown-it';
import { parseRunbook } from './src/core/runbook/parse';
const text = process.argv[2];
const md = new MarkdownIt({ linkify: true });
md.linkify.set({ fuzzyEmail: false });
process.stdout.write(JSON.stringify({
  html: md.render(text),
  test: md.linkify.test(text),
  runbook: parseRunbook(text),
}));
`;

test('bundled, markdown-it renders links and entities as the package does, and runbooks parse the same', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bundle-md-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const root = path.resolve(__dirname, '../..');
  const outfile = path.join(dir, 'probe.js');
  await esbuild.build({ ...nodeBundle, stdin: { contents: PROBE, resolveDir: root, loader: 'ts', sourcefile: 'probe.ts' }, outfile, logLevel: 'error' });
  const bundle = fs.readFileSync(outfile, 'utf8');
  assert.match(bundle, /LazyLinkifyIt/, 'the lean markdown-it is what was bundled');
  const text = '# Tom &amp; Jerry &copy; &#x41;\n\nSee http://localhost:8080/x and mail ops@example.internal &nbsp;\n\n```bash name=a&amp;b\necho &lt;hi&gt;\n```\n';
  const got = JSON.parse(execFileSync(process.execPath, [outfile, text], { encoding: 'utf8' }));
  const { default: MarkdownIt } = await import('markdown-it');
  const md = new MarkdownIt({ linkify: true });
  md.linkify.set({ fuzzyEmail: false });
  assert.equal(got.html, md.render(text));
  assert.match(got.html, /<a href="http:\/\/localhost:8080\/x">/);
  assert.match(got.html, /Tom &amp; Jerry © A/);
  assert.equal(got.test, md.linkify.test(text));
  assert.deepEqual(got.runbook, JSON.parse(JSON.stringify(parseRunbook(text))));
});
