import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  credentialAsJson,
  credentialAsPlainLines,
  credentialAsTable,
  credentialAsYaml,
  formatCredential,
} from '../../../../src/core/registry/credentialFormat';

const cred = { username: 'cr-temp-7f3a9c', password: 'q9H-secret_value' };

describe('registry credential output (cocli create-credential shapes)', () => {
  it('JSON has sorted keys and 2-space indentation', () => {
    assert.equal(credentialAsJson(cred), '{\n  "password": "q9H-secret_value",\n  "username": "cr-temp-7f3a9c"\n}\n');
    assert.deepEqual(Object.keys(JSON.parse(credentialAsJson({ username: 'b', password: 'a' }))), ['password', 'username']);
  });

  it('YAML lists password then username, quoting values YAML would misread', () => {
    assert.equal(credentialAsYaml(cred), 'password: q9H-secret_value\nusername: cr-temp-7f3a9c\n');
    assert.equal(credentialAsYaml({ username: 'true', password: 'a: b#c' }), 'password: "a: b#c"\nusername: "true"\n');
    assert.equal(credentialAsYaml({ username: '0123', password: '"q"' }), `password: '"q"'\nusername: "0123"\n`);
  });

  it('table: Field/Value headers, USERNAME and PASSWORD rows, columns padded to 25 and 125 cells', () => {
    const lines = credentialAsTable(cred).split('\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[3], '');
    assert.equal(lines[0], `${'Field'.padEnd(25)}${'Value'.padEnd(125)}`);
    assert.equal(lines[1], `${'USERNAME'.padEnd(25)}${'cr-temp-7f3a9c'.padEnd(125)}`);
    assert.equal(lines[2], `${'PASSWORD'.padEnd(25)}${'q9H-secret_value'.padEnd(125)}`);
  });

  it('table cuts values wider than 120 cells to 120 ending in "..."', () => {
    const long = 'x'.repeat(130);
    const row = credentialAsTable({ username: 'u', password: long }).split('\n')[2];
    assert.equal(row, `${'PASSWORD'.padEnd(25)}${'x'.repeat(117)}...     `);
  });

  it('plain lines include the registry host only when known', () => {
    assert.equal(
      credentialAsPlainLines(cred, 'https://openapi.coscene.cn', 'cr.coscene.cn'),
      'base API endpoint: https://openapi.coscene.cn\nregistry host: cr.coscene.cn\nusername: cr-temp-7f3a9c\npassword: q9H-secret_value\n',
    );
    assert.equal(
      credentialAsPlainLines(cred, 'https://example.com'),
      'base API endpoint: https://example.com\nusername: cr-temp-7f3a9c\npassword: q9H-secret_value\n',
    );
  });

  it('formatCredential dispatches by format', () => {
    assert.equal(formatCredential('json', cred, 'e'), credentialAsJson(cred));
    assert.equal(formatCredential('yaml', cred, 'e'), credentialAsYaml(cred));
    assert.equal(formatCredential('table', cred, 'e'), credentialAsTable(cred));
    assert.equal(formatCredential('plain', cred, 'e', 'h'), credentialAsPlainLines(cred, 'e', 'h'));
  });

  describe('YAML written with the yaml library reads back as the same strings (YAML 1.2 and 1.1 readers)', () => {
    const readBack = (text: string, version: '1.1' | '1.2') => parse(text, { version }) as unknown;
    const check = (username: string, password: string) => {
      const text = credentialAsYaml({ username, password });
      for (const version of ['1.2', '1.1'] as const) {
        assert.deepEqual(readBack(text, version), { password, username }, `YAML ${version} read ${JSON.stringify(text)}`);
      }
      assert.deepEqual(Object.keys(readBack(text, '1.2') as object), ['password', 'username']);
    };

    it('values the hand-made quoter got wrong: @abc, 0x1F, 0o17, 2024-01-01, yes/no/on/off, 1_000, 1:20, ~', () => {
      for (const v of [
        '@abc',
        '0x1F',
        '0o17',
        '017',
        '2024-01-01',
        '2024-01-01T10:00:00Z',
        'yes',
        'No',
        'on',
        'OFF',
        'y',
        '1_000',
        '1:20',
        '~',
        'null',
        '.inf',
        '-.NaN',
        '`tick',
        '%pct',
        '!tag',
        '&anchor',
        '*alias',
        '|',
        '>',
        '- x',
        '? k',
        '# c',
        'a #b',
        'trailing ',
        ' leading',
        '',
        "it's",
        '"q"',
        'tab\there',
        'line\nbreak',
        'end\n',
        '\u0007bell',
        '\ufeffbom',
        '中文密码',
        '😀',
      ]) {
        check('cr-temp-7f3a9c', v);
        check(v, 'q9H-secret_value');
      }
      assert.equal(credentialAsYaml({ username: 'u', password: '@abc' }).includes('password: @abc'), false, '@abc must not be plain');
    });

    it('any strings (property, 400 cases)', function () {
      this.timeout(60_000);
      const special = fc.constantFrom(
        '@',
        '0x',
        '0o',
        '0b',
        '-',
        ':',
        '#',
        '%',
        '!',
        '&',
        '*',
        '|',
        '>',
        "'",
        '"',
        '`',
        ' ',
        '\n',
        '\t',
        '\r',
        '\u0085',
        '\u2028',
        '~',
        '.',
        '_',
        'e',
        'E',
        '+',
        'yes',
        'no',
        'null',
        'true',
        '2024-01-01',
        '1:2',
      );
      const piece = fc.oneof(
        special,
        fc.string({ unit: 'grapheme', maxLength: 4 }),
        fc.string({ unit: 'binary', maxLength: 3 }),
        fc.integer().map(String),
        fc.double({ noNaN: false }).map(String),
      );
      const value = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
      fc.assert(
        fc.property(value, value, (username, password) => check(username, password)),
        { numRuns: 400, seed: 20261129 },
      );
    });
  });
});
