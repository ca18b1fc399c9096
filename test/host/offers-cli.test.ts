import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { runCli } from '../../electron/host/cli';

let dir: string;
let db: string;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { SEKRETARIAT_DATA_DIR: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-offers-cli-'));
  db = join(dir, 'tilbud.db');
  const backend = await openBackend({ databaseFile: db, appVersion: '0.0.0-test', log: { error: () => {} } });
  const organisations = (await backend.call('organisations.list', {})) as { ok: true; data: { id: string; name: string }[] };
  const id = (name: string) => organisations.data.find((o) => o.name === name)!.id;
  const offers = [
    { name: 'Bostedet Birken', operatorId: id('Aalborg Kommune'), legalBasis: 'SEL-108', category: 3, fromYear: 2020, address: 'Birkevej 1' },
    { name: 'Kvisten', operatorId: id('Region Nordjylland'), legalBasis: 'SEL-66-7', category: 3, fromYear: 2020 },
    { name: 'Værestedet', operatorId: id('Aalborg Kommune'), legalBasis: 'SEL-104', category: 2, fromYear: 2020 },
  ];
  const ids: string[] = [];
  for (const offer of offers) {
    const made = await backend.call('offers.create', offer);
    if (!made.ok) throw new Error(made.error.message);
    ids.push((made.data as { id: string }).id);
  }
  // Værestedet moves to category 3 from 2030 by DAS's decision at the annual ind- og udmelding.
  const bodies = (await backend.call('bodies.list', {})) as { ok: true; data: { id: string; code: string }[] };
  const meeting = await backend.call('meetings.create', { bodyId: bodies.data.find((b) => b.code === 'DAS')!.id, date: '2029-12-06', startTime: '13:00', endTime: '16:00' });
  if (!meeting.ok) throw new Error(meeting.error.message);
  const item = await backend.call('agenda.create', { meetingId: (meeting.data as { id: string }).id, title: 'Ind- og udmelding af tilbud 2030' });
  if (!item.ok) throw new Error(item.error.message);
  const moved = await backend.call('offers.setCategory', { offerId: ids[2]!, fromYear: 2030, category: 3, reason: 'Flere kommuner bruger tilbuddet', decisionItemId: (item.data as { id: string }).id, decidedBy: '' });
  if (!moved.ok) throw new Error(moved.error.message);
  await backend.close();
});

describe('offers on the command line', () => {
  it('lists the register, filtered by operator (by its short name too), legal basis and category', async () => {
    const all = await cli('offers', 'list', '--db', db);
    expect(all.code).toBe(0);
    expect(all.out.split('\n')).toHaveLength(3);
    expect(all.out).toMatch(/Aalborg Kommune +SEL-108 +kat\. 3 +Aktiv +Bostedet Birken/);

    const aalborg = JSON.parse((await cli('offers', 'list', '--operator', 'aalborg', '--json', '--db', db)).out) as { name: string }[];
    expect(aalborg.map((o) => o.name)).toEqual(['Bostedet Birken', 'Værestedet']);
    const basis = JSON.parse((await cli('offers', 'list', '--legal-basis', 'sel-66-7', '--json', '--db', db)).out) as { name: string }[];
    expect(basis.map((o) => o.name)).toEqual(['Kvisten']);
    const category = JSON.parse((await cli('offers', 'list', '--category', '2', '--json', '--db', db)).out) as { name: string }[];
    expect(category.map((o) => o.name)).toEqual(['Værestedet']);
  });

  it('shows an offer by id or name with its category history', async () => {
    const [first] = JSON.parse((await cli('offers', 'list', '--json', '--db', db)).out) as { id: string }[];
    const byId = await cli('offers', 'show', first!.id, '--db', db);
    expect(byId.code).toBe(0);
    const byName = await cli('offers', 'show', 'kvisten', '--db', db);
    expect(byName.out).toContain('Driftsherre: Region Nordjylland');
    expect(byName.out).toContain('Lovgrundlag: SEL § 66, stk. 1, nr. 7 (døgninstitutioner)');
    expect(byName.out).toContain('fra 2020: kategori 3 – Optaget i registret');
    expect(JSON.parse((await cli('offers', 'show', 'Kvisten', '--json', '--db', db)).out)).toMatchObject({ name: 'Kvisten', categories: [{ fromYear: 2020, category: 3 }] });
    // The deciding item is cited as the papers cite it.
    const moved = await cli('offers', 'show', 'Værestedet', '--db', db);
    expect(moved.out).toMatch(/fra 2030: kategori 3 – Flere kommuner bruger tilbuddet \(DAS 06\.12\.2029, punkt \d+: Ind- og udmelding af tilbud 2030\)/);
  });

  it.each([
    [['offers', 'list', '--operator', 'Gotham'], /^Fejl: Ukendt driftsherre: Gotham\. Driftsherrerne er .*Aalborg Kommune/],
    [['offers', 'list', '--legal-basis', 'SEL-999'], /^Fejl: Ukendt lovgrundlag: SEL-999\. Brug et af SEL-32, /],
    [['offers', 'list', '--category', '4'], /^Fejl: Ugyldig kategori: 4\. Skriv 1, 2 eller 3\.$/],
    [['offers', 'show', 'Ingenting'], /^Fejl: Tilbuddet Ingenting findes ikke\. Se offers list\.$/],
    [['offers', 'show'], /^Fejl: offers show kræver et tilbuds id eller navn \(se offers list\)\.$/],
  ])('exits 2 with a Danish message on bad input %j', async (args, message) => {
    const { code, err } = await cli(...args, '--db', db);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
