import type Database from 'better-sqlite3';

/**
 * Calls `onChange` when another process commits to the database: the command line importing templates or a
 * package while the window is open, say. SQLite has no notification across processes, but `data_version`
 * changes on this connection exactly when another connection has committed, so a cheap poll tells. The app's
 * own writes do not change it; they announce themselves.
 */
export function watchOtherWriters(raw: Database.Database, onChange: () => void, intervalMs: number): () => void {
  const version = () => raw.pragma('data_version', { simple: true }) as number;
  let seen = version();
  const timer = setInterval(() => {
    if (!raw.open) return;
    const now = version();
    if (now === seen) return;
    seen = now;
    onChange();
  }, intervalMs);
  timer.unref(); // never what keeps a command-line process alive
  return () => clearInterval(timer);
}
