import * as assert from 'node:assert/strict';
import { goQuote, levelFilter, nicknameFilter, roleCodeFilter } from '../../../../src/core/format/filter';

describe('filters with Go %q quoting', () => {
  it('builds the three filters cocli sends', () => {
    assert.equal(roleCodeFilter('PROJECT_WRITER'), 'role.code="PROJECT_WRITER"');
    assert.equal(nicknameFilter('ali'), 'nickname="ali"');
    assert.equal(levelFilter('project'), 'level="project"');
  });

  it('escapes quotes and backslashes', () => {
    assert.equal(nicknameFilter('Eve "Q" Back\\slash'), 'nickname="Eve \\"Q\\" Back\\\\slash"');
  });

  it('keeps printable Unicode and escapes control and non-printable characters like strconv.Quote', () => {
    assert.equal(goQuote('李娜 🤖'), '"李娜 🤖"');
    assert.equal(goQuote('a\tb\nc\x07'), '"a\\tb\\nc\\a"');
    assert.equal(goQuote('\x01\x7f'), '"\\x01\\x7f"');
    assert.equal(goQuote('nb\u00a0sp\u3000'), '"nb\\u00a0sp\\u3000"');
    assert.equal(goQuote('\u{e0001}'), '"\\U000e0001"');
  });
});
