import type { AccessMatrix, AccessRow, UserAccess } from '../access/matrix';
import { formatMsg, msg, type Msg } from '../errors';
import type { ProtoObject } from './protojson';
import { Column, renderCsv } from './table';
import { toYamlText } from './yaml';
import { markdownText } from './markdownText';

export type AccessFormat = 'csv' | 'markdown' | 'json' | 'yaml';
export const ACCESS_FORMATS: readonly AccessFormat[] = ['csv', 'markdown', 'json', 'yaml'];

/** Localises a message (the adapters pass vscode.l10n.t; English by default). */
export type Translate = (m: Msg) => string;

/** Cell text of a project whose member list could not be read. */
export const UNREADABLE_CELL = '?';

export function accessFileExtension(format: AccessFormat): string {
  return format === 'markdown' ? 'md' : format;
}

/** Users × projects as CSV, Markdown, JSON or YAML. CSV and the JSON/YAML keys are fixed English (data); Markdown is for people. */
export function formatAccessMatrix(matrix: AccessMatrix, format: AccessFormat, t: Translate = formatMsg): string {
  switch (format) {
    case 'csv':
      return renderCsv(matrixColumns(matrix), matrix.rows);
    case 'markdown':
      return matrixMarkdown(matrix, t);
    case 'json':
      return `${JSON.stringify(matrixObject(matrix), null, 2)}\n`;
    case 'yaml':
      return toYamlText(matrixObject(matrix));
  }
}

function orgRoleCell(matrix: AccessMatrix, row: AccessRow): string {
  return matrix.orgRoles.status === 'ok' ? (row.orgRole ?? '') : UNREADABLE_CELL;
}

function matrixColumns(matrix: AccessMatrix): Column<AccessRow>[] {
  return [
    { header: 'USER', trimSize: 0, value: (r) => r.user.name },
    { header: 'NICKNAME', trimSize: 0, value: (r) => r.user.nickname ?? '' },
    { header: 'EMAIL', trimSize: 0, value: (r) => r.user.email },
    { header: 'ORGANIZATION ROLE', trimSize: 0, value: (r) => orgRoleCell(matrix, r) },
    ...matrix.projects.map((p, i): Column<AccessRow> => ({
      header: p.project.slug || p.project.name,
      trimSize: 0,
      value: (r) => r.cells[i] ?? UNREADABLE_CELL,
    })),
  ];
}

function matrixMarkdown(matrix: AccessMatrix, t: Translate): string {
  const header = [
    t(msg('User')),
    t(msg('Nickname')),
    t(msg('Email')),
    t(msg('Organization role')),
    ...matrix.projects.map((p) => p.project.slug || p.project.name),
  ];
  const body = matrix.rows.map((r) => [
    r.user.name,
    r.user.nickname ?? '',
    r.user.email,
    orgRoleCell(matrix, r),
    ...r.cells.map((c) => c ?? UNREADABLE_CELL),
  ]);
  const projects = matrix.projects.map((p) => [
    p.project.slug,
    p.project.displayName,
    p.project.archived ? t(msg('archived')) : '',
    p.status === 'ok' ? '' : `${UNREADABLE_CELL} ${p.problem ? t(p.problem) : ''}`.trim(),
  ]);
  const notes = [
    t(msg('Users × projects: {0} × {1}, read at {2}.', matrix.rows.length, matrix.projects.length, isoTime(matrix.finishedAt))),
    matrix.includeArchived ? t(msg('Archived projects are included.')) : t(msg('Archived projects are not included.')),
    t(msg('An empty cell: not a member. {0}: the members of that project could not be read.', UNREADABLE_CELL)),
    ...(matrix.orgRoles.status === 'ok'
      ? []
      : [
          t(
            msg('Organization roles could not be read: {0}', matrix.orgRoles.problem ? t(matrix.orgRoles.problem) : matrix.orgRoles.status),
          ),
        ]),
  ];
  return (
    [
      markdownTable(header, body),
      markdownTable([t(msg('Slug')), t(msg('Project')), t(msg('State')), t(msg('Members'))], projects),
      notes.map(markdownText).join('\n\n'),
    ].join('\n') + '\n'
  );
}

/** JSON/YAML: only memberships per user (no empty cells); unreadable projects say so once. */
function matrixObject(matrix: AccessMatrix): ProtoObject {
  const key = (i: number) => matrix.projects[i].project.slug || matrix.projects[i].project.name;
  return {
    readAt: isoTime(matrix.finishedAt),
    includesArchived: matrix.includeArchived,
    organizationRoles: matrix.orgRoles.status === 'skipped' ? 'skipped' : matrix.orgRoles.status === 'ok' ? 'read' : 'unreadable',
    projects: matrix.projects.map((p) => ({
      name: p.project.name,
      slug: p.project.slug,
      displayName: p.project.displayName,
      archived: p.project.archived,
      membersRead: p.status === 'ok',
      ...(p.problem ? { problem: formatMsg(p.problem) } : {}),
    })),
    users: matrix.rows.map((r) => {
      const projects: ProtoObject = {};
      r.cells.forEach((cell, i) => {
        if (cell) projects[key(i)] = cell;
      });
      return {
        name: r.user.name,
        ...(r.user.nickname !== undefined ? { nickname: r.user.nickname } : {}),
        email: r.user.email,
        ...(r.orgRole !== undefined ? { organizationRole: r.orgRole } : {}),
        projects,
      };
    }),
  };
}

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

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(markdownText).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
