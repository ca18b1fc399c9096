import type { Kysely } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-agenda';
import * as m0003 from './0003-scenarios';
import * as m0004 from './0004-exchange';
import * as m0005 from './0005-proposals';
import * as m0006 from './0006-field-merge';
import * as m0007 from './0007-attachment-numbering';
import * as m0008 from './0008-paper-layout';
import * as m0009 from './0009-tariff-year';

export interface Migration {
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Every migration, in order, registered statically: folder scanning breaks in a packaged app.
 * The schema version of a database is the number of migrations it has run.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: '0001-initial', up: m0001.up },
  { name: '0002-agenda', up: m0002.up },
  { name: '0003-scenarios', up: m0003.up },
  { name: '0004-exchange', up: m0004.up },
  { name: '0005-proposals', up: m0005.up },
  { name: '0006-field-merge', up: m0006.up },
  { name: '0007-attachment-numbering', up: m0007.up },
  { name: '0008-paper-layout', up: m0008.up },
  { name: '0009-tariff-year', up: m0009.up },
];
