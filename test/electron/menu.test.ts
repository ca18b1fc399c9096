import * as electron from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installApplicationMenu, showAboutDialog } from '../../electron/main/menu';
import { asFake, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

const fake = asFake(electron);
beforeEach(() => resetFakeElectron(fake));

const template = (overrides: { isMac?: boolean; isPackaged?: boolean; showAbout?: () => void } = {}) =>
  buildMenuTemplate({ appName: 'Sekretariat', isMac: false, isPackaged: true, showAbout: () => {}, ...overrides });

const items = (menu: MenuItemConstructorOptions | undefined) => (menu?.submenu ?? []) as MenuItemConstructorOptions[];
const labels = (menu: MenuItemConstructorOptions | undefined) =>
  items(menu)
    .filter((item) => item.type !== 'separator')
    .map((item) => [item.role ?? 'click', item.label]);

/** Every item, depth first, for checks that apply to all of them. */
function walk(menus: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menus.flatMap((menu) => [menu, ...walk(items(menu))]);
}

// The English defaults Electron would show if a label were missing.
const ENGLISH = /\b(File|Edit|View|Window|Help|Undo|Redo|Cut|Copy|Paste|Select All|Quit|Close|Minimize|Zoom In|Zoom Out|Actual Size|Full Screen|Reload|Toggle|About)\b/;

describe('the application menu', () => {
  it('has the Danish top-level menus in order', () => {
    expect(template().map((menu) => menu.label)).toEqual(['Filer', 'Rediger', 'Vis', 'Vindue', 'Hjælp']);
  });

  it('labels every role in Danish', () => {
    const [file, edit, view, window, help] = template({ isPackaged: false });
    expect(labels(file)).toEqual([
      ['close', 'Luk vindue'],
      ['quit', 'Afslut'],
    ]);
    expect(labels(edit)).toEqual([
      ['undo', 'Fortryd'],
      ['redo', 'Annuller fortryd'],
      ['cut', 'Klip'],
      ['copy', 'Kopiér'],
      ['paste', 'Sæt ind'],
      ['selectAll', 'Markér alt'],
    ]);
    expect(labels(view)).toEqual([
      ['resetZoom', 'Faktisk størrelse'],
      ['zoomIn', 'Zoom ind'],
      ['zoomOut', 'Zoom ud'],
      ['togglefullscreen', 'Fuld skærm'],
      ['toggleDevTools', 'Udviklerværktøjer'],
    ]);
    expect(labels(window)).toEqual([
      ['minimize', 'Minimér'],
      ['close', 'Luk'],
    ]);
    expect(labels(help)).toEqual([['click', 'Om Sekretariat']]);
  });

  it('gives every item an explicit label, none of them English', () => {
    for (const isMac of [false, true]) {
      for (const item of walk(template({ isMac, isPackaged: false })).filter((i) => i.type !== 'separator')) {
        expect(item.label, JSON.stringify(item)).toBeTruthy();
        expect(item.label).not.toMatch(ENGLISH);
      }
    }
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) => walk(template({ isPackaged })).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('puts the app menu first on macOS, with Afslut there instead of in Filer', () => {
    const menus = template({ isMac: true });
    expect(menus.map((menu) => menu.label)).toEqual(['Sekretariat', 'Filer', 'Rediger', 'Vis', 'Vindue', 'Hjælp']);
    expect(labels(menus[0])).toEqual([
      ['click', 'Om Sekretariat'],
      ['services', 'Tjenester'],
      ['hide', 'Skjul Sekretariat'],
      ['hideOthers', 'Skjul andre'],
      ['unhide', 'Vis alle'],
      ['quit', 'Afslut Sekretariat'],
    ]);
    expect(labels(menus[1])).toEqual([['close', 'Luk vindue']]);
  });

  it('opens the about box from Hjælp', () => {
    const showAbout = vi.fn();
    const help = template({ showAbout }).at(-1);
    items(help)[0]?.click?.({} as never, undefined, {} as never);
    expect(showAbout).toHaveBeenCalledOnce();
  });

  it('shows name and version in the about box', () => {
    showAboutDialog();
    expect(fake.dialog.showMessageBox).toHaveBeenCalledOnce();
    const options = fake.dialog.showMessageBox.mock.calls[0]?.at(-1) as { title: string; message: string; detail: string };
    expect(options.title).toBe('Om Sekretariat');
    expect(options.message).toBe('Sekretariat');
    expect(options.detail).toContain('Version 1.2.3');
  });

  it('is installed as the application menu', () => {
    installApplicationMenu();
    expect(fake.Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(fake.Menu.buildFromTemplate.mock.results[0]?.value);
  });
});
