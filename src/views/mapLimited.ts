// Runs `work` over items with at most `limit` in flight — background look-ups (one per scale set) must
// not flood ARM's per-subscription read limits or the extension host's sockets.
export async function mapLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
