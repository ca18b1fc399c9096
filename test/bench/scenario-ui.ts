/**
 * Issue 5, the modeller's input-to-result time: `npm run -s bench:scenario-ui` (after `npm run -s build`). The real
 * UI in Debian's Chromium against the local host, a variant of NT-1 open (validation, override diff, the engine and
 * React's render all run on each keystroke). Measured inside the page from the keydown to the first animation frame
 * after the daily tariff on screen has changed — what the user sees. Budget: < 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import { CHROMIUM_ARGS, chromiumPath } from '../../electron/host/chromium-printer';
import { startHttpHost } from '../../electron/host/http-host';
import { RENDERER_DIR } from '../../electron/host/paths';
import { chromium } from 'playwright-core';

const KEYSTROKES = 200;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const fmt = (x: number) => `${x.toLocaleString('da-DK', { maximumFractionDigits: 1 })} ms`;

const dir = mkdtempSync(join(tmpdir(), 'sekretariat-bench-ui-'));
const backend = await openBackend({ databaseFile: join(dir, 'ui.db'), appVersion: 'bench' });
await backend.call('demo.load', {});
const host = await startHttpHost({ backend, staticDir: RENDERER_DIR });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'da-DK' })).newPage();
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Møder', level: 2 }).waitFor();
  await page.keyboard.press('Alt+4');
  await page.getByRole('link', { name: 'NT-1 v1 – scenarie 2' }).click();
  await page.getByTestId('figure-daily-tariff').waitFor();

  await page.evaluate(() => {
    const w = window as unknown as { latencies: number[] };
    w.latencies = [];
    let pressed: number | null = null;
    document.addEventListener('keydown', () => (pressed = performance.now()), true);
    const observer = new MutationObserver(() => {
      if (pressed === null) return;
      const start = pressed;
      pressed = null;
      requestAnimationFrame(() => w.latencies.push(performance.now() - start));
    });
    observer.observe(document.querySelector('[data-testid="figure-daily-tariff"]')!, { childList: true, characterData: true, subtree: true });
  });

  // Each round takes the budget's last digit away and types another: two keystrokes, two new daily tariffs.
  const budget = page.getByLabel('Budget ved fuld drift');
  await budget.click();
  for (let i = 0; i < KEYSTROKES / 2; i++) {
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(20);
    await page.keyboard.press(String((i % 9) + 1));
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(300);
  const latencies = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
  console.log(`Taste til opdateret døgntakst på skærmen (${latencies.length} tastetryk, variant af NT-1 v1):`);
  console.log(`  median ${fmt(percentile(latencies, 50))}, 95. percentil ${fmt(percentile(latencies, 95))}, maks ${fmt(Math.max(...latencies))} (budget < 50 ms)`);
} finally {
  await browser.close();
  await host.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
}
