import * as assert from 'node:assert/strict';
import { compareWithNewest } from '../../../../src/commands/newerImage';

const on = (exactVersion?: string) => ({ image: { exactVersion } });

describe('A6/A7: is anything newer than what the instances run?', () => {
  it('counts the instances behind the newest listed version (numeric order, not text order)', () => {
    const versions = ['24.04.202409010', '24.04.202410020', '24.04.202411050'];
    assert.deepEqual(compareWithNewest([on('24.04.202411050'), on('24.04.202409010'), on('24.04.202410020')], versions), { kind: 'newer', newest: '24.04.202411050', behind: 2 });
    assert.deepEqual(compareWithNewest([on('1.10.0')], ['1.9.0', '1.10.0']), { kind: 'none', newest: '1.10.0' });
  });

  it('says plainly when every instance already runs the newest version', () => {
    assert.deepEqual(compareWithNewest([on('2.0.0'), on('2.0.0')], ['1.0.0', '2.0.0']), { kind: 'none', newest: '2.0.0' });
  });

  it('treats an instance without a known version as behind, and an empty list as unknown', () => {
    assert.equal(compareWithNewest([on(undefined)], ['1.0.0']).kind, 'newer');
    assert.equal(compareWithNewest([on('1.0.0')], []).kind, 'unknown');
  });
});
