// Polls until `find` returns something (a run's state reached, a message posted), for tests that
// drive a run on the simulator's clock and look at what the editor side saw.

/** Resolves with the first non-undefined `find()`, checked every 5 ms; rejects after `timeoutMs`. */
export function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const found = find();
      if (found !== undefined) return resolve(found);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 5);
    };
    tick();
  });
}
