import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundles, HOST_CLI, HOST_START, ROOT } from '../electron/bundles';
import { launchChromium, openPage } from './support/app';

beforeAll(() => ensureBundles());

describe('the bundled host, as npm start runs it after the build', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sekretariat-bundle-'));
  const env = { ...process.env, SEKRETARIAT_DATA_DIR: dataDir, SEKRETARIAT_BROWSER_MODE: '1' };
  let server: ReturnType<typeof spawn> | undefined;
  afterAll(() => server?.kill('SIGTERM'));

  it('runs CLI commands from out/host/cli.mjs', () => {
    const demo = spawnSync(process.execPath, [HOST_CLI, 'demo', '--json'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ meetings: 5, items: 48 });
  });

  it('starts browser mode from out/host/start.mjs and serves a working UI at the printed address', async () => {
    server = spawn(process.execPath, [HOST_START], { cwd: ROOT, env });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Sekretariat kører i browsertilstand: (\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      server!.on('exit', (code) => reject(new Error(`start.mjs ended with ${code}: ${out}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    const browser = await launchChromium();
    const { page, problems } = await openPage(browser);
    await page.goto(url);
    await page.getByTestId('meeting-row').first().waitFor();
    expect(await page.getByTestId('meeting-row').count()).toBe(5);
    expect(problems).toEqual([]);
    await browser.close();
  });
});
