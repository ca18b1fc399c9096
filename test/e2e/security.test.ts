import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMeetings } from '../../db/queries/meetings';
import { launchChromium, openPage, screenshot, startApp, type RunningApp } from './support/app';

let browser: Browser;
let app: RunningApp;

beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp();
  await app.backend.call('demo.load', {});
});
afterAll(async () => {
  await app.close();
  await browser.close();
});

describe('browser mode security', () => {
  it('shows a Danish explanation, and no data, when the address lacks the token', async () => {
    const { page } = await openPage(browser);
    await page.goto(app.host.origin);
    await page.getByText('Sekretariat kan ikke starte').waitFor();
    expect(await page.getByText('Adgangsnøglen mangler i adressen.').count()).toBe(1);
    expect(await page.getByTestId('meeting-row').count()).toBe(0);
    await screenshot(page, 'browser-mode-without-token');
    await page.context().close();
  });

  it('removes the token from the address bar once it is read', async () => {
    const { page } = await openPage(browser);
    await page.goto(app.host.url);
    await page.getByTestId('meeting-row').first().waitFor();
    expect(page.url()).not.toContain('token');
    await page.context().close();
  });

  it('refuses calls from a page of another local origin, even one that knows the token', async () => {
    const other: Server = createServer((_req, res) => res.end('<!doctype html><title>fremmed side</title>'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
    const { page } = await openPage(browser);
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    const before = (await listMeetings(app.backend.database.db, {})).length;
    const status = await page.evaluate(
      async ({ origin, token, id }) => {
        try {
          const r = await fetch(`${origin}/rpc/meetings.delete`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({ id }),
          });
          return r.status;
        } catch {
          return 'blocked';
        }
      },
      { origin: app.host.origin, token: app.host.token, id: (await listMeetings(app.backend.database.db, {}))[0]!.id },
    );
    // The CORS preflight fails (no CORS headers, 403 on foreign origin), so the browser never sends the call.
    expect(status).toBe('blocked');
    expect((await listMeetings(app.backend.database.db, {})).length).toBe(before);
    await page.context().close();
    await new Promise((r) => other.close(r));
  });

  it('enforces the content security policy: injected inline script does not run', async () => {
    const { page } = await openPage(browser);
    await page.goto(app.host.url);
    await page.getByTestId('meeting-row').first().waitFor();
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 50));
      return w.injected === true;
    });
    expect(ran).toBe(false);
    await page.context().close();
  });
});
