// One result per open document version, whatever the language: diagnostics, hovers and quick fixes
// of one version share it (a hover right after typing does not lint again), and an edit — a new
// version — computes it afresh. No vscode import, so it is tested in plain Node.

/** What the cache needs of a document: vscode.TextDocument fits. */
export interface VersionedDocument {
  readonly uri: { toString(): string };
  readonly version: number;
}

export class DocumentVersionCache<T> {
  private readonly entries = new Map<string, { version: number; result: T }>();

  /** The result for this version of the document: the cached one, or `compute()`'s, kept for next time. */
  protected cached(document: VersionedDocument, compute: () => T): T {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version) return entry.result;
    const result = compute();
    this.entries.set(key, { version: document.version, result });
    return result;
  }

  forget(document: VersionedDocument): void {
    this.entries.delete(document.uri.toString());
  }

  clear(): void {
    this.entries.clear();
  }
}
