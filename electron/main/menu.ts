import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

export const APP_NAME = 'Sekretariat';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  isPackaged: boolean;
  showAbout: () => void;
}

/**
 * The application menu in Danish. Items use Electron's roles (so shortcuts and platform behaviour
 * come for free) with explicit labels, because the role defaults are English.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, isMac, isPackaged, showAbout } = options;
  const about: MenuItemConstructorOptions = { label: `Om ${appName}`, click: showAbout };

  const macAppMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services', label: 'Tjenester' },
      { type: 'separator' },
      { role: 'hide', label: `Skjul ${appName}` },
      { role: 'hideOthers', label: 'Skjul andre' },
      { role: 'unhide', label: 'Vis alle' },
      { type: 'separator' },
      { role: 'quit', label: `Afslut ${appName}` },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'Filer',
    submenu: isMac
      ? [{ role: 'close', label: 'Luk vindue' }]
      : [{ role: 'close', label: 'Luk vindue' }, { type: 'separator' }, { role: 'quit', label: 'Afslut' }],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Rediger',
    submenu: [
      { role: 'undo', label: 'Fortryd' },
      { role: 'redo', label: 'Annuller fortryd' },
      { type: 'separator' },
      { role: 'cut', label: 'Klip' },
      { role: 'copy', label: 'Kopiér' },
      { role: 'paste', label: 'Sæt ind' },
      { role: 'selectAll', label: 'Markér alt' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'Vis',
    submenu: [
      { role: 'resetZoom', label: 'Faktisk størrelse' },
      { role: 'zoomIn', label: 'Zoom ind' },
      { role: 'zoomOut', label: 'Zoom ud' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Fuld skærm' },
      ...(isPackaged ? [] : ([{ type: 'separator' }, { role: 'toggleDevTools', label: 'Udviklerværktøjer' }] as const)),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Vindue',
    submenu: [
      { role: 'minimize', label: 'Minimér' },
      { role: 'close', label: 'Luk' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: 'Hjælp',
    role: 'help',
    submenu: [about],
  };

  return [...(isMac ? [macAppMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** The "Om Sekretariat" box: name and version, so a user can tell support which build they run. */
export function showAboutDialog(): void {
  const options = {
    type: 'info' as const,
    title: `Om ${APP_NAME}`,
    message: APP_NAME,
    detail: `Version ${app.getVersion()}\nSekretariat for Nordjysk Socialaftale`,
    buttons: ['OK'],
    noLink: true,
  };
  const parent = BrowserWindow.getFocusedWindow();
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

export function installApplicationMenu(): void {
  const template = buildMenuTemplate({
    appName: APP_NAME,
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    showAbout: showAboutDialog,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
