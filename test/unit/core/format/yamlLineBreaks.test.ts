import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { Role, User } from '../../../../src/core/coscene/model';
import { formatRoles } from '../../../../src/core/format/roles';
import { formatUser, formatUsers } from '../../../../src/core/format/users';
import { toYamlText } from '../../../../src/core/format/yaml';

/**
 * Characters a YAML reader may read as a line break (CR; NEL, LS and PS in YAML 1.1 readers such as PyYAML), fold into
 * a space or drop: every C0 control, DEL, every C1 control, LS, PS, and the BOM. None may appear raw in an export.
 */
const DANGEROUS = [
  ...Array.from({ length: 0x20 }, (_, cp) => cp),
  ...Array.from({ length: 0xa0 - 0x7f }, (_, i) => 0x7f + i),
  0x2028,
  0x2029,
  0xfeff,
].map((cp) => String.fromCodePoint(cp));

/** Raw in the output: for LF, more lines than the same export with a plain letter in its place. */
const rawIn = (text: string, ch: string, baseline: string) =>
  ch === '\n' ? text.split('\n').length !== baseline.split('\n').length : text.includes(ch);

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const ROLE: Role = { name: 'roles/r1', displayName: 'Organization Reader', code: 'ORGANIZATION_READER', level: 'organization' };
const userWith = (text: string): User => ({
  name: `users/u${text}1`,
  nickname: `nick${text}name`,
  email: `a${text}@b.example`,
  phoneNumber: `+86${text}1`,
  role: { ...ROLE, displayName: `Reader${text}x`, code: `CODE${text}X` },
  active: true,
  createTime: `2025${text}`,
});

describe('YAML exports write line-breaking and control characters as escapes', () => {
  for (const ch of DANGEROUS) {
    it(`${hex(ch)} in every string field of a user is escaped and reads back unchanged`, () => {
      const user = userWith(ch);
      const plain = userWith('x');
      for (const [text, baseline] of [
        [formatUsers([user], 'yaml'), formatUsers([plain], 'yaml')],
        [formatUser(user, 'yaml'), formatUser(plain, 'yaml')],
      ]) {
        assert.ok(!rawIn(text, ch, baseline), `${hex(ch)} raw in:\n${JSON.stringify(text)}`);
        const doc = parse(text) as { users?: Record<string, unknown>[] } & Record<string, unknown>;
        const read = doc.users ? doc.users[0] : doc;
        assert.equal(read.nickname, user.nickname);
        assert.equal(read.email, user.email);
        assert.equal(read.phoneNumber ?? read.phone_number, user.phoneNumber);
        assert.equal(read.name, user.name);
      }
    });
  }

  it('role names and codes with each character are escaped in the roles export', () => {
    const roles = DANGEROUS.map((ch, i) => ({ ...ROLE, name: `roles/${i}`, displayName: `Role${ch}${i}`, code: `C${ch}${i}` }));
    const text = formatRoles(roles, 'yaml');
    const baseline = formatRoles(
      roles.map((r, i) => ({ ...r, displayName: `Role x${i}`, code: `Cx${i}` })),
      'yaml',
    );
    for (const ch of DANGEROUS) assert.ok(!rawIn(text, ch, baseline), `${hex(ch)} raw in the roles export`);
    const read = (parse(text) as { roles: { displayName?: string; display_name?: string }[] }).roles;
    assert.deepEqual(read.map((r) => r.displayName ?? r.display_name).sort(), roles.map((r) => r.displayName).sort());
  });

  it('keys and nested values are escaped too (the access matrix and details documents use the same writer)', () => {
    for (const ch of DANGEROUS) {
      const value = { [`project${ch}slug`]: [{ nickname: `n${ch}` }], plain: `v${ch}` };
      const text = toYamlText(value);
      const baseline = toYamlText({ projectxslug: [{ nickname: 'nx' }], plain: 'vx' });
      assert.ok(!rawIn(text, ch, baseline), `${hex(ch)} raw in ${JSON.stringify(text)}`);
      assert.deepEqual(parse(text), value);
    }
  });

  it('a nickname crafted with CR cannot add a user to the export', () => {
    const forged = { ...userWith(''), nickname: 'mallory\r- name: users/ceo\r  email: ceo@corp.example\r  nickname: ceo' };
    const text = formatUsers([forged], 'yaml');
    // What a reader that breaks lines at CR (PyYAML, libyaml, yaml.v3) sees: CR as a newline.
    const asCrReader = parse(text.replace(/\r/g, '\n')) as { users: { nickname: string }[] };
    assert.equal(asCrReader.users.length, 1);
    assert.equal(asCrReader.users[0].nickname, forged.nickname);
  });
});
