import type { Role, User } from '../../../core/coscene/model';
import { formatLocalRfc3339 } from '../../../core/format/time';
import { userId } from '../../../core/format/users';
import { escapeMarkdown } from '../../../core/text/serverText';

/**
 * Tooltip Markdown for roles and users, vscode-free so unit tests can feed hostile names. Every server string goes
 * through escapeMarkdown: a role or nickname like `![x](http://…)` must not load an image on hover or become a link.
 */

export interface RoleTooltipLabels {
  code: string;
  level: string;
  resourceName: string;
}

export function roleTooltipMarkdown(role: Role, labels: RoleTooltipLabels): string {
  return [
    `**${escapeMarkdown(role.displayName || role.code)}**`,
    '',
    `${escapeMarkdown(labels.code)}: ${escapeMarkdown(role.code)}  `,
    `${escapeMarkdown(labels.level)}: ${escapeMarkdown(role.level)}  `,
    `${escapeMarkdown(labels.resourceName)}: ${escapeMarkdown(role.name)}`,
  ].join('\n');
}

export interface UserTooltipLabels {
  id: string;
  resourceName: string;
  nickname: string;
  email: string;
  role: string;
  active: string;
  yes: string;
  no: string;
  phone: string;
  createTime: string;
}

export function userLabel(user: User): string {
  return user.nickname || user.email || userId(user.name);
}

/** Every field of `cocli user list -o wide` as a two-column table, with CREATE TIME in the local zone. */
export function userTooltipMarkdown(user: User, labels: UserTooltipLabels): string {
  const rows: [string, string][] = [
    [labels.id, userId(user.name)],
    [labels.resourceName, user.name],
    [labels.nickname, user.nickname ?? ''],
    [labels.email, user.email],
    [labels.role, user.role ? `${user.role.code} (${user.role.displayName})` : ''],
    [labels.active, user.active ? labels.yes : labels.no],
    [labels.phone, user.phoneNumber],
    [labels.createTime, user.createTime ? formatLocalRfc3339(user.createTime) : ''],
  ];
  const body = rows.map(([k, v]) => `| ${escapeMarkdown(k)} | ${v ? escapeMarkdown(v) : '—'} |`).join('\n');
  return `**${escapeMarkdown(userLabel(user))}**\n\n| | |\n|---|---|\n${body}`;
}
