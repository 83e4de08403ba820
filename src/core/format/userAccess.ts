import type { UserAccess } from '../access/matrix';
import { formatMsg, msg } from '../errors';
import { UNREADABLE_CELL, type AccessFormat, type Translate } from './accessFormat';
import { isoTime, markdownTable } from './markdownTable';
import { markdownText } from './markdownText';
import type { ProtoObject } from './protojson';
import { Column, renderCsv } from './table';
import { toYamlText } from './yaml';

/** One user's access for Show Access: a Markdown document, or CSV / JSON / YAML to copy. */
export function formatUserAccess(access: UserAccess, format: AccessFormat, t: Translate = formatMsg): string {
  switch (format) {
    case 'csv':
      return renderCsv(USER_ACCESS_COLUMNS, userAccessRows(access));
    case 'markdown':
      return userAccessMarkdown(access, t);
    case 'json':
      return `${JSON.stringify(userAccessObject(access), null, 2)}\n`;
    case 'yaml':
      return toYamlText(userAccessObject(access));
  }
}

interface UserAccessRow {
  scope: 'organization' | 'project';
  slug: string;
  displayName: string;
  role: string;
}

const USER_ACCESS_COLUMNS: Column<UserAccessRow>[] = [
  { header: 'SCOPE', trimSize: 0, value: (r) => r.scope },
  { header: 'SLUG', trimSize: 0, value: (r) => r.slug },
  { header: 'DISPLAY NAME', trimSize: 0, value: (r) => r.displayName },
  { header: 'ROLE', trimSize: 0, value: (r) => r.role },
];

export function userAccessRows(access: UserAccess): UserAccessRow[] {
  return [
    { scope: 'organization', slug: '', displayName: '', role: access.orgRole ?? '' },
    ...access.memberships.map((m): UserAccessRow => ({
      scope: 'project',
      slug: m.project.slug,
      displayName: m.project.displayName,
      role: m.role,
    })),
    ...access.unreadable.map((p): UserAccessRow => ({
      scope: 'project',
      slug: p.project.slug,
      displayName: p.project.displayName,
      role: UNREADABLE_CELL,
    })),
  ];
}

/** The lines under one user's access table (localised): projects not a member of, unreadable ones, when, archived. */
export function userAccessNotes(access: UserAccess, t: Translate = formatMsg): string[] {
  const who = access.user.nickname || access.user.name;
  return [
    ...(access.notMemberOf ? [t(msg('Projects read where {0} is not a member: {1}.', who, access.notMemberOf))] : []),
    ...(access.unreadable.length
      ? [
          t(
            msg(
              'Projects whose members could not be read ({0}): {1}',
              access.unreadable.length,
              access.unreadable.map((p) => `${p.project.slug} (${p.problem ? t(p.problem) : p.status})`).join('; '),
            ),
          ),
        ]
      : []),
    t(
      msg(
        'Projects: {0}, read at {1}.',
        access.memberships.length + access.notMemberOf + access.unreadable.length,
        isoTime(access.finishedAt),
      ),
    ),
    access.includeArchived ? t(msg('Archived projects are included.')) : t(msg('Archived projects are not included.')),
  ];
}

/** The heading of one user's access. */
export function userAccessTitle(access: UserAccess, t: Translate = formatMsg): string {
  return t(msg('Access of {0}', access.user.nickname || access.user.name));
}

function userAccessMarkdown(access: UserAccess, t: Translate): string {
  const rows = userAccessRows(access).map((r) => [
    r.scope === 'organization' ? t(msg('Organization')) : t(msg('Project')),
    r.displayName,
    r.slug,
    r.role,
  ]);
  return (
    [
      `# ${markdownText(userAccessTitle(access, t))}`,
      '',
      markdownText([access.user.name, access.user.email].filter(Boolean).join(' · ')),
      '',
      markdownTable([t(msg('Scope')), t(msg('Project')), t(msg('Slug')), t(msg('Role'))], rows),
      userAccessNotes(access, t).map(markdownText).join('\n\n'),
    ].join('\n') + '\n'
  );
}

function userAccessObject(access: UserAccess): ProtoObject {
  return {
    user: access.user.name,
    ...(access.user.nickname !== undefined ? { nickname: access.user.nickname } : {}),
    email: access.user.email,
    ...(access.orgRole !== undefined ? { organizationRole: access.orgRole } : {}),
    projects: access.memberships.map((m) => ({
      name: m.project.name,
      slug: m.project.slug,
      displayName: m.project.displayName,
      role: m.role,
    })),
    unreadableProjects: access.unreadable.map((p) => ({
      name: p.project.name,
      slug: p.project.slug,
      ...(p.problem ? { problem: formatMsg(p.problem) } : {}),
    })),
    readAt: isoTime(access.finishedAt),
    includesArchived: access.includeArchived,
  };
}
