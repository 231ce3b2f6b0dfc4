// For entry points (demo, runners, shim): turn Ctrl-C / SIGTERM into a normal exit so the
// 'exit' hook in codeServer.ts kills the process groups we started. Playwright's own signal
// handlers are disabled in browser.ts because they would exit without that cleanup.
export function exitOnInterrupt(onInterrupt?: () => Promise<void>): void {
  const handle = (signal: NodeJS.Signals, code: number) => {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping`);
      const done = () => process.exit(code);
      if (!onInterrupt) return done();
      // A second signal, or a slow cleanup, still ends the process.
      setTimeout(done, 5000).unref();
      process.once(signal, done);
      onInterrupt().then(done, done);
    });
  };
  handle('SIGINT', 130);
  handle('SIGTERM', 143);
}
