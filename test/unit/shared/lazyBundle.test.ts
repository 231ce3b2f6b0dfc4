// The one lazy-require helper (issue 18): the bundle is required on the first load() only, and kept.
import * as assert from 'node:assert/strict';
import { lazyBundle } from '../../../src/shared/lazyBundle';

describe('lazyBundle', () => {
  it('requires nothing until the first load(), then once; isLoaded() says which', () => {
    let requires = 0;
    const module = { name: 'the bundle' };
    const bundle = lazyBundle(() => (requires++, module));
    assert.equal(bundle.isLoaded(), false);
    assert.equal(requires, 0);
    assert.equal(bundle.load(), module);
    assert.equal(bundle.load(), module);
    assert.equal(requires, 1);
    assert.equal(bundle.isLoaded(), true);
  });

  it('a require that throws is tried again on the next load() (nothing half-loaded is kept)', () => {
    let attempts = 0;
    const bundle = lazyBundle(() => {
      attempts++;
      if (attempts === 1) throw new Error('Cannot find module ./missing');
      return { ok: true };
    });
    assert.throws(() => bundle.load(), /Cannot find module/);
    assert.equal(bundle.isLoaded(), false);
    assert.deepEqual(bundle.load(), { ok: true });
    assert.equal(attempts, 2);
  });
});
