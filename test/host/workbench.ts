// A running workbench for UI tests and the demo check: code-server with the extension under
// development, opened in headless Chromium, plus the few gestures tests need. Selectors follow
// shared/notes/vscode-host.md.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { automationLogLines } from './automationLog';
import { repoRoot, screenshotDir } from './paths';
import { workbenchUrl } from './workbenchUrl';

export interface WorkbenchOptions extends CodeServerOptions {
  /** The extension folder to load as a development extension (default: this repository). */
  readonly extensionDevelopmentPath?: string | null;
  readonly readyTimeoutMs?: number;
}

export class Workbench {
  /** Console lines of the extension host and workbench, as they arrived. */
  readonly log: string[] = [];

  private constructor(
    readonly server: CodeServer,
    private readonly browser: Browser,
    readonly url: string,
  ) {}

  static async start(options: WorkbenchOptions = {}): Promise<Workbench> {
    const server = await startCodeServer(options);
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const extensionDevelopmentPath = options.extensionDevelopmentPath === undefined ? repoRoot : options.extensionDevelopmentPath;
      const url = workbenchUrl({ origin: server.origin, folder: server.workspaceDir, ...(extensionDevelopmentPath ? { extensionDevelopmentPath } : {}) });
      const workbench = new Workbench(server, browser, url);
      await browser.page.exposeFunction('codeAutomationLog', (_level: string, args: unknown) => {
        workbench.log.push(...automationLogLines(args));
      });
      // The workbench's own errors and warnings (a tree's failed fetch, a view that threw) land in the
      // page's console, not the automation log: kept for the failure report (fixture.ts).
      browser.page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') workbench.log.push(...automationLogLines(`[${message.type()}] ${message.text()}`));
      });
      browser.page.on('pageerror', (error) => workbench.log.push(`[pageerror] ${error.message}`));
      await workbench.open(options.readyTimeoutMs);
      return workbench;
    } catch (error) {
      await browser?.close();
      await server.stop();
      throw error;
    }
  }

  get page(): Page {
    return this.browser.page;
  }

  /** Loads (or reloads) the workbench and waits until it is ready. */
  async open(timeoutMs = 60_000): Promise<void> {
    await this.page.goto(this.url, { timeout: timeoutMs });
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: timeoutMs });
  }

  /** The activity-bar tab of a view container, named after its title. */
  activityBarTab(title: string): Locator {
    return this.page.locator('.part.activitybar').getByRole('tab', { name: title });
  }

  /** Shows a view container in the side bar (clicking its tab only when it is not already shown). */
  async openViewContainer(title: string, timeoutMs = 30_000): Promise<Locator> {
    const tab = this.activityBarTab(title);
    await tab.waitFor({ timeout: timeoutMs });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    const sideBar = this.page.locator('.part.sidebar');
    await sideBar.waitFor({ state: 'visible', timeout: timeoutMs });
    return sideBar;
  }

  /** Runs a command from the palette by its title as shown there (e.g. "Azure Scale Sets: Refresh"). */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    // The palette can be opened and then closed again by a page that takes the focus back (seen after
    // the walkthrough: F1 kept by the page, or the palette hidden before it could be typed in), so each
    // attempt opens, types and picks; a failed attempt closes whatever is open and tries the other key.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.page.keyboard.press(attempt % 2 === 0 ? 'F1' : 'Control+Shift+P');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(`>${title}`, { timeout: 5_000 });
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
        await input.press('Enter', { timeout: 5_000 });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
        await this.page.keyboard.press('Escape');
        await this.page.waitForTimeout(500);
      }
    }
  }

  /**
   * Filters the open quick pick by `text` and accepts the first match. A quick pick that never shows
   * says where the keyboard focus went (it hides itself when anything else takes focus).
   */
  async choose(text: string, timeoutMs = 60_000): Promise<void> {
    const quickInput = this.page.locator('.quick-input-widget');
    const input = quickInput.locator('input.input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async (err: unknown) => {
      throw new Error(`${(err as Error).message}\nfocus is on: ${await this.describeFocus()}`);
    });
    // Enter takes the focused row: wait until the filter has put the wanted one there. Typed into the input
    // of the previous step (an input box still shown while the next pick opens), the text is cleared when
    // the pick replaces it; then it is typed again.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await input.fill(text);
      const focused = quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first();
      const shown = await focused.waitFor({ timeout: Math.min(3_000, Math.max(1, deadline - Date.now())) }).then(() => true, () => false);
      if (shown) break;
      if (Date.now() >= deadline) throw new Error(`no row "${text}" to choose within ${timeoutMs} ms\nfocus is on: ${await this.describeFocus()}`);
      await input.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    }
    await input.press('Enter');
  }

  /** Where the keyboard focus is in the workbench (tag, classes, label), for failure messages. */
  async describeFocus(): Promise<string> {
    // A string expression: this file is compiled without the DOM library.
    const probe = `(() => {
      const el = document.activeElement;
      if (!el) return 'nothing';
      const label = el.getAttribute('aria-label') || el.getAttribute('title') || '';
      const parent = el.closest('[id], .part, .quick-input-widget');
      return '<' + el.tagName.toLowerCase() + ' class="' + el.className + '"> "' + label.slice(0, 80) + '" in ' + ((parent && (parent.id || parent.className)) || 'document');
    })()`;
    return this.page.evaluate<string>(probe).catch((err: unknown) => `unknown (${(err as Error).message})`);
  }

  /** The command titles the palette offers for a query (the visible rows), then closes it. */
  async commandPaletteTitles(query: string): Promise<string[]> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(`>${query}`);
    const labels = this.page.locator('.quick-input-list .monaco-list-row .label-name');
    await labels.filter({ hasText: query }).first().waitFor();
    const titles = (await labels.allInnerTexts()).map((title) => title.trim());
    await input.press('Escape');
    return titles;
  }

  /** The content frame of the visible webview (outer iframe.webview.ready → inner #active-frame). */
  webviewFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** A notification toast containing the text. */
  notification(text: string | RegExp): Locator {
    return this.page.locator('.notification-toast').filter({ hasText: text });
  }

  /** Saves a PNG under .test-artifacts/screenshots/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Merges user settings; VS Code applies them while running (no reload needed for most). */
  updateSettings(settings: Record<string, unknown>): void {
    this.server.updateSettings(settings);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
  }
}
