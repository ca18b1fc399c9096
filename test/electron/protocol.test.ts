import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as electron from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/backend/web/static-files';
import { createAppRequestHandler, registerAppProtocol, registerAppScheme } from '../../electron/main/protocol';
import { asFake, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

const fake = asFake(electron);
beforeEach(() => resetFakeElectron(fake));

let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;
const INDEX = '<!doctype html><html lang="da"><title>Sekretariat</title></html>';

beforeAll(() => {
  // <base>/renderer is served; <base>/secret.txt sits right beside it and must never be reachable.
  base = mkdtempSync(join(tmpdir(), 'sekretariat-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("hej");');
  writeFileSync(join(base, 'secret.txt'), 'hemmelig');
  handle = createAppRequestHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, init?: RequestInit) => handle(new Request(url, init));

describe('app:// protocol handler', () => {
  it('serves index.html with the CSP and the other security headers', async () => {
    const response = await get('app://sekretariat/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves index.html for the root and assets with their content type', async () => {
    expect(await (await get('app://sekretariat/')).text()).toBe(INDEX);
    const script = await get('app://sekretariat/assets/app.js?v=2');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a host that merely starts with ours', 'app://sekretariat.evil/index.html'],
    ['encoded traversal', 'app://sekretariat/%2e%2e%2fsecret.txt'],
    ['encoded traversal, upper case', 'app://sekretariat/%2E%2E%2Fsecret.txt'],
    ['dot-dot with an encoded slash', 'app://sekretariat/..%2fsecret.txt'],
    ['encoded backslash', 'app://sekretariat/..%5csecret.txt'],
    ['an encoded NUL', 'app://sekretariat/index.html%00.js'],
    ['a missing file', 'app://sekretariat/nope.html'],
    ['a directory', 'app://sekretariat/assets'],
  ])('refuses %s with 404', async (_label, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('hemmelig');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps plain dot-dot segments inside the root (the URL parser resolves them first)', async () => {
    const response = await get('app://sekretariat/%2e%2e/%2e%2e/secret.txt');
    expect(response.status).toBe(404);
    expect(await (await get('app://sekretariat/assets/../index.html')).text()).toBe(INDEX);
  });

  it('refuses other methods', async () => {
    expect((await get('app://sekretariat/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('registers the scheme as privileged and installs the handler for app:', async () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    registerAppProtocol(root);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const installed = fake.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await installed(new Request('app://sekretariat/index.html'))).status).toBe(200);
    expect((await installed(new Request('app://sekretariat/%2e%2e%2fsecret.txt'))).status).toBe(404);
  });
});
