import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'>;

export const backupHandlers = (ctx: BackendContext): BackupHandlers => ({
  'backups.list': () => ctx.backups.list(),
  'backups.create': () => ctx.backups.create('manual'),
  'backups.restore': ({ fileName }) => ctx.backups.restore({ fileName }),
});
