import { CHROMIUM_ARGS, chromiumPath, chromiumPrinter } from '../../../electron/host/chromium-printer';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/backend';
import { backupDirIn, databaseFileIn } from '../../../electron/backend/data-dir';
import { startHttpHost, type HttpHost } from '../../../electron/host/http-host';
import { PROJECT_ROOT, RENDERER_DIR } from '../../../electron/host/paths';

export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results', 'screenshots');

/** Browser mode as `npm start` runs it: a fresh data folder, the real backend on SQLite, the local HTTP host. */
export interface RunningApp {
  backend: Backend;
  host: HttpHost;
  dataDir: string;
  close(): Promise<void>;
}

export async function startApp(options: { demo?: boolean } = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sekretariat-e2e-'));
  // The demo as `demo.load` leaves it (loaded once by the global setup), without that data folder's own backups.
  if (options.demo) cpSync(inject('e2eDemoDataDir'), dataDir, { recursive: true, filter: (source) => !source.endsWith('/backups') });
  const backend = await openBackend({ databaseFile: databaseFileIn(dataDir), backupDir: backupDirIn(dataDir), appVersion: '0.0.0-e2e', printer: chromiumPrinter() });
  const host = await startHttpHost({ backend, staticDir: RENDERER_DIR });
  return {
    backend,
    host,
    dataDir,
    async close() {
      await host.close();
      await backend.close();
    },
  };
}

/** Debian's Chromium with the flags this closed network needs (architecture.md §4). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

/** A page that records every console error and uncaught exception, so a test can assert there were none. */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  // Playwright waits 30 s by default; printing a PDF with a second Chromium on a busy two-core machine takes longer.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { page, problems };
}

/** Kept as a test artefact in test-results/screenshots, to look at what the tests saw. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? false });
}

export interface E2eSession {
  app: RunningApp;
  page: Page;
}

/**
 * One Chromium per test file; a fresh app (own data folder, the demo loaded when asked) and a fresh page per test.
 * After each test the page must have logged no console error and thrown nothing.
 */
export function useE2eSession(options: { demo?: boolean } = {}): E2eSession {
  const session = {} as E2eSession;
  let browser: Browser;
  let problems: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    session.app = await startApp(options);
    ({ page: session.page, problems } = await openPage(browser));
  });
  afterEach(async () => {
    await session.page.context().close();
    await session.app.close();
    expect(problems).toEqual([]);
  });
  return session;
}
