import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { foldDanish } from '../../shared/format/fold';

/** Words of the DAS papers, so the index sees realistic Danish vocabulary and frequencies. */
const WORDS = (
  'takst tilbud kommune kommuner region underskud overskud belægning budget styringsaftale socialtilsyn selvskade unge børn ' +
  'døgntilbud botilbud psykiatri handicap pladser drøftelse orientering beslutning indstilling godkender referat dagsorden ' +
  'finansiering høring høringssvar samarbejde driftsherre målgruppe fokusområde evaluering kommissorium arbejdsgruppe ' +
  'rekruttering fastholdelse sosu standardkontrakter uvisiterede indsatser demens udadreagerende adfærd fokuskommuner ' +
  'årsrapport økonomi tilsyn godkendelse nordjylland aalborg hjørring frederikshavn læsø morsø thisted rebild jammerbugt ' +
  'brønderslev mariagerfjord vesthimmerland ankestyrelsen koordinationsforum direktørkreds psykiatripartnerskab recovery'
).split(' ');

/**
 * Running text with the word frequencies of real prose (Zipf's law) over a vocabulary of the domain's words plus
 * 8 000 generated Danish-looking words: a search term then matches as many documents as it would in real papers,
 * not a third of the corpus.
 */
const SYLLABLES = ['an', 'be', 'da', 'ef', 'ge', 'hu', 'ir', 'ko', 'le', 'mø', 'ne', 'or', 'på', 'ri', 'se', 'ta', 'ud', 've', 'æl', 'ån'];
const VOCABULARY: string[] = [];
for (let n = 0; VOCABULARY.length < 8_000; n++) {
  VOCABULARY.push(`${SYLLABLES[n % 20]}${SYLLABLES[Math.floor(n / 20) % 20]}${SYLLABLES[Math.floor(n / 400) % 20]}${n % 7 === 0 ? 'ning' : n % 5 === 0 ? 'else' : ''}`);
}
// The most frequent ranks belong to function words (og, i, at …); the domain's words are content words, spread
// over ranks 150–1 500 as in real papers, where "takst" is common but far from every sentence.
WORDS.forEach((word, i) => VOCABULARY.splice(150 + i * 17, 0, word));
// Cumulative Zipf weights.
const CUMULATIVE: number[] = [];
let total = 0;
for (let rank = 1; rank <= VOCABULARY.length; rank++) CUMULATIVE.push((total += 1 / rank));

function text(words: number, seed: number): string {
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const target = (s / 0x7fffffff) * total;
    let lo = 0;
    let hi = CUMULATIVE.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (CUMULATIVE[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    out.push(VOCABULARY[lo]!);
  }
  return out.join(' ');
}

/**
 * The ten-year volume on top of existing meetings: 20 items per meeting up to 10 000 items, a decision on
 * each, two attachments per item with 2,5 kB of extracted text each (about 50 MB), all indexed for search.
 * Rows are written directly in large transactions; building them through the handlers would take minutes.
 */
export async function generateAgendas(db: Kysely<DB>, itemsPerMeeting = 20, maxItems = 10_000): Promise<{ items: number; decisions: number; attachments: number; textBytes: number }> {
  const meetings = await db.selectFrom('meetings').select(['id', 'body_id', 'date']).where('deleted_at', 'is', null).execute();
  const now = new Date().toISOString();
  let items = 0;
  let attachments = 0;
  let textBytes = 0;
  let rowid = (await db.selectFrom('search_documents').select((eb) => eb.fn.max('rowid').as('max')).executeTakeFirst())?.max ?? 0;
  await db.transaction().execute(async (trx) => {
    for (const meeting of meetings) {
      for (let p = 1; p <= itemsPerMeeting && items < maxItems; p++) {
        const itemId = randomUUID();
        const seed = items * 31 + p;
        const title = `${text(5, seed)} ${p}`;
        const caseText = text(120, seed + 1);
        await trx.insertInto('agenda_items').values({
          id: itemId, meeting_id: meeting.id, position: p, title, kind: p % 3 === 0 ? 'orientering' : 'beslutning', standing: null, closed: 0, closed_title_visible: 1,
          case_number: '', case_officer: '', resume: '', case_text: `<p>${caseText}</p>`, economy: '', consultation: '', approves_meeting_id: null, postponed_from_item_id: null,
          created_at: now, updated_at: now,
        }).execute();
        const decisionId = randomUUID();
        const decisionText = text(40, seed + 2);
        await trx.insertInto('decisions').values({ id: decisionId, item_id: itemId, text: `<p>${decisionText}</p>`, outcome: p % 5 === 0 ? 'taget_til_efterretning' : 'godkendt', created_at: now, updated_at: now }).execute();
        const docs: [string, string, string, string][] = [['item', itemId, title, caseText], ['decision', decisionId, `Beslutning: ${title}`, decisionText]];
        for (let a = 0; a < 2; a++) {
          const sha = randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', '');
          const body = text(330, seed + 10 + a);
          textBytes += Buffer.byteLength(body);
          await trx.insertInto('files').values({ sha256: sha.slice(0, 64), size: 50_000, media_type: 'application/pdf', text: body, text_status: 'udtrukket', created_at: now }).execute();
          const attachmentId = randomUUID();
          await trx.insertInto('attachments').values({ id: attachmentId, item_id: itemId, position: a + 1, title: `Bilag ${a + 1}`, file_name: `bilag-${a + 1}.pdf`, sha256: sha.slice(0, 64), closed: 0, version: 1, replaces_id: null, created_at: now, updated_at: now }).execute();
          docs.push(['attachment', attachmentId, `Bilag ${a + 1}`, body]);
          attachments++;
        }
        for (const [entity, entityId, docTitle, body] of docs) {
          rowid++;
          await trx.insertInto('search_documents').values({ rowid, entity: entity as 'item', entity_id: entityId, meeting_id: meeting.id, item_id: itemId, body_id: meeting.body_id, meeting_date: meeting.date, title: docTitle, body }).execute();
          await sql`INSERT INTO search_fts (rowid, title, body) VALUES (${rowid}, ${foldDanish(docTitle)}, ${foldDanish(body)})`.execute(trx);
        }
        items++;
      }
    }
  });
  return { items, decisions: items, attachments, textBytes };
}
