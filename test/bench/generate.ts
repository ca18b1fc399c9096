import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertBody } from '../../db/queries/bodies';
import { insertMeeting } from '../../db/queries/meetings';
import type { DB } from '../../db/schema';
import { MEETING_STATUSES } from '../../shared/domain/meeting';
import { loadDemoData } from '../../electron/backend/demo/demo';
import { ensureReferenceData } from '../../electron/backend/services/reference-data';
import { ensureBuiltInRuleSets } from '../../electron/backend/services/rule-sets';

/** Bodies and how often each meets in a year, roughly as the secretariat's calendar has it. */
const CALENDAR = [
  { code: 'DAS', perYear: 6 },
  { code: 'FU', perYear: 12 },
  { code: 'KKR', perYear: 6 },
  { code: 'PHC', perYear: 6 },
  { code: 'BUDK', perYear: 6 },
  { code: 'SUG', perYear: 5, name: 'Socialudviklingsgruppen' },
  { code: 'SAG', perYear: 5, name: 'Styringsaftalegruppen' },
  { code: 'EP', perYear: 4, name: 'Ekspertpanelet' },
];
const PLACES = ['Teams', 'Aalborg Rådhus', 'Aalborg ÆH, Hammer Bakker', 'Hjørring Rådhus', 'Regionshuset, Aalborg', 'Thisted Rådhus'];

/** Ten years of meetings (500) for every body, spread over the year, in one transaction. */
export async function generateYearsOfMeetings(db: Kysely<DB>, firstYear: number, years: number): Promise<number> {
  const now = new Date().toISOString();
  // What openBackend does first: the demo's tariff year needs the reference data and the built-in rule set.
  await ensureReferenceData(db, now);
  await ensureBuiltInRuleSets(db, now);
  await loadDemoData(db, now);
  const bodies = await db.selectFrom('bodies').select(['id', 'code']).execute();
  let count = 0;
  await db.transaction().execute(async (trx) => {
    for (const entry of CALENDAR) {
      let bodyId = bodies.find((b) => b.code === entry.code)?.id;
      if (!bodyId) {
        bodyId = randomUUID();
        await insertBody(trx, bodyId, { code: entry.code, name: entry.name ?? entry.code, description: '' }, now);
      }
      for (let year = firstYear; year < firstYear + years; year++) {
        for (let i = 0; i < entry.perYear; i++) {
          const month = 1 + Math.floor((i * 11) / entry.perYear);
          const day = 3 + ((i * 7 + year) % 24);
          await insertMeeting(trx, randomUUID(), {
            bodyId,
            date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            startTime: i % 2 ? '09:00' : '13:00',
            endTime: i % 2 ? '12:00' : '16:00',
            location: PLACES[(i + year) % PLACES.length]!,
            status: MEETING_STATUSES[(i + year) % MEETING_STATUSES.length]!,
            note: '',
          }, now);
          count++;
        }
      }
    }
  });
  return count;
}
