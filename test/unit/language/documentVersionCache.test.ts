// The lint caches of the editor (templateLintCache.ts, bicepLintCache.ts) keep one result per
// document version: the same version is linted once, a new version (an edit) again, and a forgotten
// (closed) document or a cleared cache (settings changed) starts afresh.
import assert from 'node:assert/strict';
import { DocumentVersionCache, type VersionedDocument } from '../../../src/language/documentVersionCache';

class CountingCache extends DocumentVersionCache<string> {
  computed = 0;

  lint(document: VersionedDocument): string {
    return this.cached(document, () => `${document.uri.toString()}@${document.version}#${++this.computed}`);
  }
}

const doc = (uri: string, version: number): VersionedDocument => ({ uri: { toString: () => uri }, version });

describe('DocumentVersionCache: one result per document version', () => {
  it('computes once per version, and again after an edit', () => {
    const cache = new CountingCache();
    assert.equal(cache.lint(doc('file:///a.json', 1)), 'file:///a.json@1#1');
    assert.equal(cache.lint(doc('file:///a.json', 1)), 'file:///a.json@1#1');
    assert.equal(cache.lint(doc('file:///a.json', 2)), 'file:///a.json@2#2');
    assert.equal(cache.computed, 2);
  });

  it('keeps documents apart by uri', () => {
    const cache = new CountingCache();
    cache.lint(doc('file:///a.json', 1));
    assert.equal(cache.lint(doc('file:///b.json', 1)), 'file:///b.json@1#2');
    assert.equal(cache.lint(doc('file:///a.json', 1)), 'file:///a.json@1#1');
  });

  it('computes afresh after forget (one document) and clear (all)', () => {
    const cache = new CountingCache();
    cache.lint(doc('file:///a.json', 1));
    cache.lint(doc('file:///b.json', 1));
    cache.forget(doc('file:///a.json', 1));
    assert.equal(cache.lint(doc('file:///a.json', 1)), 'file:///a.json@1#3');
    assert.equal(cache.lint(doc('file:///b.json', 1)), 'file:///b.json@1#2');
    cache.clear();
    assert.equal(cache.lint(doc('file:///b.json', 1)), 'file:///b.json@1#4');
  });
});
