import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project root, seen from this folder (electron/host). */
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
export const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');

export const appVersion = (): string =>
  (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
