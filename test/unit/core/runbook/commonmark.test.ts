import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { parseRunbook } from '../../../../src/core/runbook/parse';

const fences = (text: string) => parseRunbook(text).fences.map((f) => ({ lang: f.lang, line: f.line, endLine: f.endLine, closed: f.closed, body: f.body }));
const one = (text: string) => {
  const { blocks } = parseRunbook(text);
  assert.equal(blocks.length, 1, `expected one runnable block in ${JSON.stringify(text)}`);
  return blocks[0];
};

test('backtick and tilde fences, with their opening and closing lines', () => {
  assert.deepEqual(fences('intro\n\n```bash\necho a\n```\n\n~~~sh\necho b\n~~~\n'), [
    { lang: 'bash', line: 3, endLine: 5, closed: true, body: 'echo a' },
    { lang: 'sh', line: 7, endLine: 9, closed: true, body: 'echo b' },
  ]);
});

test('a longer fence contains shorter ones, and a closing fence must be at least as long', () => {
  assert.deepEqual(fences('````markdown\n```bash\nrm -rf /\n```\n````\n'), [
    { lang: 'markdown', line: 1, endLine: 5, closed: true, body: '```bash\nrm -rf /\n```' },
  ]);
  assert.equal(parseRunbook('````markdown\n```bash\nrm -rf /\n```\n````\n').blocks.length, 0);
  // ~~~ does not close ```, and ``` does not close ~~~.
  assert.deepEqual(fences('~~~bash\n```\necho\n~~~\n').map((f) => [f.line, f.endLine, f.body]), [[1, 4, '```\necho']]);
});

test('a closing fence has no info string; a backtick fence info string has no backtick', () => {
  assert.equal(one('```sh\na\n``` nope\nb\n```\n').code, 'a\n``` nope\nb');
  // "``` bash `x`" is not an opening fence (spec): it is a paragraph, and the later ``` opens an unclosed fence.
  assert.deepEqual(fences('``` bash `x`\necho\n```\n'), [{ lang: '', line: 3, endLine: 3, closed: false, body: '' }]);
  // Tilde fences may have backticks in the info string.
  assert.equal(one('~~~ bash `x`\necho\n~~~\n').lang, 'bash');
});

test('an unclosed fence runs to the last line of the file, trailing blank lines included', () => {
  const b = one('# A\n```bash\necho\n\n');
  assert.deepEqual([b.line, b.endLine, b.bodyStartLine, b.bodyEndLine], [2, 4, 3, 4]);
  assert.equal(parseRunbook('# A\n```bash\necho\n\n').lineCount, 4);
  const c = one('```sh\necho x');
  assert.deepEqual([c.line, c.endLine, c.code], [1, 2, 'echo x']);
  assert.deepEqual(fences('```'), [{ lang: '', line: 1, endLine: 1, closed: false, body: '' }]);
});

test('fences indented four spaces are indented code, not fences; up to three spaces are fences', () => {
  assert.deepEqual(fences('    ```bash\n    echo\n    ```\n'), []);
  const b = one('   ```bash\n   echo a\n     echo b\n  ```\n');
  assert.equal(b.code, 'echo a\n  echo b');
  assert.equal(b.endLine, 4);
});

test('fences inside list items: the list indentation is removed from the code', () => {
  const text = '1. step\n\n   ```sh\n   kubectl get <kind>\n     --watch\n   ```\n- other\n  ~~~bash\n  y\n  ~~~\n';
  const { blocks } = parseRunbook(text);
  assert.deepEqual(blocks.map((b) => [b.line, b.endLine, b.code]), [
    [3, 6, 'kubectl get <kind>\n  --watch'],
    [8, 10, 'y'],
  ]);
  assert.deepEqual(blocks[0].placeholderRefs, [{ name: 'kind', line: 4, column: 15 }]);
});

test('fences inside blockquotes: the > markers are removed; the fence ends with the quote', () => {
  const b = one('> ```bash\n> echo <a>\n>   two\n> ```\n');
  assert.equal(b.code, 'echo <a>\n  two');
  assert.deepEqual(b.placeholderRefs, [{ name: 'a', line: 2, column: 7 }]);
  // An unclosed fence in a blockquote ends where the blockquote ends (CommonMark), not at end of file.
  assert.deepEqual(fences('> ```bash\n> echo a\n\nafter\n```sh\nx\n```\n'), [
    { lang: 'bash', line: 1, endLine: 2, closed: false, body: 'echo a' },
    { lang: 'sh', line: 5, endLine: 7, closed: true, body: 'x' },
  ]);
  // Nested containers: a list inside a blockquote.
  assert.equal(one('> - item\n>\n>   ```sh\n>   echo nested\n>   ```\n').code, 'echo nested');
});

test('CRLF and lone CR line endings count lines exactly as LF does', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = ['# T', '', '```bash', 'echo <a>', '```', 'after'].join(eol) + eol;
    const rb = parseRunbook(text);
    assert.equal(rb.lineCount, 6);
    assert.deepEqual(rb.blocks.map((b) => [b.line, b.endLine, b.code, b.placeholderRefs[0].line]), [[3, 5, 'echo <a>', 4]]);
    assert.ok(!rb.blocks[0].code.includes('\r'));
  }
});

test('YAML front matter neither becomes a heading nor hides or invents blocks; line numbers stay exact', () => {
  const text = '---\ntitle: Restart\nexample: |\n  ```bash\n  not a block\n  ```\n---\n# Restart\n\n```sh\nyes\n```\n';
  const rb = parseRunbook(text);
  assert.deepEqual(rb.frontMatter, { line: 1, endLine: 7 });
  assert.deepEqual(rb.headings, [{ level: 1, text: 'Restart', line: 8 }]);
  assert.deepEqual(rb.blocks.map((b) => [b.line, b.endLine, b.code, b.section]), [[10, 12, 'yes', ['Restart']]]);
  // Without front-matter handling, "title: x" would become a setext heading.
  const plain = new MarkdownIt('commonmark').parse('---\ntitle: x\n---\n', {});
  assert.ok(plain.some((t) => t.type === 'heading_open'));
  assert.deepEqual(parseRunbook('---\ntitle: x\n---\n').headings, []);
  // `...` closes YAML, `+++` TOML front matter works the same way, and an unclosed `---` is a thematic break.
  assert.equal(parseRunbook('---\na: 1\n...\n```sh\nx\n```\n').blocks[0].line, 4);
  assert.equal(parseRunbook('+++\na = 1\n+++\n```sh\nx\n```\n').blocks[0].line, 4);
  const unclosed = parseRunbook('---\n\n```sh\nx\n```\n');
  assert.equal(unclosed.frontMatter, undefined);
  assert.equal(unclosed.blocks[0].line, 3);
  // Front matter only counts at the very top.
  assert.equal(parseRunbook('\n---\na\n---\n').frontMatter, undefined);
});

test('an HTML block swallows a fence that follows it without a blank line (CommonMark, unlike markdown-it defaults)', () => {
  const text = '<details>\n```bash\necho no\n```\n</details>\n\n<details>\n\n```bash\necho yes\n```\n</details>\n';
  assert.deepEqual(parseRunbook(text).blocks.map((b) => [b.line, b.code]), [[9, 'echo yes']]);
  // markdown-it's default preset has html:false and finds the first one too: that is the difference we guard against.
  assert.equal(new MarkdownIt().parse(text, {}).filter((t) => t.type === 'fence').length, 2);
});

test('deep nesting does not hide fences (the commonmark preset stops at 20 levels)', () => {
  const q = '>'.repeat(30);
  const text = `${q} \`\`\`sh\n${q} deep\n${q} \`\`\`\n`;
  assert.equal(new MarkdownIt('commonmark').parse(text, {}).filter((t) => t.type === 'fence').length, 0);
  assert.equal(one(text).code, 'deep');
  // Absurd nesting still parses and never throws.
  const absurd = '>'.repeat(20000) + ' ```sh\nx\n```\n';
  assert.doesNotThrow(() => parseRunbook(absurd));
});

test('tabs: a list item followed by a tab, and tab-indented code', () => {
  const b = one('-\t```sh\n\techo <t>\n\t```\n');
  assert.equal(b.code, 'echo <t>');
  assert.equal(b.endLine, 3);
});

test('headings: ATX and setext, closing hashes, inline markup, nested paths', () => {
  const text = [
    'Runbook *title*', '===============', '', '## Step `one` ##', '', '```sh', 'a', '```', '',
    'Sub', '---', '', '#### Deep', '```sh', 'b', '```', '', '# Next', '```sh', 'c', '```', '',
  ].join('\n');
  const rb = parseRunbook(text);
  assert.deepEqual(rb.headings.map((h) => [h.level, h.text, h.line]), [
    [1, 'Runbook title', 1], [2, 'Step one', 4], [2, 'Sub', 10], [4, 'Deep', 13], [1, 'Next', 18],
  ]);
  assert.deepEqual(rb.blocks.map((b) => b.section), [
    ['Runbook title', 'Step one'],
    ['Runbook title', 'Sub', 'Deep'],
    ['Next'],
  ]);
  // An empty heading closes deeper sections without adding a name; skipped levels are fine.
  assert.deepEqual(one('# A\n### C\n##\n```sh\nx\n```\n').section, ['A']);
  assert.deepEqual(one('# A\n### C\n## B\n```sh\nx\n```\n').section, ['A', 'B']);
  // A setext underline cannot follow a fence: "---" after a code block is a thematic break.
  assert.deepEqual(parseRunbook('```sh\nx\n```\n---\n').headings, []);
});

test('a byte-order mark does not hide the first heading', () => {
  const b = one('\uFEFF# Head\n```sh\nx\n```');
  assert.deepEqual(b.section, ['Head']);
  assert.equal(b.line, 2);
});

test('the language word is read as the spec reads info strings; attributes keep their backslashes', () => {
  assert.deepEqual(fences('``` foo\\+bar\nfoo\n```\n').map((f) => f.lang), ['foo+bar']);
  assert.deepEqual(fences('``` f&ouml;&ouml;\nfoo\n```\n').map((f) => f.lang), ['föö']);
  assert.equal(one('``` b&#97;sh\necho\n```\n').lang, 'bash');
  const b = one('```sh {"name":"a\\"b"}\necho\n```\n');
  assert.equal(b.name, 'a"b');
  assert.equal(b.info, 'sh {"name":"a\\"b"}');
});

test('a whitespace-only line in a fence directly inside a list item is blank, as CommonMark reads it (issue 17 §7)', () => {
  // commonmark.js and cmark read the line as blank and skip to its end; markdown-it keeps the spaces
  // left after the item's indentation, so here the reference is the spec's implementations.
  assert.equal(one('- item\n\n  ```sh\n  echo a\n      \n  echo b\n  ```\n').code, 'echo a\n\necho b');
  assert.equal(one('1. x\n\n   ```sh\n   a\n   \t\n   b\n   ```\n').code, 'a\n\nb');
  assert.equal(one('> - x\n>\n>   ```sh\n>   a\n>      \n>   b\n>   ```\n').code, 'a\n\nb');
  // In a block quote (also one inside a list item) and at the top level the spaces stay, as markdown-it has them.
  const md = new MarkdownIt('commonmark');
  for (const text of ['```sh\necho a\n    \necho b\n```\n', '> ```sh\n> echo a\n>     \n> echo b\n> ```\n', '- x\n\n  > ```sh\n  > a\n  >    \n  > b\n  > ```\n']) {
    const content = md.parse(text, {}).find((t) => t.type === 'fence')?.content;
    assert.equal(one(text).code, content?.replace(/\n$/, ''), JSON.stringify(text));
    assert.match(one(text).code, /\n[ ]+\n/);
  }
});
