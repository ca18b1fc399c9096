import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function sqlErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('SQL lives in db/ (issue 15)', () => {
  it.each([
    ['electron/backend/handlers/x.ts', "export const f = (db: any) => db.selectFrom('meetings').selectAll().execute();"],
    ['electron/backend/services/x.ts', "export const f = (trx: any) => trx.updateTable('meetings').set({ status: 'x' }).execute();"],
    ['electron/backend/files/x.ts', "export const f = (db: any) => db.insertInto('files').values({}).execute();"],
    ['electron/backend/documents/x.ts', "export const f = (db: any) => db.deleteFrom('files').execute();"],
    ['electron/host/x.ts', "export const f = (db: any) => db.with('t', (q: any) => q).selectFrom('t');"],
    ['electron/backend/x.ts', "import { sql } from 'kysely';\nexport const q = sql`SELECT 1`;"],
    ['electron/main/x.ts', "import { Kysely } from 'kysely';\nexport const k = Kysely;"],
  ])('%s: %s is refused', async (file, code) => {
    const errors = await sqlErrors(file, code);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatch(/SQL lives in db\//);
  });

  it.each([
    ['electron/backend/handlers/x.ts', "import type { Kysely, Transaction } from 'kysely';\nexport type T = Kysely<unknown> | Transaction<unknown>;"],
    ['electron/backend/handlers/x.ts', "import { type Transaction } from 'kysely';\nexport type T = Transaction<unknown>;"],
    ['db/queries/x.ts', "import { sql } from 'kysely';\nexport const f = (db: any) => db.selectFrom('meetings').where(sql`1`, '=', 1).execute();"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await sqlErrors(file, code)).toEqual([]);
  });
});
