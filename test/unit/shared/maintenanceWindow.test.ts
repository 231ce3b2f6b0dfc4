// The maintenanceWindow shape of Microsoft.Maintenance (Maintenance.json 2023-04-01): Windows time zone
// ids, wall-clock starts across DST, every recurEvery form the spec lists, expiration, and the OSImage
// rules Learn states (≥ 5 hours, recurrence Day).
import { strict as assert } from 'node:assert';
import { compileWindow, nextWindow, openWindowAt, windowsFrom } from '../../../src/shared/maintenance/occurrences';
import { osImageWindowProblems } from '../../../src/shared/maintenance/osImageRules';
import { ianaZoneOf } from '../../../src/shared/maintenance/windowsTimeZone';
import type { MaintenanceWindow } from '../../../src/shared/maintenance/maintenanceWindow';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000', ''));
const starts = (w: MaintenanceWindow, from: string, n: number) => windowsFrom(compileWindow(w), at(from), n).map((o) => iso(o.start));

describe('maintenance window calculator (Microsoft.Maintenance maintenanceWindow)', () => {
  it('maps Windows time zone ids to IANA zones through the CLDR table and refuses unknown ids', () => {
    assert.equal(ianaZoneOf('Pacific Standard Time'), 'America/Los_Angeles');
    assert.equal(ianaZoneOf('W. Europe Standard Time'), 'Europe/Berlin');
    assert.match(ianaZoneOf('UTC'), /^(Etc\/)?UTC$|^Etc\/GMT$/);
    assert.throws(() => ianaZoneOf('Mars Standard Time'), /not a Windows time zone id/);
  });

  it('a daily window is open from its start for its duration, and reports the next one when closed', () => {
    const w = compileWindow({ startDateTime: '2026-12-01 22:00', duration: '05:00', timeZone: 'UTC', recurEvery: 'Day' });
    assert.deepEqual(openWindowAt(w, at('2026-12-04T23:30:00Z')), { start: at('2026-12-04T22:00:00Z'), end: at('2026-12-05T03:00:00Z') });
    assert.equal(openWindowAt(w, at('2026-12-05T03:00:00Z')), undefined, 'the end is exclusive');
    assert.equal(iso(nextWindow(w, at('2026-12-05T04:00:00Z'))?.start), '2026-12-05T22:00:00Z');
    assert.equal(iso(nextWindow(w, at('2026-11-20T00:00:00Z'))?.start), '2026-12-01T22:00:00Z', 'nothing before startDateTime');
  });

  it('keeps the wall-clock start across a daylight saving change (Pacific Standard Time, March 2026)', () => {
    const w: MaintenanceWindow = { startDateTime: '2026-03-06 01:00', duration: '05:00', timeZone: 'Pacific Standard Time', recurEvery: 'Day' };
    assert.deepEqual(starts(w, '2026-03-06T00:00:00Z', 4), ['2026-03-06T09:00:00Z', '2026-03-07T09:00:00Z', '2026-03-08T09:00:00Z', '2026-03-09T08:00:00Z']);
  });

  it('a start inside the spring-forward gap still yields one real instant per day', () => {
    const w: MaintenanceWindow = { startDateTime: '2026-03-07 02:30', duration: '05:00', timeZone: 'Pacific Standard Time', recurEvery: 'Day' };
    const occ = starts(w, '2026-03-08T00:00:00Z', 2);
    assert.equal(occ.length, 2);
    assert.ok(occ.every((s) => s !== undefined && !s.includes('NaN')));
    assert.equal(occ[1], '2026-03-09T09:30:00Z');
  });

  it('nDays, weekly with weekdays, nWeeks', () => {
    assert.deepEqual(starts({ startDateTime: '2026-12-01 08:00', duration: '05:00', timeZone: 'UTC', recurEvery: '3Days' }, '2026-12-01T00:00:00Z', 3), ['2026-12-01T08:00:00Z', '2026-12-04T08:00:00Z', '2026-12-07T08:00:00Z']);
    // 2026-12-01 is a Tuesday; W. Europe is UTC+1 in December.
    assert.deepEqual(starts({ startDateTime: '2026-12-01 02:00', duration: '05:00', timeZone: 'W. Europe Standard Time', recurEvery: 'Week Saturday,Sunday' }, '2026-12-01T00:00:00Z', 3), ['2026-12-05T01:00:00Z', '2026-12-06T01:00:00Z', '2026-12-12T01:00:00Z']);
    assert.deepEqual(starts({ startDateTime: '2026-12-01 02:00', duration: '05:00', timeZone: 'UTC', recurEvery: '2Weeks' }, '2026-12-01T00:00:00Z', 2), ['2026-12-01T02:00:00Z', '2026-12-15T02:00:00Z']);
  });

  it('monthly by days, by week of month, with an offset, and skips months without the day', () => {
    assert.deepEqual(starts({ startDateTime: '2026-01-01 00:00', duration: '05:00', timeZone: 'UTC', recurEvery: 'Month day23,day24' }, '2026-01-01T00:00:00Z', 3), ['2026-01-23T00:00:00Z', '2026-01-24T00:00:00Z', '2026-02-23T00:00:00Z']);
    assert.deepEqual(starts({ startDateTime: '2026-01-01 00:00', duration: '05:00', timeZone: 'UTC', recurEvery: 'Month day31' }, '2026-01-01T00:00:00Z', 3), ['2026-01-31T00:00:00Z', '2026-03-31T00:00:00Z', '2026-05-31T00:00:00Z']);
    // Fourth Monday of Dec 2026 is the 28th; last Sunday of Jan 2027 is the 31st, minus 3 days.
    assert.deepEqual(starts({ startDateTime: '2026-12-01 00:00', duration: '05:00', timeZone: 'UTC', recurEvery: 'Month Fourth Monday' }, '2026-12-01T00:00:00Z', 1), ['2026-12-28T00:00:00Z']);
    assert.deepEqual(starts({ startDateTime: '2027-01-01 00:00', duration: '05:00', timeZone: 'UTC', recurEvery: 'Month Last Sunday Offset-3' }, '2027-01-01T00:00:00Z', 1), ['2027-01-28T00:00:00Z']);
  });

  it('no window starts at or after expirationDateTime', () => {
    const w = compileWindow({ startDateTime: '2026-12-01 08:00', expirationDateTime: '2026-12-03 08:00', duration: '05:00', timeZone: 'UTC', recurEvery: 'Day' });
    assert.deepEqual(windowsFrom(w, at('2026-12-01T00:00:00Z'), 5).map((o) => iso(o.start)), ['2026-12-01T08:00:00Z', '2026-12-02T08:00:00Z']);
    assert.equal(nextWindow(w, at('2026-12-03T00:00:00Z')), undefined);
  });

  it('refuses malformed windows with a message naming the field', () => {
    const base: MaintenanceWindow = { startDateTime: '2026-12-01 08:00', duration: '05:00', timeZone: 'UTC', recurEvery: 'Day' };
    assert.throws(() => compileWindow({ ...base, startDateTime: '12/01/2026' }), /startDateTime/);
    assert.throws(() => compileWindow({ ...base, duration: '5h' }), /duration/);
    assert.throws(() => compileWindow({ ...base, recurEvery: 'Fortnight' }), /recurEvery/);
    assert.throws(() => compileWindow({ ...base, recurEvery: 'Month Last Sunday Offset7' }), /offset must be between -6 and 6/);
    assert.throws(() => compileWindow({ ...base, recurEvery: 'Week Funday' }), /not a weekday/);
    assert.throws(() => compileWindow({ ...base, expirationDateTime: '2026-11-01 08:00' }), /expirationDateTime must be later/);
  });

  it('OSImage: at least 5 hours and a daily recurrence (Learn, maintenance control for scale sets)', () => {
    const ok: MaintenanceWindow = { startDateTime: '2026-12-01 22:00', duration: '05:00', timeZone: 'Pacific Standard Time', recurEvery: 'Day' };
    assert.deepEqual(osImageWindowProblems(ok), []);
    assert.match(osImageWindowProblems({ ...ok, duration: '04:59' }).join(), /5 hours/);
    assert.match(osImageWindowProblems({ ...ok, recurEvery: 'Week Saturday' }).join(), /must be 'Day'/);
    assert.match(osImageWindowProblems({ ...ok, timeZone: 'Nowhere' }).join(), /timeZone/);
  });
});
