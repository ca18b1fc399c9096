import { cpSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A copy of a closed database (and its attachment files) in a folder of its own, as a database copied to another
 * laptop or folder. Returns the new database file.
 */
export function copyDatabase(from: string, to: string): string {
  cpSync(join(from, 'sekretariat.db'), join(to, 'sekretariat.db'));
  cpSync(join(from, 'files'), join(to, 'files'), { recursive: true });
  return join(to, 'sekretariat.db');
}
