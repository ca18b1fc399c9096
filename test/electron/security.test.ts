import * as electron from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  guardWebContents,
  installNavigationGuards,
  isAllowedExternalUrl,
  isAppUrl,
} from '../../electron/main/security';
import { asFake, FakeWebContents, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

const fake = asFake(electron);
beforeEach(() => resetFakeElectron(fake));

/** A will-navigate / will-redirect event as Electron 45 passes it: the URL on the event itself. */
function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function guarded() {
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as electron.WebContents);
  const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => { action: string };
  return { contents, openHandler };
}

describe('isAppUrl', () => {
  it.each([
    ['app://sekretariat/index.html', true],
    ['app://sekretariat/assets/index-abc.js?v=1#x', true],
    // Chromium canonicalises standard schemes before we see them; a non-canonical host is refused.
    ['app://SEKRETARIAT/index.html', false],
    ['app://sekretariat.evil.dk/index.html', false],
    ['app://evil/index.html', false],
    ['app://user@sekretariat/index.html', false],
    ['app://sekretariat:8080/index.html', false],
    ['https://sekretariat/index.html', false],
    ['file:///etc/passwd', false],
    ['http://127.0.0.1:5173/', false],
    ['javascript:alert(1)', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('isAllowedExternalUrl: https on an exact allow-listed host only', () => {
  it.each([
    ['https://www.nordjysksocialaftale.dk/', true],
    ['https://www.retsinformation.dk/eli/lta/2022/1094', true],
    ['https://www.dst.dk/da/Statistik?x=1#a', true],
    ['https://WWW.DST.DK/', true],
    ['http://www.dst.dk/', false],
    ['https://dst.dk/', false],
    ['https://evil.www.dst.dk/', false],
    ['https://www.dst.dk.evil.com/', false],
    ['https://www.dst.dk@evil.com/', false],
    ['https://user:pw@www.dst.dk/', false],
    ['https://www.dst.dk:8443/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['app://sekretariat/index.html', false],
    ['smb://server/share', false],
    ['www.dst.dk', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected);
  });
});

describe('guardWebContents', () => {
  it('lets in-app navigation through', () => {
    const { contents } = guarded();
    const event = navigationEvent('app://sekretariat/index.html');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('cancels navigation elsewhere and opens nothing', () => {
    const { contents } = guarded();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://www.dst.dk/', 'app://other/index.html']) {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('cancels navigation to an allow-listed site but opens it in the system browser', () => {
    const { contents } = guarded();
    const event = navigationEvent('https://www.retsinformation.dk/eli/lta/2022/1094');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://www.retsinformation.dk/eli/lta/2022/1094');
  });

  it('cancels redirects away from the app', () => {
    const { contents } = guarded();
    const away = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', away, away.url);
    expect(away.preventDefault).toHaveBeenCalled();
    const home = navigationEvent('app://sekretariat/index.html');
    contents.emit('will-redirect', home, home.url);
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window and hands only allow-listed URLs to the system browser', () => {
    const { openHandler } = guarded();
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'app://sekretariat/index.html' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
    expect(openHandler({ url: 'https://www.dst.dk/da' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.dst.dk/da');
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('is installed for every web contents that is created', () => {
    installNavigationGuards();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    const { defaultSession } = fake.session;
    denyAllPermissions(defaultSession as unknown as electron.Session);
    const request = defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const check = defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as (contents: unknown, permission: string) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check({}, permission)).toBe(false);
    }
  });
});
