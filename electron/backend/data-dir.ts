import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'Sekretariat';

/**
 * The data folder: SEKRETARIAT_DATA_DIR if set, else the folder Electron uses as userData,
 * so the desktop app and browser mode open the same database.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.SEKRETARIAT_DATA_DIR) return env.SEKRETARIAT_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

export const databaseFileIn = (dataDir: string) => join(dataDir, 'sekretariat.db');
export const backupDirIn = (dataDir: string) => join(dataDir, 'backups');
