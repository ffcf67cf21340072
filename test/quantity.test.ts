// The quantity parser against kubernetes/apimachinery v0.31.1 pkg/api/resource/quantity_test.go:
// its invalid list (lines 533–547) and valid forms from its tables, and comparisons across suffixes.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { compareQuantities, parseQuantity } from '../server/out/schema/quantity.js';

it('refuses what ParseQuantity refuses, with its error', () => {
  for (const s of ['1.1.M', '1+1.0M', '0.1am', 'aoeu', ' 1', '1 ', '2GB', '1gi', '']) {
    assert.deepEqual(parseQuantity(s), { ok: false, error: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" }, s);
  }
  for (const s of ['0.1mi', '500mi', '.5i', '1i', '-3.01i', '-3.01e-', '1e', '1K', '1Ki3']) assert.deepEqual(parseQuantity(s), { ok: false, error: "unable to parse quantity's suffix" }, s);
});

it('reads what ParseQuantity reads, exactly', () => {
  const value = (s: string) => {
    const q = parseQuantity(s);
    assert.ok(q.ok, s);
    return Number(q.num) / Number(q.den);
  };
  assert.equal(value('0'), 0);
  assert.equal(value('0.5'), 0.5);
  assert.equal(value('100m'), 0.1);
  assert.equal(value('1e3'), 1000);
  assert.equal(value('1E'), 1e18);
  assert.equal(value('1.5Gi'), 1.5 * 2 ** 30);
  assert.equal(value('.5'), 0.5);
  assert.equal(value('5.'), 5);
  assert.equal(value('+1k'), 1000);
  assert.equal(value('-1'), -1);
  assert.equal(value('1e-3'), 0.001);
  assert.equal(value('000123u'), 0.000123);
});

it('compares across suffixes without rounding', () => {
  const q = (s: string) => {
    const p = parseQuantity(s);
    assert.ok(p.ok);
    return p;
  };
  assert.equal(compareQuantities(q('1536Mi'), q('1.5Gi')), 0);
  assert.equal(compareQuantities(q('1001m'), q('1')), 1);
  assert.equal(compareQuantities(q('1G'), q('1Gi')), -1);
  assert.equal(compareQuantities(q('1e999'), q('1')), undefined);
});
