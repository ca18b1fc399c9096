import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { createApi, type Api } from '../../renderer/src/api/client';
import { changes, fieldsOf, updateMerging, type ItemFields } from '../../renderer/src/features/agenda/concurrent-edits';
import type { AgendaItem } from '../../shared/domain/agenda';
import { call, openTestBackend } from '../helpers/backend';

/**
 * Two windows editing the same agenda item, each against the real backend (in-process): what each window holds is
 * what its item editor holds — the item as it last saved it, and the fields typed since.
 */
let backend: Backend;
let item: AgendaItem;

/** The window's client, over the backend's own call (the transports add nothing to a call's result). */
const client = (): Api =>
  createApi({
    invoke: (method, input) => backend.call(method as never, input as never),
    on: () => () => {},
    upload: () => Promise.reject(new Error('not used')),
    uploadPackage: () => Promise.reject(new Error('not used')),
    uploadTemplate: () => Promise.reject(new Error('not used')),
    openFile: () => Promise.reject(new Error('not used')),
    saveFile: () => Promise.reject(new Error('not used')),
    saveExport: () => Promise.reject(new Error('not used')),
  });

/** A window with the item open: the version it last saved, and how it saves what the user typed. */
function openWindow() {
  let saved = { fields: fieldsOf(item), revision: item.revision };
  const told: Partial<ItemFields>[] = [];
  return {
    told,
    /** Types `edit` over the saved version and saves it as the editor does; returns what the editor then shows. */
    async type(edit: Partial<ItemFields>): Promise<ItemFields> {
      const draft = { ...saved.fields, ...edit };
      let shown = draft;
      const updated = await updateMerging(client(), item.id, saved, changes(saved.fields, draft), (theirs) => {
        told.push(theirs);
        shown = { ...shown, ...theirs };
      });
      saved = { fields: fieldsOf(updated), revision: updated.revision };
      return shown;
    },
  };
}

beforeEach(async () => {
  backend = await openTestBackend();
  const das = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
  const meeting = await call(backend, 'meetings.create', { bodyId: das.id, date: '2027-03-25', startTime: '13:00', endTime: '16:00' });
  item = await call(backend, 'agenda.create', { meetingId: meeting.id, title: 'Takster for 2027' });
});
afterEach(() => backend.close());

const stored = async () => fieldsOf(await call(backend, 'agenda.get', { id: item.id }));

describe('the item editor’s merge of edits made in two windows at once', () => {
  it('keeps both windows’ changes to different fields, without a word to either user', async () => {
    const one = openWindow();
    const other = openWindow();
    await one.type({ caseOfficer: 'Mette Holm' });
    const shown = await other.type({ resume: '<p>Forslag om takster for 2027.</p>' });
    expect(shown).toMatchObject({ caseOfficer: item.caseOfficer, resume: '<p>Forslag om takster for 2027.</p>' });
    expect(await stored()).toMatchObject({ title: 'Takster for 2027', caseOfficer: 'Mette Holm', resume: '<p>Forslag om takster for 2027.</p>' });
    expect([...one.told, ...other.told]).toEqual([]);
  });

  it('where both changed the same field, keeps the version saved first, shows it and tells the later window; its other fields are saved', async () => {
    const one = openWindow();
    const other = openWindow();
    await one.type({ title: 'Takster for 2027 (revideret)' });
    const shown = await other.type({ title: 'Takster 2027', caseNumber: '27.00.00-A00-1-27' });
    expect(other.told).toEqual([{ title: 'Takster for 2027 (revideret)' }]);
    expect(shown).toMatchObject({ title: 'Takster for 2027 (revideret)', caseNumber: '27.00.00-A00-1-27' });
    expect(await stored()).toMatchObject({ title: 'Takster for 2027 (revideret)', caseNumber: '27.00.00-A00-1-27' });
  });

  it('saves on the new revision after a change elsewhere that touched none of its fields (a reorder)', async () => {
    const one = openWindow();
    const second = await call(backend, 'agenda.create', { meetingId: item.meetingId, title: 'Eventuelt' });
    await call(backend, 'agenda.move', { id: second.id, to: 1 });
    await one.type({ economy: '<p>Udgiftsneutralt.</p>' });
    expect(one.told).toEqual([]);
    expect(await stored()).toMatchObject({ title: 'Takster for 2027', economy: '<p>Udgiftsneutralt.</p>' });
    // And the next save goes on from there without a conflict.
    await one.type({ economy: '<p>Udgiftsneutralt for kommunerne.</p>' });
    expect(await stored()).toMatchObject({ economy: '<p>Udgiftsneutralt for kommunerne.</p>' });
  });

  it('lets a refusal stand as it is: nothing is merged around it, and the user gets the Danish reason', async () => {
    const one = openWindow();
    await expect(one.type({ title: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { 'patch.title': 'Punktet skal have en titel' } });
    expect(await stored()).toMatchObject({ title: 'Takster for 2027' });
  });
});
