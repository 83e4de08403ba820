import type { UserAccess } from '../access/matrix';
import { UNREADABLE_CELL } from './accessFormat';
import { markdownTable } from './markdownTable';
import { Column, renderCsv } from './table';

/** One row of two users' access side by side: the organization, or a project either of them can be seen in. */
export interface AccessPairRow {
  scope: 'organization' | 'project';
  slug: string;
  displayName: string;
  /** The role of the first and of the second user ('' for none, '?' when the project's members could not be read). */
  left: string;
  right: string;
}

/**
 * Two users' access in one table: the organization row, then every project either is a member of (the first user's
 * order, then the second's others), then the projects whose members could not be read for either.
 */
export function accessPairRows(left: UserAccess, right: UserAccess): AccessPairRow[] {
  const rows: AccessPairRow[] = [
    { scope: 'organization', slug: '', displayName: '', left: left.orgRole ?? '', right: right.orgRole ?? '' },
  ];
  const byName = new Map<string, AccessPairRow>();
  const row = (project: { name: string; slug: string; displayName: string }): AccessPairRow => {
    let found = byName.get(project.name);
    if (!found) {
      found = { scope: 'project', slug: project.slug, displayName: project.displayName, left: '', right: '' };
      byName.set(project.name, found);
      rows.push(found);
    }
    return found;
  };
  for (const m of left.memberships) row(m.project).left = m.role;
  for (const m of right.memberships) row(m.project).right = m.role;
  for (const p of left.unreadable) row(p.project).left = UNREADABLE_CELL;
  for (const p of right.unreadable) row(p.project).right = UNREADABLE_CELL;
  return rows;
}

const who = (access: UserAccess) => access.user.nickname || access.user.name;

/** The side-by-side table as CSV (fixed English headers, the users' names in the role columns) or Markdown. */
export function formatAccessPair(left: UserAccess, right: UserAccess, format: 'csv' | 'markdown'): string {
  const rows = accessPairRows(left, right);
  if (format === 'markdown')
    return markdownTable(
      ['Scope', 'Project', 'Slug', who(left), who(right)],
      rows.map((r) => [r.scope, r.displayName, r.slug, r.left, r.right]),
    );
  const columns: Column<AccessPairRow>[] = [
    { header: 'SCOPE', trimSize: 0, value: (r) => r.scope },
    { header: 'SLUG', trimSize: 0, value: (r) => r.slug },
    { header: 'DISPLAY NAME', trimSize: 0, value: (r) => r.displayName },
    { header: `ROLE OF ${left.user.name}`, trimSize: 0, value: (r) => r.left },
    { header: `ROLE OF ${right.user.name}`, trimSize: 0, value: (r) => r.right },
  ];
  return renderCsv(columns, rows);
}
