import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { buildDocumentModel } from '../../electron/backend/services/documents';
import { call } from '../helpers/backend';
import { applyEdition } from '../../shared/documents';

/**
 * Trap 9: the DAS papers number attachments across the meeting («Bilag 1–N»), and the item texts cite them so
 * («jf. bilag 6»); Danske Regioners committees number each item's from 1. The body says which.
 */
const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
const PSU_DECEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202412050001';
const PSU_BODY_ID = '3f0c2a4e-5b7d-4c1e-8f6a-0000000000b1';
let backend: Backend;

beforeAll(async () => {
  backend = await openBackend({ databaseFile: ':memory:', appVersion: 'test', log: { error: () => {} } });
  await call(backend, 'demo.load', {});
}, 300_000);
afterAll(() => backend.close());

const plain = (html: string) => html.replace(/<[^>]+>/g, ' ');

describe('attachment numbers as the body numbers them', () => {
  it('numbers the DAS meeting’s attachments across the meeting, so that «jf. bilag 6» in Punkt 7 is its last one', async () => {
    const model = await buildDocumentModel(backend.database.db, DAS_MAY, 'agenda', 'internal');
    const item7 = model.items.find((i) => i.number === 7)!;
    expect(item7.attachments.map((a) => a.number)).toEqual([2, 3, 4, 5, 6]);
    expect(item7.attachments.at(-1)!.title).toBe('Bemærkninger fra behandlingen i børne- og ungedirektørkredsen');
    expect(plain(item7.caseText)).toContain('eftersendes som bilag 6');
    // The editor shows the same numbers.
    const item = await call(backend, 'agenda.get', { id: item7.id });
    expect(item.attachments.map((a) => a.number)).toEqual([2, 3, 4, 5, 6]);
  });

  it('starts at 1 in each item where the body says so (PSU), and follows a change of the setting', async () => {
    const numbers = async () => (await buildDocumentModel(backend.database.db, PSU_DECEMBER, 'agenda', 'internal')).items.filter((i) => i.attachments.length).map((i) => i.attachments.map((a) => a.number));
    const perItem = await numbers();
    expect(perItem.every((list) => list[0] === 1)).toBe(true);
    const body = (await call(backend, 'bodies.list', {})).find((b) => b.id === PSU_BODY_ID)!;
    expect(body.attachmentNumbering).toBe('item');
    await call(backend, 'bodies.update', { id: body.id, revision: body.revision, patch: { attachmentNumbering: 'meeting' } });
    expect((await numbers()).flat()).toEqual(perItem.flat().map((_, i) => i + 1));
    const changed = (await call(backend, 'bodies.list', {})).find((b) => b.id === PSU_BODY_ID)!;
    await call(backend, 'bodies.update', { id: body.id, revision: changed.revision, patch: { attachmentNumbering: 'item' } });
  });

  it('renumbers the public edition without the closed attachments, and the open texts’ references follow', async () => {
    const internal = await buildDocumentModel(backend.database.db, DAS_MAY, 'agenda', 'internal');
    // Bilag 3 of Punkt 7 made closed: the public edition's Bilag 6 becomes 5, and "bilag 3" is said to be left out.
    const model = {
      ...internal,
      items: internal.items.map((i) => (i.number === 7 ? { ...i, attachments: i.attachments.map((a) => ({ ...a, closed: a.number === 3 })) } : i)),
    };
    const item7 = applyEdition(model, 'public').items.find((i) => i.number === 7)!;
    expect(item7.attachments.map((a) => a.number)).toEqual([2, 3, 4, 5]);
    expect(plain(item7.caseText)).toContain('eftersendes som bilag 5');
    expect(plain(item7.caseText)).toContain('vedlagt som bilag (ikke offentligt)');
    expect(plain(item7.caseText)).not.toContain('bilag 6');
  });
});
