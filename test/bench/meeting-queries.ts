/**
 * How many SQL statements (and rows) reading a meeting's agenda for its documents takes, for 5 and for 30 items (each with an
 * Indstilling, a guest, a decision with a reservation and an attachment row). Run: `node --import tsx test/bench/meeting-queries.ts`.
 */
import { buildDocumentModel } from '../../electron/backend/services/documents';
import { call, openTestBackend } from '../helpers/backend';
import { countingQueries } from '../helpers/query-count';

async function statementsFor(items: number): Promise<string> {
  const backend = await openTestBackend();
  try {
    const das = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
    const meeting = await call(backend, 'meetings.create', { bodyId: das.id, date: '2021-05-27', startTime: '13:00', endTime: '16:00' });
    for (let n = 1; n <= items; n++) {
      const item = await call(backend, 'agenda.create', { meetingId: meeting.id, title: `Punkt nummer ${n}` });
      await call(backend, 'agenda.update', { id: item.id, revision: item.revision, patch: { recommendations: [`DAS godkender punkt ${n}`], guests: [{ name: 'Gæst', title: '', organisation: '', attended: true }] } });
      await call(backend, 'decisions.save', { itemId: item.id, revision: null, text: `<p>Godkendt ${n}.</p>`, outcome: 'godkendt', reservations: [{ party: 'Læsø Kommune', organisationId: null, text: '' }] });
    }
    const counting = countingQueries(backend.database.db);
    const model = await buildDocumentModel(counting.db, meeting.id, 'agenda', 'internal');
    if (model.items.length !== items) throw new Error(`expected ${items} items, got ${model.items.length}`);
    return `${counting.count()} statements, ${counting.rows()} rows read`;
  } finally {
    await backend.close();
  }
}

for (const items of [5, 30]) console.log(`${items} items: ${await statementsFor(items)}`);
