import { describe, expect, it } from 'vitest';
import type { ChangedEntity } from '../../shared/contract';
import { WINDOW_ORIGIN } from '../../renderer/src/api/origin';
import { handleChange, onChange, ownWrite, type Change } from '../../renderer/src/stores/changes';

let stores = 0;
/** A store following some entities, recording what it was asked to read again. */
function follower(entities: ChangedEntity[]) {
  const name = `store-${++stores}`;
  const heard: Change[] = [];
  onChange(name, entities, async (change) => {
    heard.push(change);
  });
  return { name, heard };
}

describe('a window’s stores and the change events', () => {
  it('skips the event of its own write in the store that applied it, while another store of the window still reads what it names', async () => {
    const agenda = follower(['agenda', 'followUps']);
    const meetings = follower(['meetings', 'agenda']);
    await ownWrite(agenda.name, ['agenda'], async () => 'saved');
    handleChange({ entities: ['agenda'], origin: WINDOW_ORIGIN });
    expect(agenda.heard).toEqual([]);
    expect(meetings.heard).toEqual([{ entities: ['agenda'] }]);
  });

  it('skips an own write once: the next event of the same kind is read again', async () => {
    const agenda = follower(['agenda']);
    await ownWrite(agenda.name, ['agenda'], async () => 'saved');
    handleChange({ entities: ['agenda'], origin: WINDOW_ORIGIN });
    handleChange({ entities: ['agenda'], origin: WINDOW_ORIGIN });
    expect(agenda.heard).toEqual([{ entities: ['agenda'] }]);
  });

  it('reads what another window, a job or the command line changed, with the ids where given', async () => {
    const meetings = follower(['meetings']);
    await ownWrite(meetings.name, ['meetings'], async () => 'saved');
    handleChange({ entities: ['meetings'], ids: ['m1'], origin: 'another-window' });
    handleChange({ entities: ['meetings', 'bodies'] });
    expect(meetings.heard).toEqual([{ entities: ['meetings'], ids: ['m1'] }, { entities: ['meetings'] }]);
  });

  it('reads the other entities one write changed besides those its store applied', async () => {
    const agenda = follower(['agenda', 'followUps']);
    await ownWrite(agenda.name, ['agenda'], async () => 'saved');
    handleChange({ entities: ['followUps', 'agenda'], origin: WINDOW_ORIGIN });
    expect(agenda.heard).toEqual([{ entities: ['followUps'] }]);
  });

  it('does not skip anything after a refused write', async () => {
    const scenarios = follower(['scenarios']);
    await expect(ownWrite(scenarios.name, ['scenarios'], () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    handleChange({ entities: ['scenarios'], origin: WINDOW_ORIGIN });
    expect(scenarios.heard).toEqual([{ entities: ['scenarios'] }]);
  });
});
