import * as assert from 'node:assert/strict';
import {
  credentialAsJson, credentialAsPlainLines, credentialAsTable, credentialAsYaml, formatCredential,
} from '../../../src/core/registry/credentialFormat';

const cred = { username: 'cr-temp-7f3a9c', password: 'q9H-secret_value' };

describe('registry credential output (cocli create-credential shapes)', () => {
  it('JSON has sorted keys and 2-space indentation', () => {
    assert.equal(credentialAsJson(cred), '{\n  "password": "q9H-secret_value",\n  "username": "cr-temp-7f3a9c"\n}\n');
    assert.deepEqual(Object.keys(JSON.parse(credentialAsJson({ username: 'b', password: 'a' }))), ['password', 'username']);
  });

  it('YAML lists password then username, quoting values YAML would misread', () => {
    assert.equal(credentialAsYaml(cred), 'password: q9H-secret_value\nusername: cr-temp-7f3a9c\n');
    assert.equal(credentialAsYaml({ username: 'true', password: 'a: b#c' }), 'password: "a: b#c"\nusername: "true"\n');
    assert.equal(credentialAsYaml({ username: '0123', password: '"q"' }), 'password: "\\"q\\""\nusername: "0123"\n');
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
});
