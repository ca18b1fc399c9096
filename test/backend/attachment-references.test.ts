import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { buildDocumentModel } from '../../electron/backend/services/documents';
import { applyEdition, referencesFollowingAttachments } from '../../shared/documents';
import { call, openTestBackend } from '../helpers/backend';

/**
 * Issue 16: «jf. bilag 6» in an item's text names an attachment, not a number. When attachments are added, removed
 * or moved after the text was written, the reference still names the same attachment, in the editor and the papers.
 */
let dir: string;
let backend: Backend;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-references-'));
  backend = await openTestBackend({ databaseFile: join(dir, 'sekretariat.db') });
});
afterEach(async () => {
  await backend.files?.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function attach(itemId: string, title: string) {
  const file = await backend.files!.storeStream(Readable.from([Buffer.from(`indhold af ${title}`)]), `${title}.pdf`);
  return call(backend, 'attachments.add', { itemId, sha256: file.sha256, fileName: file.fileName, title });
}

const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** A DAS meeting (attachments numbered across the meeting): Punkt 1 with Bilag 1–2, Punkt 2 citing both and its own Bilag 3. */
async function meetingWithReferences() {
  const das = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
  const meeting = await call(backend, 'meetings.create', { bodyId: das.id, date: '2027-03-04', startTime: '13:00', endTime: '16:00' });
  const first = await call(backend, 'agenda.create', { meetingId: meeting.id, title: 'Rammeaftale 2027' });
  const second = await call(backend, 'agenda.create', { meetingId: meeting.id, title: 'Takster 2027' });
  await attach(first.id, 'Rammeaftalen');
  await attach(first.id, 'Høringssvar');
  const own = await attach(second.id, 'Takstoversigt');
  const written = await call(backend, 'agenda.get', { id: second.id });
  await call(backend, 'agenda.update', {
    id: second.id,
    revision: written.revision,
    patch: { caseText: '<p>Rammeaftalen er vedlagt som bilag 1, høringssvarene som bilag 2 og taksterne jf. bilag 3.</p>', recommendations: ['at DAS godkender taksterne i bilag 3'] },
  });
  return { meeting, first, second, own };
}

const caseText = async (itemId: string) => plain((await call(backend, 'agenda.get', { id: itemId })).caseText);
const printed = async (meetingId: string, itemId: string) => (await buildDocumentModel(backend.database.db, meetingId, 'agenda', 'internal')).items.find((i) => i.id === itemId)!;

describe('references to attachments follow the attachments', () => {
  it('keeps pointing at the same attachment when one is added before it (in an earlier item)', async () => {
    const { meeting, first, second } = await meetingWithReferences();
    await attach(first.id, 'Bilag sendt senere');
    // The takstoversigt is now Bilag 4: the text says so, in the editor and in the printed agenda.
    expect(await caseText(second.id)).toBe('Rammeaftalen er vedlagt som bilag 1, høringssvarene som bilag 2 og taksterne jf. bilag 4.');
    const item = await printed(meeting.id, second.id);
    expect(item.attachments.map((a) => `${a.number} ${a.title}`)).toEqual(['4 Takstoversigt']);
    expect(plain(item.caseText)).toContain('taksterne jf. bilag 4');
    expect(item.recommendations).toEqual(['at DAS godkender taksterne i bilag 4']);
  });

  it('follows a removed attachment, and says where the cited one has gone', async () => {
    const { first, second } = await meetingWithReferences();
    const [, answers] = (await call(backend, 'agenda.get', { id: first.id })).attachments;
    await call(backend, 'attachments.delete', { id: answers!.id });
    expect(await caseText(second.id)).toBe('Rammeaftalen er vedlagt som bilag 1, høringssvarene som bilag (udgået) og taksterne jf. bilag 2.');
  });

  it('follows the items when they are reordered, and the public edition renumbers from there', async () => {
    const { meeting, second } = await meetingWithReferences();
    await call(backend, 'agenda.move', { id: second.id, to: 1 });
    // Punkt 2 first: its own attachment is Bilag 1, the other item's are 2 and 3.
    expect(await caseText(second.id)).toBe('Rammeaftalen er vedlagt som bilag 2, høringssvarene som bilag 3 og taksterne jf. bilag 1.');
    const model = await buildDocumentModel(backend.database.db, meeting.id, 'agenda', 'internal');
    const publicItem = applyEdition(model, 'public').items.find((i) => i.id === second.id)!;
    expect(plain(publicItem.caseText)).toContain('vedlagt som bilag 2, høringssvarene som bilag 3 og taksterne jf. bilag 1');
  });

  it('records the renumbering in the item’s history and leaves items without references alone', async () => {
    const { first, second } = await meetingWithReferences();
    const before = (await call(backend, 'agenda.get', { id: first.id })).revision;
    await attach(first.id, 'Bilag sendt senere');
    const history = await call(backend, 'agenda.history', { id: second.id });
    expect(history.some((h) => h.action === 'aendret' && JSON.stringify(h.changes).includes('jf. bilag 4'))).toBe(true);
    // Punkt 1 cites nothing: only its attachment was added (no text rewritten).
    expect(plain((await call(backend, 'agenda.get', { id: first.id })).caseText)).toBe('');
    expect((await call(backend, 'agenda.get', { id: first.id })).revision).toBe(before);
  });
});

describe('referencesFollowingAttachments', () => {
  const before = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
  it('maps each number through its attachment, ranges too, and leaves numbers that named none', () => {
    const after = new Map([['a', 2], ['b', 3], ['c', 4]]);
    expect(referencesFollowingAttachments('<p>jf. bilag 1 og bilag 2–3; bilag 9 eftersendes</p>', before, after)).toBe('<p>jf. bilag 2 og bilag 3–4; bilag 9 eftersendes</p>');
  });
  it('reads only text, never a tag’s attributes', () => {
    expect(referencesFollowingAttachments('<a href="https://x.dk/bilag 1">bilag 1</a>', before, new Map([['a', 5]]))).toBe('<a href="https://x.dk/bilag 1">bilag 5</a>');
  });
});
