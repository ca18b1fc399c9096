import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule (architecture.md §1)', () => {
  it.each([
    ['renderer/src/features/x.ts', "import { openDatabase } from '../../../db/open';", /only through the api client/],
    ['renderer/src/features/x.ts', "import { readFileSync } from 'node:fs';", /no Node built-ins/],
    ['renderer/src/features/x.ts', "import { readFileSync } from 'fs';", /no Node built-ins/],
    ['electron/backend/x.ts', "import { app } from 'electron';", /never imports electron/],
    ['electron/host/x.ts', "import { app } from 'electron';", /without Electron/],
    ['shared/logic/x.ts', "import { join } from 'node:path';", /no Node built-ins/],
    ['shared/logic/x.ts', "import type { DB } from '../../db/schema';", /imports nothing of the other layers/],
    ['db/queries/x.ts', "import { dispatch } from '../../electron/backend/dispatch';", /may import shared/],
    ['electron/main/x.ts', "import { openDatabase } from '../../db/open';", /only through electron\/backend/],
    ['electron/preload/x.ts', "import { openBackend } from '../backend/backend';", /keyhole/],
  ])('%s: %s is refused', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['renderer/src/features/x.ts', "import { methods } from '../../../shared/contract';"],
    ['electron/backend/x.ts', "import { openDatabase } from '../../db/open';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['shared/contract/x.ts', "import { events } from './events';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('the layer rule with relative paths inside electron/', () => {
  it.each([
    ['electron/backend/handlers/x.ts', "import { createMainWindow } from '../../main/window';"],
    ['electron/host/x.ts', "import { main } from '../main/index';"],
    ['electron/main/x.ts', "import { runCli } from '../host/cli';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });
});

describe('the backend’s public face (electron/main and electron/host reach electron/backend through it only)', () => {
  it.each([
    ['electron/host/x.ts', "import { storeUpload } from '../backend/files/file-store';", /electron\/host imports from electron\/backend only its public face: electron\/backend\/backend\.ts, electron\/backend\/command-line\.ts/],
    ['electron/host/x.ts', "import { AppError } from '../backend/errors';", /only its public face/],
    ['electron/host/x.ts', "import { readStaticFile } from '../backend/web/static-files';", /only its public face/],
    ['electron/host/x.ts', "import { LATEST_SCHEMA_VERSION } from '../../db/migrate';", /electron\/host talks to the database only through electron\/backend/],
    ['electron/host/x.ts', "import type { DB } from '../../db/schema';", /only through electron\/backend/],
    ['electron/main/x.ts', "import { receivePackage } from '../backend/exchange/incoming';", /electron\/main imports from electron\/backend only its public face: electron\/backend\/backend\.ts\./],
    ['electron/main/x.ts', "import type { PdfPrinter } from '../backend/documents/printer';", /only its public face/],
    ['electron/main/x.ts', "import { scenarioHash } from '../backend/command-line';", /only its public face/],
  ])('%s: %s is refused', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['electron/host/x.ts', "import { openBackend, type Backend } from '../backend/backend';"],
    ['electron/host/x.ts', "import { previewPackageFile } from '../backend/command-line';"],
    ['electron/main/x.ts', "import { readStaticFile, type StreamResult } from '../backend/backend';"],
    ['electron/backend/handlers/x.ts', "import { FileStore } from '../files/file-store';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('screens call their store (features/<area>/store.ts), not the api client', () => {
  it.each([
    ['renderer/src/features/meetings/MeetingTable.tsx', "import { api } from '../../api/client';"],
    ['renderer/src/features/proposals/consultation/ResponseModal.tsx', "import { api, ApiError } from '../../../api/client';"],
    ['renderer/src/features/proposals/use-economy.ts', "import { api } from '../../api/client';"],
  ])('%s: %s is refused', async (file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/store actions/);
  });

  it.each([
    ['renderer/src/features/meetings/store.ts', "import { api } from '../../api/client';"],
    ['renderer/src/features/meetings/MeetingEditor.tsx', "import { ApiError, messageOf } from '../../api/client';"],
    ['renderer/src/stores/reference.ts', "import { api } from '../api/client';"],
    ['renderer/src/lib/files.ts', "import { api } from '../api/client';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('still holds the layer rule in a store', async () => {
    expect(await layerErrors('renderer/src/features/meetings/store.ts', "import { openDatabase } from '../../../../db/open';")).toHaveLength(1);
  });
});
