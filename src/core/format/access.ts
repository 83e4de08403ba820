import type { AccessMatrix, AccessRow } from '../access/matrix';
import { formatMsg, msg } from '../errors';
import { UNREADABLE_CELL, type AccessFormat, type Translate } from './accessFormat';
import { exportFactsLines, exportFactsObject, type ExportFacts } from './exportFacts';
import { isoTime, markdownTable } from './markdownTable';
import { markdownText } from './markdownText';
import type { ProtoObject } from './protojson';
import { Column, renderCsv } from './table';
import { toYamlText } from './yaml';

// The shared format types and one user's access live in their own files; they stay importable from here.
export { ACCESS_FORMATS, UNREADABLE_CELL, accessFileExtension, type AccessFormat, type Translate } from './accessFormat';
export { formatUserAccess, userAccessNotes, userAccessRows, userAccessTitle } from './userAccess';

/** The `kind` an access-matrix export names in its `export:` header. */
export const ACCESS_MATRIX_KIND = 'access-matrix';

/**
 * Users × projects as CSV, Markdown, JSON or YAML. CSV and the JSON/YAML keys are fixed English (data); Markdown is for
 * people. With `facts`, JSON and YAML start with an `export:` object and Markdown with a few lines saying what was read
 * where and with which filters; CSV stays one header row and the table.
 */
export function formatAccessMatrix(matrix: AccessMatrix, format: AccessFormat, t: Translate = formatMsg, facts?: ExportFacts): string {
  switch (format) {
    case 'csv':
      return renderCsv(matrixColumns(matrix), matrix.rows);
    case 'markdown':
      return matrixMarkdown(matrix, t, facts);
    case 'json':
      return `${JSON.stringify(matrixObject(matrix, facts), null, 2)}\n`;
    case 'yaml':
      return toYamlText(matrixObject(matrix, facts));
  }
}

function orgRoleCell(matrix: AccessMatrix, row: AccessRow): string {
  return matrix.orgRoles.status === 'ok' ? (row.orgRole ?? '') : UNREADABLE_CELL;
}

/** The CSV columns: USER, NICKNAME, EMAIL, ACTIVE, ORGANIZATION ROLE, then one per project (slug, or name without). */
function matrixColumns(matrix: AccessMatrix): Column<AccessRow>[] {
  return [
    { header: 'USER', trimSize: 0, value: (r) => r.user.name },
    { header: 'NICKNAME', trimSize: 0, value: (r) => r.user.nickname ?? '' },
    { header: 'EMAIL', trimSize: 0, value: (r) => r.user.email },
    { header: 'ACTIVE', trimSize: 0, value: (r) => String(r.user.active) },
    { header: 'ORGANIZATION ROLE', trimSize: 0, value: (r) => orgRoleCell(matrix, r) },
    ...matrix.projects.map((p, i): Column<AccessRow> => ({
      header: p.project.slug || p.project.name,
      trimSize: 0,
      value: (r) => r.cells[i] ?? UNREADABLE_CELL,
    })),
  ];
}

function matrixMarkdown(matrix: AccessMatrix, t: Translate, facts: ExportFacts | undefined): string {
  const header = [
    t(msg('User')),
    t(msg('Nickname')),
    t(msg('Email')),
    t(msg('Active')),
    t(msg('Organization role')),
    ...matrix.projects.map((p) => p.project.slug || p.project.name),
  ];
  const body = matrix.rows.map((r) => [
    r.user.name,
    r.user.nickname ?? '',
    r.user.email,
    String(r.user.active),
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
  // The facts block: one line each (a hard break between them), then a blank line before the table.
  const head = facts ? [exportFactsLines(facts, t).map(markdownText).join('  \n'), ''] : [];
  return (
    [
      ...head,
      markdownTable(header, body),
      markdownTable([t(msg('Slug')), t(msg('Project')), t(msg('State')), t(msg('Members'))], projects),
      notes.map(markdownText).join('\n\n'),
    ].join('\n') + '\n'
  );
}

/** JSON/YAML: only memberships per user (no empty cells); unreadable projects say so once. */
function matrixObject(matrix: AccessMatrix, facts: ExportFacts | undefined): ProtoObject {
  const key = (i: number) => matrix.projects[i].project.slug || matrix.projects[i].project.name;
  return {
    ...(facts ? { export: exportFactsObject(facts, ACCESS_MATRIX_KIND) } : {}),
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
        // defineProperty: a project slugged "__proto__" is a key like any other, not the prototype.
        if (cell) Object.defineProperty(projects, key(i), { value: cell, enumerable: true, writable: true, configurable: true });
      });
      return {
        name: r.user.name,
        ...(r.user.nickname !== undefined ? { nickname: r.user.nickname } : {}),
        email: r.user.email,
        active: r.user.active,
        ...(r.orgRole !== undefined ? { organizationRole: r.orgRole } : {}),
        projects,
      };
    }),
  };
}
