import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstLine } from '../../../../src/core/incident/entryText';
import { mdCell, mdLinkTarget } from '../../../../src/core/incident/markdownText';
import { formatUtc } from '../../../../src/core/incident/timeFormat';

// The fast paths must give what the plain definitions give, on any input.
const plainFirstLine = (text: string, max = 120): string => {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line + (lines.length > 1 ? ' …' : '');
};
const plainCell = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
const plainLink = (p: string): string => encodeURI(p.split('\\').join('/')).replace(/\(/g, '%28').replace(/\)/g, '%29');
const textish = fc.string({ unit: fc.constantFrom(...Array.from('ab \t\r\n|\\()/._-é📌')), maxLength: 60 });

test('firstLine: the first non-blank line, cut, with … when more follow', () => {
  assert.equal(firstLine('\n  \n  kubectl get pods  \n\n'), 'kubectl get pods');
  assert.equal(firstLine('a\n\n b'), 'a …');
  assert.equal(firstLine(''), '');
  assert.equal(firstLine('x'.repeat(10), 5), 'xxxx…');
  fc.assert(fc.property(textish, fc.integer({ min: 2, max: 80 }), (s, max) => firstLine(s, max) === plainFirstLine(s, max)));
});

test('mdCell and mdLinkTarget agree with their plain definitions', () => {
  assert.equal(mdCell(' a | b\\c\nd '), 'a \\| b\\\\c d');
  assert.equal(mdLinkTarget('outputs/a (1).log'), 'outputs/a%20%281%29.log');
  assert.equal(mdLinkTarget('outputs/20261201T1.log'), 'outputs/20261201T1.log');
  fc.assert(fc.property(textish, (s) => mdCell(s) === plainCell(s) && mdLinkTarget(s) === plainLink(s)));
});

test('formatUtc slices canonical times and parses the rest alike', () => {
  const dates = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true });
  fc.assert(fc.property(dates, fc.boolean(), (d, seconds) => formatUtc(d.toISOString(), seconds) === formatUtc(d, seconds)));
  assert.equal(formatUtc('2026-11-27T21:39:05+01:00'), '2026-11-27 20:39:05 UTC');
  assert.equal(formatUtc('not a time'), 'not a time');
});
