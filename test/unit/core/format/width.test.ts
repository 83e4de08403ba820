import * as assert from 'node:assert/strict';
import { stringWidth, truncate } from '../../../../src/core/format/width';

describe('cell width (go-runewidth rules)', () => {
  it('counts East-Asian wide and fullwidth characters and emoji as 2', () => {
    assert.equal(stringWidth('Alice'), 5);
    assert.equal(stringWidth('李娜'), 4);
    assert.equal(stringWidth('感知算法 v2'), 11);
    assert.equal(stringWidth('ＡＢ'), 4); // fullwidth Latin
    assert.equal(stringWidth('한국'), 4);
    assert.equal(stringWidth('🤖'), 2);
  });

  it('counts combining marks as 0 and Latin letters with diacritics as 1', () => {
    assert.equal(stringWidth('Müller'), 6);
    assert.equal(stringWidth('e\u0301'), 1);
  });

  it('truncates to the width with "..." without splitting a wide character', () => {
    assert.equal(truncate('abcdefghij', 8), 'abcde...');
    assert.equal(truncate('abc', 8), 'abc');
    assert.equal(truncate('王强王强王强', 8), '王强...'); // room 5: two characters (4 cells) fit, a third would not
    assert.equal(stringWidth(truncate('王强王强王强', 8)), 7);
  });
});
