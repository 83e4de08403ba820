import * as assert from 'node:assert/strict';
import { AdaptiveLimiter, ThrottleSignal } from '../../../../src/core/access/limiter';
import type { ScanProgress } from '../../../../src/core/access/model';
import { readOrgRoster, scanProjects } from '../../../../src/core/access/scan';
import { connectError, generated, memoryApi, project, user } from './memoryApi';

const users = Array.from({ length: 40 }, (_, i) => user(i + 1));

describe('access scan: the member list of every project', () => {
  it('reads 30 projects × 25 members with at most 8 requests in flight, and reports "n / total" progress', async () => {
    const { api, stats } = memoryApi(generated(30, 25, users), users, { delayMs: 5 });
    const progress: ScanProgress[] = [];
    const scan = await scanProjects(api, { onProgress: (p) => progress.push(p) });
    assert.equal(scan.projects.length, 30);
    assert.ok(scan.projects.every((p) => p.status === 'ok' && p.members.size === 25));
    assert.equal(stats.peak, 8);
    assert.equal(stats.byMethod.get('ListUsers'), 30);
    const last = progress[progress.length - 1];
    assert.deepEqual(last, { done: 30, total: 30, listed: true });
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i].done >= progress[i - 1].done, 'done never goes back');
    assert.ok(
      progress.some((p) => p.done < p.total),
      'progress is reported while the scan runs',
    );
  });

  it('honours a smaller concurrency', async () => {
    const { api, stats } = memoryApi(generated(10, 5, users), users, { delayMs: 3 });
    await scanProjects(api, { limiter: new AdaptiveLimiter(2) });
    assert.equal(stats.peak, 2);
  });

  it('pages long member lists (250 members → 3 pages) and keeps one record per user', async () => {
    const many = Array.from({ length: 250 }, (_, i) => user(i + 1));
    const { api, stats } = memoryApi(generated(2, 250, many), many);
    const scan = await scanProjects(api);
    assert.equal(stats.byMethod.get('ListUsers'), 6);
    assert.equal(scan.projects[0].members.size, 250);
    assert.equal(scan.users.size, 250);
    const name = many[10].name;
    const keys = scan.projects.map((p) => [...p.members.keys()].find((k) => k === name));
    assert.ok(keys[0] === keys[1] && keys[0] === scan.users.get(name)?.name, 'one string per user name, shared by every project');
  });

  it('a refused project is marked and the scan goes on; archived projects only when asked', async () => {
    const projects = [
      ...generated(3, 4, users),
      { project: project(9, true), members: [[users[0].name, 'PROJECT_READER']] as [string, string][] },
    ];
    const refuse = memoryApi(projects, users, {
      fault: (r) => (r.parent === 'projects/p-1' ? connectError(403, 'permission_denied', 'needs role PROJECT_ADMIN') : undefined),
    });
    const scan = await scanProjects(refuse.api);
    assert.deepEqual(
      scan.projects.map((p) => [p.project.slug, p.status]),
      [
        ['proj-0', 'ok'],
        ['proj-1', 'denied'],
        ['proj-2', 'ok'],
      ],
    );
    assert.match(String(scan.projects[1].problem?.template), /not allowed/);
    assert.equal(scan.projects[1].members.size, 0);
    const withArchived = await scanProjects(refuse.api, { includeArchived: true });
    assert.deepEqual(
      withArchived.projects.map((p) => p.project.slug),
      ['proj-0', 'proj-1', 'proj-2', 'proj-9'],
    );
    assert.equal(withArchived.includeArchived, true);
  });

  it('429s slow the scan down (fewer in flight) and every project is still read', async () => {
    let limitedCalls = 0;
    const { api } = memoryApi(generated(20, 3, users), users, {
      delayMs: 2,
      fault: (r) => {
        if (r.method !== 'ListUsers' || limitedCalls >= 6) return undefined;
        limitedCalls++;
        return connectError(429, 'resource_exhausted', 'slow down', 20);
      },
    });
    const limiter = new AdaptiveLimiter(8);
    const scan = await scanProjects(api, { limiter });
    assert.ok(scan.projects.every((p) => p.status === 'ok' && p.members.size === 3));
    assert.ok(scan.throttled >= 1);
    assert.ok(limiter.lowestLimit <= 4, `lowest limit ${limiter.lowestLimit}`);
  });

  it('429s the transport reports (while it retries) slow the scan down too', async () => {
    const throttle = new ThrottleSignal();
    let calls = 0;
    const { api } = memoryApi(generated(12, 2, users), users, { delayMs: 2 });
    const wrapped = {
      ...api,
      listUsers: (req: Parameters<typeof api.listUsers>[0], signal?: AbortSignal) => {
        if (++calls === 2) throttle.emit(10);
        return api.listUsers(req, signal);
      },
    };
    const limiter = new AdaptiveLimiter(8);
    await scanProjects(wrapped, { limiter, throttle });
    assert.equal(limiter.lowestLimit, 4);
  });

  it('a rejected token stops the whole scan with that error', async () => {
    const { api, stats } = memoryApi(generated(40, 2, users), users, {
      delayMs: 2,
      fault: (r) => (r.parent === 'projects/p-3' ? connectError(401, 'unauthenticated', 'bad key') : undefined),
    });
    await assert.rejects(scanProjects(api), (err: Error) => /rejected the token/.test(err.message));
    assert.ok((stats.byMethod.get('ListUsers') ?? 0) < 40, 'the other lists were stopped');
  });

  it('a scan-wide cap stops the whole scan with its message: many full lists cannot pile up past it', async () => {
    const { api, stats } = memoryApi(generated(40, 25, users), users, { delayMs: 2 });
    await assert.rejects(scanProjects(api, { caps: { maxItems: 100 } }), /limit of 100 items/);
    assert.ok((stats.byMethod.get('ListUsers') ?? 0) < 40, 'the other lists were stopped');
    const whole = await scanProjects(memoryApi(generated(40, 25, users), users).api, { caps: { maxItems: 1000 } });
    assert.equal(whole.projects.length, 40, 'exactly at the cap is still a whole scan');
  });

  it('when every list fails the same way, that is one error, not a table of question marks', async () => {
    const { api } = memoryApi(generated(5, 2, users), users, {
      fault: (r) => (r.method === 'ListUsers' ? connectError(503, 'unavailable', 'down') : undefined),
    });
    await assert.rejects(scanProjects(api), /unavailable/);
  });

  it('cancelling rejects with an AbortError and sends nothing more', async () => {
    const { api, stats } = memoryApi(generated(50, 2, users), users, { delayMs: 10 });
    const controller = new AbortController();
    const scan = scanProjects(api, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 5) controller.abort();
      },
    });
    await assert.rejects(scan, { name: 'AbortError' });
    const sent = stats.calls;
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(stats.calls, sent);
    assert.ok(sent < 40);
  });

  it('the organization roster: org roles in server order, or "denied" without the rights', async () => {
    const { api } = memoryApi([], [user(1, 'ORGANIZATION_ADMIN'), user(2, 'ORGANIZATION_WRITER')]);
    const roster = await readOrgRoster(api);
    assert.deepEqual(
      roster.users.map((u) => u.orgRole),
      ['ORGANIZATION_ADMIN', 'ORGANIZATION_WRITER'],
    );
    const denied = memoryApi([], users, {
      fault: () => connectError(403, 'permission_denied', 'ListUsers requires role ORGANIZATION_ADMIN'),
    });
    const refused = await readOrgRoster(denied.api);
    assert.equal(refused.status, 'denied');
    assert.deepEqual(refused.users, []);
  });
});
