// Every ARM code the failure catalogue lists resolves to an entry that lists it; the codes several
// entries share (OperationNotAllowed, BadRequest) resolve by Azure's message, as Compute words it.
import * as assert from 'node:assert/strict';
import { catalogue, entryForCode, type FailureId } from '../../../src/core/explain/catalogue';

const shared: Record<string, readonly [message: string, id: FailureId | undefined][]> = {
  OperationNotAllowed: [
    ['Operation could not be completed as it results in exceeding approved Total Regional Cores quota.', 'quotaExceeded'],
    ['The OS Rolling Upgrade API cannot be used on a Virtual Machine Scale Set unless the Virtual Machine Scale Set has some unprotected instances which have imageReference.version set to latest.', 'imageNotLatest'],
    ["Operation 'reimage' is not allowed on VM 'web_3' since another operation is in progress on it.", 'instanceBusy'],
    ['There is no rolling upgrade in progress on VM scale set no-quota to cancel.', 'operationNotAllowed'],
  ],
  BadRequest: [
    ['Rolling Upgrade mode is not supported for this Virtual Machine Scale Set because a health probe or health extension was not provided.', 'healthSignalMissing'],
    ["virtualMachineScaleSets with Automatic OS Upgrade enabled must use Platform or Gallery Image with version set to 'latest'.", 'imageNotLatest'],
    ['Some other validation failed.', undefined],
  ],
};

describe('failure catalogue: codes to causes', () => {
  for (const entry of Object.values(catalogue)) {
    for (const code of entry.codes.filter((c) => !(c in shared))) {
      it(`${code} → ${entry.id}`, () => assert.equal(entryForCode(code)?.id, entry.id));
    }
  }

  for (const [code, cases] of Object.entries(shared)) {
    for (const [message, id] of cases) {
      it(`${code} "${message.slice(0, 50)}…" → ${id ?? 'no entry'}`, () => {
        assert.equal(entryForCode(code, message)?.id, id);
        if (id) assert.ok(catalogue[id].codes.includes(code), `${id} lists ${code}`);
      });
    }
  }

  it('every entry has a cause, a fix or a rule, and says "unverified" only with a reason', () => {
    for (const entry of Object.values(catalogue)) {
      assert.ok(entry.cause.length > 20, entry.id);
      assert.ok(entry.fixes.length > 0, entry.id);
      if (entry.unverified !== undefined) assert.ok(entry.unverified.length > 20, entry.id);
    }
  });
});
