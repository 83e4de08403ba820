import { CHANGE_KINDS, type AccessChange, type AccessDiff, type ChangeKind } from '../access/compare';
import { formatMsg, msg, type Msg } from '../errors';
import type { AccessFormat, Translate } from './accessFormat';
import { isoTime, markdownTable } from './markdownTable';
import { markdownText } from './markdownText';
import type { ProtoObject } from './protojson';
import { Column, renderCsv } from './table';
import { toYamlText } from './yaml';

/** The heading of each kind of change in a Markdown report. */
export function changeKindTitle(kind: ChangeKind): Msg {
  switch (kind) {
    case 'user-joined':
      return msg('Joined the organization');
    case 'user-left':
      return msg('Left the organization');
    case 'user-renamed':
      return msg('Nickname changed');
    case 'org-role-changed':
      return msg('Organization role changed');
    case 'user-deactivated':
      return msg('Deactivated');
    case 'user-reactivated':
      return msg('Reactivated');
    case 'project-added':
      return msg('Projects added');
    case 'project-removed':
      return msg('Projects removed');
    case 'project-archived':
      return msg('Projects archived');
    case 'project-unarchived':
      return msg('Projects unarchived');
    case 'project-renamed':
      return msg('Projects renamed');
    case 'project-not-compared':
      return msg('Projects not compared (members not read)');
    case 'membership-gained':
      return msg('Project memberships gained');
    case 'membership-lost':
      return msg('Project memberships lost');
    case 'project-role-changed':
      return msg('Project role changed');
  }
}

const DIFF_COLUMNS: Column<AccessChange>[] = [
  { header: 'KIND', trimSize: 0, value: (c) => c.kind },
  { header: 'USER', trimSize: 0, value: (c) => c.user ?? '' },
  { header: 'NICKNAME', trimSize: 0, value: (c) => c.nickname ?? '' },
  { header: 'PROJECT', trimSize: 0, value: (c) => c.project ?? '' },
  { header: 'BEFORE', trimSize: 0, value: (c) => c.before ?? '' },
  { header: 'AFTER', trimSize: 0, value: (c) => c.after ?? '' },
];

/**
 * The comparison of two access exports. CSV: one row per change (KIND, USER, NICKNAME, PROJECT, BEFORE, AFTER),
 * formula-guarded. Markdown: the two sides, the counts, then one section per kind, server text escaped. JSON/YAML:
 * `before`, `after`, `counts`, `changes` and `notes` (fixed English keys and kinds; YAML counts are strings, as int64s are).
 */
export function formatAccessDiff(diff: AccessDiff, format: AccessFormat, t: Translate = formatMsg): string {
  switch (format) {
    case 'csv':
      return renderCsv(DIFF_COLUMNS, diff.changes);
    case 'markdown':
      return diffMarkdown(diff, t);
    case 'json':
      return `${JSON.stringify(
        diffObject(diff, (n) => n),
        null,
        2,
      )}\n`;
    case 'yaml':
      return toYamlText(diffObject(diff, String) as ProtoObject);
  }
}

type Count = number | string;
type DiffValue = Count | boolean | DiffObject | DiffValue[];
interface DiffObject {
  [key: string]: DiffValue;
}

function diffObject(diff: AccessDiff, count: (n: number) => Count): DiffObject {
  const side = (s: AccessDiff['before']): DiffObject => ({
    ...(s.organization !== undefined ? { organization: s.organization } : {}),
    ...(s.readAt !== undefined ? { readAt: isoTime(s.readAt) } : {}),
  });
  const counts: DiffObject = {};
  for (const kind of CHANGE_KINDS) counts[kind] = count(diff.counts[kind]);
  return {
    before: side(diff.before),
    after: side(diff.after),
    counts,
    changes: diff.changes.map((c) => {
      const o: DiffObject = { kind: c.kind };
      for (const key of ['user', 'nickname', 'project', 'before', 'after'] as const) if (c[key] !== undefined) o[key] = c[key];
      return o;
    }),
    notes: diff.notes.map(formatMsg),
  };
}

function sideText(s: AccessDiff['before'], t: Translate): string {
  const org = s.organization ?? t(msg('organization not recorded'));
  return s.readAt !== undefined ? `${org} · ${isoTime(s.readAt)}` : `${org} · ${t(msg('time not recorded'))}`;
}

function diffMarkdown(diff: AccessDiff, t: Translate): string {
  const total = diff.changes.length;
  const kinds = CHANGE_KINDS.filter((k) => diff.counts[k] > 0);
  const out = [
    `# ${markdownText(t(msg('Access changes')))}`,
    '',
    markdownText(t(msg('Before: {0}', sideText(diff.before, t)))) + '  ',
    markdownText(t(msg('After: {0}', sideText(diff.after, t)))),
    '',
    ...diff.notes.flatMap((n) => [markdownText(t(n)), '']),
  ];
  if (total === 0) return [...out, markdownText(t(msg('No changes.'))), ''].join('\n');
  out.push(
    `## ${markdownText(t(msg('Summary')))}`,
    '',
    markdownTable(
      [t(msg('Change')), t(msg('Count'))],
      kinds.map((k) => [t(changeKindTitle(k)), String(diff.counts[k])]),
    ),
  );
  const header = [t(msg('User')), t(msg('Nickname')), t(msg('Project')), t(msg('Before')), t(msg('After'))];
  for (const kind of kinds) {
    const rows = diff.changes
      .filter((c) => c.kind === kind)
      .map((c) => [c.user ?? '', c.nickname ?? '', c.project ?? '', c.before ?? '', c.after ?? '']);
    out.push(`## ${markdownText(`${t(changeKindTitle(kind))} (${diff.counts[kind]})`)}`, '', markdownTable(header, rows));
  }
  return out.join('\n');
}
