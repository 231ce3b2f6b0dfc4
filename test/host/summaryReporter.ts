// Mocha reporter for the outer test layers: the usual spec output on the console, plus the
// counts as JSON in the file named by VMSS_MOCHA_SUMMARY, so scripts/test-all.mjs adds up
// numbers instead of scraping logs. Load it with `--reporter out/test/host/summaryReporter.js`
// (CommonJS `export =`: mocha loads a reporter as the module itself).
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

interface MochaSummary {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly durationMs: number;
  readonly failures: readonly { readonly title: string; readonly error: string }[];
}

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const failures: { title: string; error: string }[] = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error: Error) => failures.push({ title: test.fullTitle(), error: String(error) }));
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.VMSS_MOCHA_SUMMARY;
      if (!file) return;
      const stats = runner.stats;
      const summary: MochaSummary = {
        passed: stats?.passes ?? 0,
        // Failed hooks count here too: a suite whose before() throws is a failure, not a pass.
        failed: stats?.failures ?? failures.length,
        pending: stats?.pending ?? 0,
        durationMs: stats?.duration ?? 0,
        failures,
      };
      writeFileSync(file, JSON.stringify(summary, null, 2));
    });
  }
}

export = SpecWithSummary;
