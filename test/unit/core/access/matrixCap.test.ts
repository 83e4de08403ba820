import * as assert from 'node:assert/strict';
import { buildAccessMatrix, MAX_MATRIX_CELLS } from '../../../../src/core/access/matrix';
import type { MemberInfo, ProjectMembers, ProjectScan } from '../../../../src/core/access/model';
import { AccessError, formatMsg } from '../../../../src/core/errors';

/** A scan as a hostile server could make it within the scan caps: many users, many projects, one member each. */
function scanOf(userCount: number, projectCount: number): ProjectScan {
  const users = new Map<string, MemberInfo>();
  for (let i = 0; i < userCount; i++) users.set(`users/${i}`, { name: `users/${i}`, email: `u${i}@x.example`, active: true });
  const projects: ProjectMembers[] = Array.from({ length: projectCount }, (_, i) => ({
    project: { name: `projects/${i}`, slug: `p${i}`, displayName: `P${i}` } as ProjectMembers['project'],
    status: 'ok',
    members: new Map([[`users/${i % userCount}`, 'PROJECT_READER']]),
  }));
  return { projects, users, includeArchived: false, finishedAt: 0, throttled: 0 };
}

describe('access matrix size bound', () => {
  it('100,000 users × 5,000 projects is refused with what to do, before any cell is made (heap grows < 200 MB)', () => {
    const scan = scanOf(100_000, 5_000);
    const heapBefore = process.memoryUsage().heapUsed;
    const error = (() => {
      try {
        buildAccessMatrix(scan);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    const grown = process.memoryUsage().heapUsed - heapBefore;
    assert.ok(error instanceof AccessError, `refused: ${String(error)}`);
    assert.equal(
      formatMsg(error.userMessage),
      'The access matrix would have 100,000 users × 5,000 projects, more cells than the 20,000,000 one matrix can hold. Use Show Access for User… for one user at a time.',
    );
    assert.ok(grown < 200 * 1024 * 1024, `heap grew ${Math.round(grown / 1024 / 1024)} MB`);
  });

  it('a roster user the scan did not see counts as a row too', () => {
    const projects = 2_000;
    const users = MAX_MATRIX_CELLS / projects; // exactly at the bound
    const scan = scanOf(users, projects);
    assert.equal(buildAccessMatrix(scan).rows.length, users);
    const roster = { status: 'ok' as const, users: [{ info: { name: 'users/extra', email: 'e@x.example', active: true }, orgRole: 'R' }] };
    assert.throws(() => buildAccessMatrix(scan, roster), AccessError);
  });
});
