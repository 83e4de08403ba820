import * as assert from 'node:assert/strict';
import { EXPORT_LIMITS } from '../../../../src/core/access/exportReader';
import { parseAccessExport } from '../../../../src/core/access/parseExport';
import { AccessError, formatMsg } from '../../../../src/core/errors';
import { formatAccessMatrix } from '../../../../src/core/format/access';
import { formatRoles } from '../../../../src/core/format/roles';
import { formatUsers } from '../../../../src/core/format/users';
import { ALICE as ALICE_USER, ORG_ADMIN } from '../format/fixtures';
import { sampleFacts, sampleMatrix } from './reviewFixtures';

/** The English message parseAccessExport refuses the text with (fails the test when it is accepted). */
function refusal(text: string, fileName: string, expectOrganization?: string): string {
  try {
    parseAccessExport(text, fileName, expectOrganization !== undefined ? { expectOrganization } : {});
  } catch (e) {
    assert.ok(e instanceof AccessError, `an AccessError, not ${String(e)}`);
    return formatMsg(e.userMessage);
  }
  assert.fail(`${fileName} was accepted`);
}

const json = (value: unknown) => JSON.stringify(value);
const matrixJson = () => JSON.parse(formatAccessMatrix(sampleMatrix(), 'json', undefined, sampleFacts())) as Record<string, unknown>;

describe('reading an access export: what is not one is refused, saying why', () => {
  it('another kind of file: random JSON, a users export, a roles export (JSON, YAML and CSV), Markdown, binary, empty', () => {
    assert.equal(refusal(json({ hello: 'world' }), 'x.json'), 'x.json is not an access-matrix export: it has no "users" key.');
    assert.equal(refusal('[1, 2, 3]', 'x.json'), 'x.json is not an access-matrix export: it is not an object with users and projects.');
    assert.equal(refusal('42', 'x.json'), 'x.json is not an access-matrix export: it is not an object with users and projects.');
    for (const format of ['json', 'yaml', 'csv'] as const) {
      assert.equal(
        refusal(formatUsers([ALICE_USER], format), `users.${format}`),
        `users.${format} looks like a users export, not an access-matrix export.`,
      );
      assert.equal(
        refusal(formatRoles([ORG_ADMIN], format), `roles.${format}`),
        `roles.${format} looks like a roles export, not an access-matrix export.`,
      );
    }
    assert.equal(
      refusal(formatAccessMatrix(sampleMatrix(), 'markdown'), 'm.md'),
      'm.md is a Markdown export; compare JSON, YAML or CSV exports of the access matrix.',
    );
    assert.equal(refusal('\x89PNG\r\n\x1a\n\0\0\0IHDR', 'picture.json'), 'picture.json is not a text file (it holds binary data).');
    assert.equal(refusal('\ufeff  \n', 'blank.csv'), 'blank.csv is empty.');
    assert.match(refusal('{"users": [', 'cut.json'), /^cut\.json is not valid JSON: /);
    assert.match(refusal('users: [\n  - name: a\n  - : :\n', 'bad.yaml'), /^bad\.yaml is not valid YAML: /);
    assert.equal(refusal('NAME,CODE\nx,y\n', 'other.csv'), 'other.csv is not an access-matrix CSV export: the column USER is missing.');
    assert.equal(
      refusal('USER,NICKNAME,EMAIL,ACTIVE\nusers/a,,a@x,true\n', 'short.csv'),
      'short.csv is not an access-matrix CSV export: the column ORGANIZATION ROLE is missing.',
    );
    const diff = { ...matrixJson(), export: { ...(matrixJson().export as object), kind: 'access-changes' } };
    assert.equal(refusal(json(diff), 'd.json'), 'd.json is a "access-changes" export, not an access-matrix export.');
  });

  it('names the key that is missing or has the wrong type', () => {
    const without = (key: string) => {
      const o = matrixJson();
      delete o[key];
      return json(o);
    };
    assert.equal(refusal(without('projects'), 'm.json'), 'm.json is not an access-matrix export: it has no "projects" key.');
    assert.equal(
      refusal(without('organizationRoles'), 'm.json'),
      'm.json is not an access-matrix export: it has no "organizationRoles" key.',
    );
    const o = matrixJson();
    (o.users as Record<string, unknown>[])[2].active = 'yes';
    assert.equal(refusal(json(o), 'm.json'), 'm.json is not an access-matrix export: users[2].active should be true or false.');
    const p = matrixJson();
    (p.projects as Record<string, unknown>[])[1].membersRead = undefined;
    assert.equal(refusal(json(p), 'm.json'), 'm.json is not an access-matrix export: projects[1].membersRead should be true or false.');
    const q = matrixJson();
    (q.users as Record<string, unknown>[])[0].projects = { nowhere: 'PROJECT_ADMIN' };
    assert.equal(refusal(json(q), 'm.json'), 'm.json: user users/a1 has a role in project nowhere, which the export does not list.');
    const r = matrixJson();
    (r.users as Record<string, unknown>[])[0].projects = { 'fleet-ops': 7 };
    assert.equal(refusal(json(r), 'm.json'), 'm.json is not an access-matrix export: users[0].projects.fleet-ops should be text.');
    const t = matrixJson();
    t.readAt = 'yesterday';
    (t.export as Record<string, unknown>).readAt = undefined;
    assert.equal(refusal(json(t), 'm.json'), 'm.json is not an access-matrix export: readAt should be a time (ISO 8601).');
    const u = matrixJson();
    u.users = [...(u.users as unknown[]), (u.users as unknown[])[0]];
    assert.equal(refusal(json(u), 'm.json'), 'm.json: user users/a1 is listed twice.');
    assert.equal(
      refusal('USER,NICKNAME,EMAIL,ACTIVE,ORGANIZATION ROLE,p\nusers/a,,a@x,maybe,R,\n', 'm.csv'),
      'm.csv: row 2: ACTIVE is "maybe", not true or false.',
    );
    assert.equal(
      refusal('USER,NICKNAME,EMAIL,ORGANIZATION ROLE,p\nusers/a,,a@x,R\n', 'm.csv'),
      'm.csv: row 2 has 4 cells; the header has 5.',
    );
    assert.equal(refusal('USER,NICKNAME,EMAIL,ORGANIZATION ROLE,p,p\n', 'm.csv'), 'm.csv: project p is listed twice.');
    assert.equal(
      refusal('USER,NICKNAME,EMAIL,ORGANIZATION ROLE,p\n"users/a,,a@x,R,\n', 'm.csv'),
      'm.csv is not valid CSV: a quoted cell is not closed.',
    );
    const mixed = parseAccessExport('USER,NICKNAME,EMAIL,ORGANIZATION ROLE,p\nusers/a,,a@x,R,?\nusers/b,,b@x,R,PROJECT_READER\n', 'm.csv');
    assert.equal(mixed.projects.get('p')?.membersRead, true, 'a column with a role in it was read: "?" there is a role named "?"');
    assert.equal(mixed.memberships.get('users/a')?.get('p'), '?');
  });

  it('from another organization than expected: names the one it is from (header, or a dated CSV name)', () => {
    const text = formatAccessMatrix(sampleMatrix(), 'json', undefined, sampleFacts({ organization: 'globex' }));
    assert.equal(refusal(text, 'm.json', 'acme'), 'm.json is from organization globex, not acme.');
    assert.equal(parseAccessExport(text, 'm.json', { expectOrganization: 'globex' }).organization, 'globex');
    const odd = formatAccessMatrix(sampleMatrix(), 'json', undefined, sampleFacts({ organization: 'a/b' }));
    assert.equal(refusal(odd, 'm.json', 'a-b'), 'm.json is from organization a/b, not a-b.', "a header's slug is compared as written");
    const yaml = formatAccessMatrix(sampleMatrix(), 'yaml', undefined, sampleFacts({ organization: 'globex' }));
    assert.equal(refusal(yaml, 'm.yaml', 'acme'), 'm.yaml is from organization globex, not acme.');
    const csv = formatAccessMatrix(sampleMatrix(), 'csv');
    assert.equal(
      refusal(csv, '/x/access-matrix-globex-20261207-0830.csv', 'acme'),
      'access-matrix-globex-20261207-0830.csv is from organization globex, not acme.',
    );
    assert.equal(
      parseAccessExport(csv, 'renamed.csv', { expectOrganization: 'acme' }).organization,
      undefined,
      'an export that names no organization passes',
    );
  });

  it('bounds: file size, value length, rows, columns; a hostile YAML alias is refused', () => {
    const big = ' '.repeat(EXPORT_LIMITS.chars + 1);
    assert.equal(refusal(big, 'huge.json'), 'huge.json is larger than 32 MB; an access-matrix export of that size cannot be compared.');
    assert.equal(
      refusal(`users: []\n${'#'.repeat(EXPORT_LIMITS.yamlChars)}`, 'big.yaml'),
      'big.yaml is a YAML export larger than 4 MB, too slow to read; export the access matrix as JSON (up to 32 MB) to compare it.',
    );
    const fifty = 'x'.repeat(50 * 1024 * 1024);
    assert.match(refusal(fifty, 'fifty.csv'), /^fifty\.csv is larger than 32 MB/);
    const o = matrixJson();
    (o.users as Record<string, unknown>[])[1].nickname = 'n'.repeat(EXPORT_LIMITS.valueChars + 1);
    assert.equal(
      refusal(json(o), 'm.json'),
      `m.json: the value at users[1].nickname is longer than ${EXPORT_LIMITS.valueChars} characters.`,
    );
    const longCell = `USER,NICKNAME,EMAIL,ORGANIZATION ROLE\nusers/a,"${'q'.repeat(EXPORT_LIMITS.valueChars + 1)}",a@x,R\n`;
    assert.match(refusal(longCell, 'm.csv'), /^m\.csv: the value at row 2 is longer than/);
    const columns = (n: number) => `USER,NICKNAME,EMAIL,ORGANIZATION ROLE,${Array.from({ length: n }, (_, i) => `p${i}`).join(',')}\n`;
    assert.equal(refusal(columns(EXPORT_LIMITS.projects + 1), 'm.csv'), 'm.csv lists more than 10,000 projects.');
    assert.equal(
      refusal(columns(EXPORT_LIMITS.projects + 2), 'm.csv'),
      'm.csv has more than 10,005 columns.',
      'stops while reading the row',
    );
    const tall = `USER,NICKNAME,EMAIL,ORGANIZATION ROLE\n${'users/x,,x@x,R\n'.repeat(EXPORT_LIMITS.users + 1)}`;
    assert.equal(refusal(tall, 'm.csv'), 'm.csv lists more than 200,000 users.');
    const many = { ...matrixJson(), projects: Array.from({ length: EXPORT_LIMITS.projects + 1 }, () => ({})) };
    assert.equal(refusal(json(many), 'm.json'), 'm.json: projects has more than 10,000 entries.');
    const bomb = ['a: &a ["x","x"]', 'b: &b [*a,*a]', 'c: &c [*b,*b]', 'users: [*c]', 'projects: []', 'organizationRoles: read'].join('\n');
    assert.match(refusal(bomb, 'bomb.yaml'), /^bomb\.yaml is not valid YAML: /);
    const control = { ...matrixJson(), export: { kind: 'x\u202e\nspoof'.padEnd(200, '!') } };
    const message = refusal(json(control), 'm.json');
    assert.ok(!/[\n\u202e]/.test(message) && message.length < 200, message);
  });

  it('a file name in a message is its last part, control characters replaced', () => {
    assert.equal(refusal('{}', 'C:\\Users\\me\\evil\nname.json'), 'evil?name.json is not an access-matrix export: it has no "users" key.');
  });
});
