// Diagnostics lint after typing stops (templateDiagnostics.ts, registerBicepLinting.ts): per document,
// a change restarts the wait, a close cancels it, and disposing the extension cancels all.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { KeyedDebounce } from '../../../src/language/keyedDebounce';

const delayMs = 20;
/** Long enough for a due timer to have fired on a busy machine; the assertions only wait, never race. */
const settleMs = 200;

describe('KeyedDebounce: one pending action per document', () => {
  it('runs only the last action scheduled for a key, once', async () => {
    const debounce = new KeyedDebounce(delayMs);
    const ran: string[] = [];
    debounce.schedule('a', () => ran.push('a1'));
    debounce.schedule('a', () => ran.push('a2'));
    await sleep(settleMs);
    assert.deepEqual(ran, ['a2']);
  });

  it('keeps keys apart, and cancel drops only its own key', async () => {
    const debounce = new KeyedDebounce(delayMs);
    const ran: string[] = [];
    debounce.schedule('a', () => ran.push('a'));
    debounce.schedule('b', () => ran.push('b'));
    debounce.cancel('a');
    await sleep(settleMs);
    assert.deepEqual(ran, ['b']);
  });

  it('dispose cancels every pending action', async () => {
    const debounce = new KeyedDebounce(delayMs);
    const ran: string[] = [];
    debounce.schedule('a', () => ran.push('a'));
    debounce.schedule('b', () => ran.push('b'));
    debounce.dispose();
    await sleep(settleMs);
    assert.deepEqual(ran, []);
  });
});
