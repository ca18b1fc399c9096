import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A copy of a closed database (and its attachment files) in a folder of its own, as a database copied to another
 * laptop or folder. Returns the new database file.
 */
export function copyDatabase(from: string, to: string): string {
  mkdirSync(join(to, 'files'), { recursive: true });
  copyFileSync(join(from, 'sekretariat.db'), join(to, 'sekretariat.db'));
  const copyTree = (src: string, dst: string) => {
    for (const entry of readdirSync(src, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        mkdirSync(join(dst, entry.name), { recursive: true });
        copyTree(join(src, entry.name), join(dst, entry.name));
      } else copyFileSync(join(src, entry.name), join(dst, entry.name));
    }
  };
  copyTree(join(from, 'files'), join(to, 'files'));
  return join(to, 'sekretariat.db');
}
