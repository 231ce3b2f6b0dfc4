// Issue 18: the SDK loads while the connection is being made (sign-in, the simulator's start), on a
// later turn of the event loop — never inside the caller's own turn, which would block it.
import * as assert from 'node:assert/strict';
import { isSdkLoaded, loadSdk, preloadSdk } from '../../../src/azure/loadSdk';

describe('preloadSdk (issue 18)', () => {
  it('loads the SDK on a later turn, once, and the loaded SDK is the one loadSdk() returns', async () => {
    const alreadyLoaded = isSdkLoaded(); // other test files in the same run may have loaded it
    const first = preloadSdk();
    if (!alreadyLoaded) assert.equal(isSdkLoaded(), false, 'not loaded within the caller\'s turn');
    assert.equal(preloadSdk(), first, 'one preload, however many callers');
    await first;
    assert.equal(isSdkLoaded(), true);
    assert.equal(typeof loadSdk().ComputeManagementClient, 'function');
  });
});
