/** Property tests: any matrix survives its own export read back; any text is read or refused with an AccessError. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { compareAccess } from '../../../../src/core/access/compare';
import type { AccessMatrix } from '../../../../src/core/access/matrix';
import { parseAccessExport } from '../../../../src/core/access/parseExport';
import { snapshotFromMatrix, type AccessSnapshot } from '../../../../src/core/access/snapshot';
import { AccessError } from '../../../../src/core/errors';
import { formatAccessMatrix } from '../../../../src/core/format/access';
import { anyString, fuzz, FUZZ_TIMEOUT_MS, PROTO_KEYS } from '../../fuzz/fuzz';
import { project, sampleFacts } from './reviewFixtures';

const text = fc.oneof(anyString(12), fc.constantFrom(...PROTO_KEYS, 'true', '?', '=1+1', '-', 'USER', ''));

/** A matrix of server text: unique user names, unique non-empty slugs (not resource names), any nickname, email, role. */
const matrixArb: fc.Arbitrary<AccessMatrix> = fc
  .record({
    slugs: fc.uniqueArray(
      text.filter((s) => s !== '' && !s.startsWith('projects/')),
      { maxLength: 4 },
    ),
    users: fc.uniqueArray(
      fc.record({ name: text.filter((s) => s !== ''), nickname: fc.option(text, { nil: undefined }), email: text, active: fc.boolean() }),
      { maxLength: 5, selector: (u) => u.name },
    ),
    roles: fc.array(fc.option(text, { nil: undefined }), { minLength: 30, maxLength: 30 }),
    readable: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    orgRoles: fc.constantFrom('ok' as const, 'denied' as const),
  })
  .map(({ slugs, users, roles, readable, orgRoles }) => ({
    projects: slugs.map((slug, i) => ({
      project: project(`id${i}`, slug, `${slug}!`, i % 2 === 1),
      status: readable[i] ? 'ok' : 'denied',
    })),
    rows: users.map((user, u) => ({
      user,
      ...(roles[u] !== undefined && orgRoles === 'ok' ? { orgRole: roles[u] } : {}),
      cells: slugs.map((_, p) => (readable[p] ? (roles[5 + u * 4 + p] ?? '') : undefined)),
    })),
    orgRoles: { status: orgRoles },
    includeArchived: true,
    finishedAt: 1_765_000_000_000,
  }));

/** The CSV form of a snapshot: projects by slug with membersRead only; no read time, no archive flag. */
function csvView(s: AccessSnapshot): AccessSnapshot {
  const slugOf = new Map([...s.projects].map(([k, p]) => [k, p.slug]));
  return {
    orgRolesRead: s.orgRolesRead,
    users: s.users,
    projects: new Map([...s.projects.values()].map((p) => [p.slug, { slug: p.slug, membersRead: p.membersRead }])),
    memberships: new Map([...s.memberships].map(([u, r]) => [u, new Map([...r].map(([k, role]) => [slugOf.get(k)!, role]))])),
  };
}

/**
 * What a CSV cannot tell apart, left out of the CSV property: a cell "'=x" from the guarded "=x", and a readable
 * column whose every cell is a role named "?" from an unreadable one.
 */
const csvAmbiguous = (m: AccessMatrix) =>
  m.rows.some((r) =>
    [r.user.name, r.user.nickname ?? '', r.user.email, r.orgRole ?? '', ...r.cells.map((c) => c ?? '')].some(
      (v) => v.startsWith("'") || v === '?',
    ),
  ) || m.projects.some((p) => p.project.slug.startsWith("'"));

describe('access export round trip (property)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('JSON and YAML: parse(format(matrix)) equals snapshotFromMatrix(matrix), whatever the server text', () => {
    fuzz(
      matrixArb,
      (matrix) => {
        const facts = sampleFacts();
        for (const format of ['json', 'yaml'] as const)
          assert.deepEqual(
            parseAccessExport(formatAccessMatrix(matrix, format, undefined, facts), `m.${format}`),
            snapshotFromMatrix(matrix, facts),
            format,
          );
      },
      150,
    );
  });

  it('CSV: the same users and memberships (projects by slug), and no change against the JSON side', () => {
    fuzz(
      matrixArb.filter((m) => !csvAmbiguous(m)),
      (matrix) => {
        const parsed = parseAccessExport(formatAccessMatrix(matrix, 'csv'), 'm.csv');
        const expected = snapshotFromMatrix(matrix);
        // Without a row, a column of "?" cannot be told from a readable one (nor the org roles): read as readable.
        const view = csvView(expected);
        const shown = matrix.rows.length
          ? view
          : { ...view, orgRolesRead: true, projects: new Map([...view.projects].map(([k, p]) => [k, { ...p, membersRead: true }])) };
        assert.deepEqual(parsed, shown);
        if (matrix.rows.length)
          assert.deepEqual(
            compareAccess(expected, parsed).changes.filter((c) => c.kind !== 'project-not-compared'),
            [],
          );
      },
      150,
    );
  });

  it('any text, under any file name: a snapshot or an AccessError, nothing else', () => {
    const texts = fc.oneof(
      anyString(200),
      fc.json(),
      matrixArb.chain((m) =>
        fc.constantFrom('json', 'yaml', 'csv').chain((format) =>
          fc.tuple(fc.nat(), anyString(4)).map(([at, junk]) => {
            const t = formatAccessMatrix(m, format as 'json');
            const i = at % (t.length + 1);
            return t.slice(0, i) + junk + t.slice(i + junk.length);
          }),
        ),
      ),
    );
    fuzz(
      fc.tuple(texts, fc.constantFrom('x.json', 'x.yaml', 'x.csv', 'x', 'x.md')),
      ([t, name]) => {
        try {
          parseAccessExport(t, name);
        } catch (e) {
          if (!(e instanceof AccessError)) throw e;
        }
      },
      400,
    );
  });
});
