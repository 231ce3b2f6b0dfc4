// Benchmark of issue 18 (run: `node scripts/build.mjs --production && npx tsx bench/simulatorStart.bench.ts`):
// how long "Use Simulator" waits for the extension's simulator process (dist/simulator-server.js) — from
// spawning it to its discovery file naming a server that answers — with an empty storage folder (the
// certificate is generated) and with the certificate cached there, alternating.
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { connectSharedSimulator } from '../src/connection/sharedSimulator';
import { median } from './activationProbe';

const root = path.resolve(__dirname, '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

async function timeStart(dir: string): Promise<number> {
  const started = performance.now();
  const sim = await connectSharedSimulator({ dir, serverScript: path.join(root, 'dist', 'simulator-server.js'), config: { timeScale: 60 } });
  const elapsed = performance.now() - started;
  await sim.stop();
  return elapsed;
}

export async function runSimulatorStartBench(iterations: number, log: (line: string) => void = console.log): Promise<{ cold: number; cached: number }> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'vmss-bench-simstart-'));
  try {
    const cachedDir = path.join(scratch, 'cached');
    await timeStart(cachedDir); // fills the cache (and the file cache)
    const cold: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < iterations; i++) {
      cold.push(await timeStart(path.join(scratch, `cold-${i}`)));
      cached.push(await timeStart(cachedDir));
    }
    const figures = { cold: median(cold), cached: median(cached) };
    log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    log(`simulator start (spawn → discovery file → answers), ${iterations} starts each, alternating:`);
    log(`    empty storage folder (generates the certificate): median ${figures.cold.toFixed(0)} ms, max ${Math.max(...cold).toFixed(0)} ms`);
    log(`    certificate cached in the storage folder: median ${figures.cached.toFixed(0)} ms, max ${Math.max(...cached).toFixed(0)} ms (goal ≤ 1000 ms)`);
    return figures;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) void runSimulatorStartBench(Number(process.env.BENCH_ITERATIONS ?? 10));
