/**
 * Tooltip Markdown built from hostile server data: a role display name or nickname must not load an image on
 * hover, become a link (web or command:), or break out with a backtick. Checked on the Markdown source: every
 * character that could start such syntax is backslash-escaped, and un-escaping gives back the server's text.
 */
import * as assert from 'node:assert/strict';
import type { Role, User } from '../../../../../src/core/coscene/model';
import { roleTooltipMarkdown, userTooltipMarkdown } from '../../../../../src/vscode/users/views/tooltipMarkdown';

const HOSTILE = '![x](http://127.0.0.1:1/p.png) [a](command:x) ` <img src=x> www.example.com http://127.0.0.1:1/';
const role: Role = { name: `roles/${HOSTILE}`, displayName: HOSTILE, code: `c${HOSTILE}`, level: `l${HOSTILE}` };
const user: User = { name: `users/${HOSTILE}`, nickname: HOSTILE, email: `${HOSTILE}@x`, phoneNumber: HOSTILE, active: true, role } as User;
const roleLabels = { code: 'Code', level: 'Level', resourceName: 'Resource name' };
const userLabels = {
  id: 'ID',
  resourceName: 'Resource name',
  nickname: 'Nickname',
  email: 'Email',
  role: 'Role',
  active: 'Active',
  yes: 'yes',
  no: 'no',
  phone: 'Phone',
  createTime: 'Create time',
};

/** Characters that open links, images, code spans or HTML without a preceding backslash, and bare URLs (autolinks). */
function unescaped(markdown: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') {
      i++;
      continue;
    }
    if ('[]()!`<>'.includes(markdown[i])) found.push(`${markdown[i]}@${i}`);
  }
  // GFM autolinks bare URLs and www. names.
  for (const m of markdown.matchAll(/https?:\/\/|www\./g)) found.push(`${m[0]}@${m.index}`);
  return found;
}

const unescape = (markdown: string): string => markdown.replace(/\\(.)/g, '$1');

describe('tooltip Markdown with hostile server strings', () => {
  it('role tooltip: no link, image, code span or HTML survives; the text reads as sent', () => {
    const md = roleTooltipMarkdown(role, roleLabels);
    assert.deepEqual(unescaped(md), []);
    for (const text of [role.displayName, role.code, role.level, role.name]) assert.ok(unescape(md).includes(text), text);
  });

  it('user tooltip: no link, image, code span or HTML survives; the text reads as sent', () => {
    const md = userTooltipMarkdown(user, userLabels);
    assert.deepEqual(unescaped(md), []);
    for (const text of [HOSTILE, user.email, `${role.code} (${role.displayName})`]) assert.ok(unescape(md).includes(text), text);
  });

  it('a newline in a name cannot start a new Markdown block (a heading, a table row)', () => {
    const md = roleTooltipMarkdown({ ...role, displayName: 'a\n# big\n| x |' }, roleLabels);
    assert.ok(!/\n#/.test(md));
    assert.equal(md.split('\n').length, roleTooltipMarkdown({ ...role, displayName: 'a' }, roleLabels).split('\n').length);
  });
});
