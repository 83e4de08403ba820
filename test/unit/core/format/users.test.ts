import * as assert from 'node:assert/strict';
import { formatUser, formatUsers } from '../../../../src/core/format/users';
import { fixedZoneOffset } from '../../../../src/core/format/time';
import { ALICE, BOB } from './fixtures';

const CST = fixedZoneOffset(8 * 60);
const trimLines = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');

describe('users: cocli table formats', () => {
  it('prints the documented default view (§10.2) exactly', () => {
    const expected = [
      'ID                                       NICKNAME                 ROLE                     ACTIVE',
      '0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e     Alice                    ORGANIZATION_ADMIN       true',
      '7c9e2f10-8b3d-4e6a-a1b2-c3d4e5f60718     Bob                      ORGANIZATION_READER      false',
      '',
    ].join('\n');
    const out = formatUsers([ALICE, BOB], 'table', { zone: CST });
    assert.equal(trimLines(out), expected);
  });

  it('pads every column, the last one included, to TrimSize + 5 cells', () => {
    const lines = formatUsers([ALICE, BOB], 'table').split('\n');
    for (const line of lines.slice(0, 3)) assert.equal(line.length, 41 + 25 + 25 + 11);
    assert.ok(lines[0].endsWith('ACTIVE     '));
  });

  it('wide shows all seven columns with CREATE TIME in the local zone, RFC 3339 without fraction', () => {
    const lines = formatUsers([ALICE, BOB], 'wide', { zone: CST }).split('\n');
    assert.deepEqual(lines[0].split(/\s{2,}/).filter(Boolean), ['ID', 'NICKNAME', 'EMAIL', 'ROLE', 'ACTIVE', 'PHONE', 'CREATE TIME']);
    const cells = [
      ['0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e', 41],
      ['Alice', 25],
      ['alice@example.com', 35],
      ['ORGANIZATION_ADMIN', 25],
      ['true', 11],
      ['+8613800000000', 20],
      ['2025-03-01T16:00:00+08:00', 30],
    ] as const;
    assert.equal(lines[1], cells.map(([text, width]) => text.padEnd(width)).join(''));
    assert.ok(lines[2].includes('2025-03-03T07:30:00+08:00'), lines[2]);
  });

  it('prints Z for a zero offset and a negative offset with a minus sign', () => {
    assert.ok(formatUsers([ALICE], 'wide', { zone: fixedZoneOffset(0) }).includes('2025-03-01T08:00:00Z '));
    assert.ok(formatUsers([ALICE], 'wide', { zone: fixedZoneOffset(-330) }).includes('2025-03-01T02:30:00-05:30 '));
  });

  it('counts CJK characters as two cells when padding and truncating', () => {
    const li = { ...ALICE, nickname: '李娜' };
    const line = formatUsers([li], 'table').split('\n')[1];
    // 41 cells of ID, then 李娜 (4 cells) + 21 spaces = 25 cells.
    assert.equal(line.slice(41, 41 + 2 + 21), `李娜${' '.repeat(21)}`);
    assert.equal(line.slice(41 + 23, 41 + 23 + 'ORGANIZATION_ADMIN'.length), 'ORGANIZATION_ADMIN');

    const long = { ...ALICE, nickname: '感知算法评测数据标注团队成员' }; // 14 chars = 28 cells > 20
    const cut = formatUsers([long], 'table').split('\n')[1].slice(41);
    // 20 - 3 = 17 cells of room: 8 characters (16 cells) fit, then "...": 19 cells, padded to 25.
    assert.ok(cut.startsWith(`感知算法评测数据...${' '.repeat(6)}ORGANIZATION_ADMIN`), cut);
  });

  it('cuts long ASCII values to TrimSize cells ending in "..."', () => {
    const long = { ...ALICE, nickname: 'A very long nickname indeed', email: 'someone.with.a.very.long.address@example.com' };
    const line = formatUsers([long], 'wide', { zone: CST }).split('\n')[1];
    assert.ok(line.includes('A very long nickn...     '), line);
    assert.ok(line.includes('someone.with.a.very.long.ad...     '), line);
  });

  it('leaves NICKNAME and ROLE empty when unset and shows a non-users/ name unchanged', () => {
    const odd = { name: 'weird-name', email: '', phoneNumber: '', active: false };
    const line = formatUsers([odd], 'table').split('\n')[1];
    assert.equal(line, `weird-name${' '.repeat(31)}${' '.repeat(25)}${' '.repeat(25)}false${' '.repeat(6)}`);
  });

  it('csv has all columns, a header, and quotes only what needs quoting', () => {
    const quoted = { ...BOB, nickname: 'Eve "Q", Back\\slash' };
    const out = formatUsers([ALICE, quoted], 'csv', { zone: CST });
    assert.equal(
      out,
      'ID,NICKNAME,EMAIL,ROLE,ACTIVE,PHONE,CREATE TIME\n' +
        '0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e,Alice,alice@example.com,ORGANIZATION_ADMIN,true,+8613800000000,2025-03-01T16:00:00+08:00\n' +
        '7c9e2f10-8b3d-4e6a-a1b2-c3d4e5f60718,"Eve ""Q"", Back\\slash",bob@example.com,ORGANIZATION_READER,false,,2025-03-03T07:30:00+08:00\n',
    );
  });
});

describe('users: cocli json and yaml', () => {
  it('list JSON is the ListUsersResponse object, camelCase, defaults omitted, totalSize = count as a string', () => {
    const out = formatUsers([ALICE, BOB], 'json', { nextPageToken: 'b2Zmc2V0PTEw' });
    assert.equal(
      out,
      `{
  "users": [
    {
      "name": "users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e",
      "nickname": "Alice",
      "email": "alice@example.com",
      "phoneNumber": "+8613800000000",
      "role": {
        "name": "roles/1f2e3d4c-0000-4000-8000-000000000001",
        "displayName": "Organization Admin",
        "code": "ORGANIZATION_ADMIN",
        "level": "organization"
      },
      "active": true,
      "createTime": "2025-03-01T08:00:00Z"
    },
    {
      "name": "users/7c9e2f10-8b3d-4e6a-a1b2-c3d4e5f60718",
      "nickname": "Bob",
      "email": "bob@example.com",
      "role": {
        "name": "roles/1f2e3d4c-0000-4000-8000-000000000003",
        "displayName": "Organization Reader",
        "code": "ORGANIZATION_READER",
        "level": "organization"
      },
      "createTime": "2025-03-02T23:30:00.120Z"
    }
  ],
  "nextPageToken": "b2Zmc2V0PTEw",
  "totalSize": "2"
}
`,
    );
  });

  it('an empty list is {} and a set-but-empty nickname is kept', () => {
    assert.equal(formatUsers([], 'json'), '{}\n');
    assert.equal(formatUsers([], 'yaml'), '{}\n');
    const parsed = JSON.parse(formatUser({ ...BOB, nickname: '' }, 'json')) as Record<string, unknown>;
    assert.equal(parsed.nickname, '');
    assert.equal('nickname' in JSON.parse(formatUser({ ...BOB, nickname: undefined }, 'json')), false);
  });

  it('user get JSON is the bare User object', () => {
    const parsed = JSON.parse(formatUser(ALICE, 'json')) as Record<string, unknown>;
    assert.equal(parsed.name, ALICE.name);
    assert.equal('users' in parsed, false);
    assert.equal(parsed.phoneNumber, '+8613800000000');
  });

  it('protojson timestamps use 3, 6 or 9 fraction digits in UTC', () => {
    const t = (createTime: string) => (JSON.parse(formatUser({ ...ALICE, createTime }, 'json')) as { createTime: string }).createTime;
    assert.equal(t('2025-03-01T16:00:00.5+08:00'), '2025-03-01T08:00:00.500Z');
    assert.equal(t('2025-03-01T08:00:00.123456Z'), '2025-03-01T08:00:00.123456Z');
    assert.equal(t('2025-03-01T08:00:00.000000001Z'), '2025-03-01T08:00:00.000000001Z');
    assert.equal(t('2025-03-01T08:00:00.000Z'), '2025-03-01T08:00:00Z');
  });

  it('YAML uses proto names, sorted keys, 2-space indent and yaml.v3 quoting', () => {
    const out = formatUsers([ALICE, BOB], 'yaml');
    assert.equal(
      out,
      `total_size: "2"
users:
  - active: true
    create_time: "2025-03-01T08:00:00Z"
    email: alice@example.com
    name: users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e
    nickname: Alice
    phone_number: "+8613800000000"
    role:
      code: ORGANIZATION_ADMIN
      display_name: Organization Admin
      level: organization
      name: roles/1f2e3d4c-0000-4000-8000-000000000001
  - create_time: "2025-03-02T23:30:00.120Z"
    email: bob@example.com
    name: users/7c9e2f10-8b3d-4e6a-a1b2-c3d4e5f60718
    nickname: Bob
    role:
      code: ORGANIZATION_READER
      display_name: Organization Reader
      level: organization
      name: roles/1f2e3d4c-0000-4000-8000-000000000003
`,
    );
  });

  it('YAML quotes strings that would read back as something else', () => {
    const out = formatUser({ ...BOB, nickname: 'yes', email: '', phoneNumber: '123', createTime: undefined }, 'yaml');
    assert.match(out, /^nickname: "yes"$/m);
    assert.match(out, /^phone_number: "123"$/m);
    const special = formatUser({ ...BOB, nickname: '- dash: colon' }, 'yaml');
    assert.match(special, /^nickname: '- dash: colon'$/m);
    const quote = formatUser({ ...BOB, nickname: 'Eve "Q" Back\\slash' }, 'yaml');
    assert.match(quote, /^nickname: Eve "Q" Back\\slash$/m);
    assert.match(formatUser({ ...BOB, nickname: 'bell\x07' }, 'yaml'), /^nickname: "bell\\x07"$/m);
  });
});
