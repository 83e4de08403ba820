import * as assert from 'node:assert/strict';
import { datedFileName, fileNameSlug, fileNameStamp, organizationInFileName } from '../../../../src/core/format/exportName';

describe('dated export file names', () => {
  const date = new Date(2026, 0, 5, 9, 7, 59); // local time

  it('access-matrix-<org>-<yyyymmdd-HHmm>.<ext> and users-<org>-…, in local time', () => {
    assert.equal(fileNameStamp(date), '20260105-0907');
    assert.equal(datedFileName('access-matrix', 'acme', date, 'csv'), 'access-matrix-acme-20260105-0907.csv');
    assert.equal(datedFileName('users', 'acme-robotics', date, 'json'), 'users-acme-robotics-20260105-0907.json');
    assert.equal(datedFileName('access-changes', 'acme', new Date(2026, 11, 31, 23, 59), 'md'), 'access-changes-acme-20261231-2359.md');
  });

  it('the org slug keeps only [A-Za-z0-9._-]; anything else becomes "-", empty becomes "organization"', () => {
    assert.equal(fileNameSlug('Acme_Robotics-2.0'), 'Acme_Robotics-2.0');
    assert.equal(fileNameSlug('a/b\\c:d*e?f"g<h>i|j k'), 'a-b-c-d-e-f-g-h-i-j-k');
    assert.equal(fileNameSlug('机器人'), '---');
    assert.equal(fileNameSlug('😀x'), '-x', 'one character, one dash');
    assert.equal(fileNameSlug(''), 'organization');
    assert.equal(fileNameSlug('..'), '--', 'no dot-only name part');
    assert.equal(fileNameSlug('.hidden'), '-hidden');
    assert.equal(fileNameSlug('x'.repeat(500)).length, 64, 'bounded');
    assert.equal(datedFileName('users', '../../etc', date, 'csv'), 'users----..-etc-20260105-0907.csv', 'no separator survives');
  });

  it('reads the organization back from a dated name (a save dialog\'s " (1)" and a directory allowed)', () => {
    assert.equal(organizationInFileName('access-matrix', 'access-matrix-acme-20260105-0907.csv'), 'acme');
    assert.equal(organizationInFileName('access-matrix', '/tmp/x/access-matrix-acme-robotics-20260105-0907 (1).csv'), 'acme-robotics');
    assert.equal(organizationInFileName('access-matrix', 'C:\\exports\\access-matrix-acme-20260105-0907.json'), 'acme');
    assert.equal(organizationInFileName('access-matrix', 'users-acme-20260105-0907.csv'), undefined);
    assert.equal(organizationInFileName('access-matrix', 'matrix.csv'), undefined);
  });
});
