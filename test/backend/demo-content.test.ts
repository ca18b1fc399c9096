import { describe, expect, it } from 'vitest';
import { DAS_2021, DAS_NEXT_MEETING_ID } from '../../electron/backend/demo/content/das-2021';
import { PSU_2024, PSU_BODY } from '../../electron/backend/demo/content/psu-2024';
import type { DemoItem, DemoMeeting } from '../../electron/backend/demo/content/types';

/** Item titles of the two DAS meetings, as listed in domain.md §1.1. */
const TITLES_2021_03_25 = [
  'Godkendelse af dagsorden',
  'Godkendelse af referat fra seneste møde',
  'Plan for arbejdet med fokusområde 2',
  'Undersøgelse om uvisiterede og midlertidige indsatser efter SEL §82a, b og c',
  'Brug af nye nationale standardkontrakter',
  'Evaluering af det administrative set up omkring KKR på direktørniveau',
  'Fokuspunkter for Socialtilsyn Nord i 2022',
  'Forlængelse af periode for takststigning på Svenstrupgård',
  'KKR temadrøftelse om rekruttering og fastholdelse på SOSU området',
  'FU orienterer',
  'Orientering om kommunernes arbejde med Ankestyrelsen',
  'Orientering om revideret samarbejdsaftale vedr. borgere med spiseforstyrrelser',
  'Orientering om arbejdet med kompensation af private tilbud ift. coronarelaterede udgifter',
  'Eventuelt',
  'Næste møde',
];

const TITLES_2021_05_27 = [
  'Godkendelse af dagsorden',
  'Godkendelse af referat fra seneste møde',
  'Kobling mellem DAS og Handicapchefkredsen',
  'Evaluering af det administrative setup omkring KKR',
  'Undersøgelse af uvisiterede og midlertidige indsatser',
  'Fokuskommuner/region vedr. udviklingshæmmede borgere med demens/udadreagerende adfærd',
  'Oplæg til tilbud for børn og unge med svær selvskadende adfærd',
  'Socialtilsyn Nords årsrapport 2020',
  'FU orienterer',
  'Eventuelt',
  'Næste møde',
];

const ALL_MEETINGS: readonly DemoMeeting[] = [...DAS_2021, ...PSU_2024];
const ALL_ITEMS: DemoItem[] = ALL_MEETINGS.flatMap((m) => m.items);

function meeting(list: readonly DemoMeeting[], id: string): DemoMeeting {
  const found = list.find((m) => m.id === id);
  if (!found) throw new Error(`Meeting ${id} missing`);
  return found;
}

function item(m: DemoMeeting, number: number): DemoItem {
  const found = m.items[number - 1];
  if (!found) throw new Error(`Punkt ${number} missing in ${m.date}`);
  return found;
}

/** Every rich-text field of an item, with a label for failure messages. */
function htmlFields(i: DemoItem): [string, string][] {
  const fields: [string, string | undefined][] = [
    ['resume', i.resume],
    ['caseText', i.caseText],
    ['economy', i.economy],
    ['consultation', i.consultation],
    ['decision', i.decision?.text],
  ];
  return fields.filter((f): f is [string, string] => typeof f[1] === 'string').map(([k, v]) => [`${i.title} / ${k}`, v]);
}

const das0325 = meeting(DAS_2021, '5a3e8c21-7d4f-4b6a-9c0e-202103250001');
const das0527 = meeting(DAS_2021, '5a3e8c21-7d4f-4b6a-9c0e-202105270001');
const psu1108 = meeting(PSU_2024, '5a3e8c21-7d4f-4b6a-9c0e-202411080001');
const psu1205 = meeting(PSU_2024, '5a3e8c21-7d4f-4b6a-9c0e-202412050001');

describe('demo content: DAS 2021', () => {
  it('has the two meetings with their headers', () => {
    expect(DAS_2021).toHaveLength(2);
    expect(das0325).toMatchObject({ bodyCode: 'DAS', date: '2021-03-25', startTime: '13:00', endTime: '16:00', location: 'Teams', status: 'referat_godkendt' });
    expect(das0527).toMatchObject({ bodyCode: 'DAS', date: '2021-05-27', startTime: '13:00', endTime: '16:00', status: 'referat_udsendt' });
    expect(DAS_2021.map((m) => m.id)).not.toContain(DAS_NEXT_MEETING_ID);
  });

  it('has the 15 and 11 items with the titles of the agenda, in order', () => {
    expect(das0325.items.map((i) => i.title)).toEqual(TITLES_2021_03_25);
    expect(das0527.items.map((i) => i.title)).toEqual(TITLES_2021_05_27);
  });

  it('marks the standing items', () => {
    const standing = (m: DemoMeeting) => m.items.map((i, n) => [n + 1, i.standing] as const).filter(([, s]) => s !== undefined);
    expect(standing(das0325)).toEqual([
      [1, 'godkendelse_dagsorden'],
      [2, 'godkendelse_referat'],
      [10, 'fu_orienterer'],
      [14, 'eventuelt'],
      [15, 'naeste_moede'],
    ]);
    expect(standing(das0527)).toEqual([
      [1, 'godkendelse_dagsorden'],
      [2, 'godkendelse_referat'],
      [9, 'fu_orienterer'],
      [10, 'eventuelt'],
      [11, 'naeste_moede'],
    ]);
  });

  it('records the reservations of Læsø and Morsø on the self-harm offer (27.05, Punkt 7)', () => {
    const p7 = item(das0527, 7);
    const parties = (p7.decision?.reservations ?? []).map((r) => r.party);
    expect(parties).toEqual(expect.arrayContaining([expect.stringContaining('Læsø'), expect.stringContaining('Morsø')]));
    expect(p7.guests?.filter((g) => g.attended)).toHaveLength(2);
    // The papers' meeting-wide numbers stay in the file names; the app numbers attachments per item.
    expect(p7.attachments?.map((a) => a.fileName.slice(0, 7))).toEqual(['Bilag 2', 'Bilag 3', 'Bilag 4', 'Bilag 5', 'Bilag 6']);
    expect(p7.attachments?.every((a) => !a.title.startsWith('Bilag'))).toBe(true);
  });

  it('has the agreed follow-ups', () => {
    const followUps = DAS_2021.flatMap((m) => m.items.flatMap((i) => i.followUps ?? []));
    expect(followUps.length).toBeGreaterThanOrEqual(12);
    for (const f of followUps) {
      expect(f.action.trim()).not.toBe('');
      expect(f.owner.trim()).not.toBe('');
    }
    expect(item(das0325, 11).followUps?.[0]?.owner).toBe('Henrik Aarup-Kristensen');
    expect(item(das0325, 9).followUps?.[0]?.owner).toBe('Hjørring Kommune');
  });

  it('lists the nine annexes of 25.03 and gives every annex a text', () => {
    const numbered = das0325.items.flatMap((i) => i.attachments ?? []).map((a) => a.fileName.match(/^Bilag (\d+)/)?.[1]).filter((n) => n !== undefined);
    expect(numbered).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const a of ALL_ITEMS.flatMap((i) => i.attachments ?? [])) {
      expect(a.title.trim()).not.toBe('');
      expect(a.fileName).toMatch(/\.pdf$/);
      expect(a.text.length).toBeGreaterThan(200);
    }
  });
});

describe('demo content: PSU 2024', () => {
  it('has the body and the two meetings', () => {
    expect(PSU_BODY).toMatchObject({ id: '3f0c2a4e-5b7d-4c1e-8f6a-0000000000b1', code: 'PSU' });
    expect(PSU_2024.every((m) => m.bodyCode === PSU_BODY.code)).toBe(true);
    expect(psu1108).toMatchObject({ date: '2024-11-08', status: 'referat_udsendt' });
    expect(psu1205).toMatchObject({ date: '2024-12-05', status: 'dagsorden_udsendt' });
  });

  it('has 12 and 10 items, the closed ones without content', () => {
    expect(psu1108.items).toHaveLength(12);
    expect(psu1205.items).toHaveLength(10);
    const closedNumbers = (m: DemoMeeting) => m.items.map((i, n) => (i.closed ? n + 1 : 0)).filter((n) => n > 0);
    expect(closedNumbers(psu1108)).toEqual([1, 7, 12]);
    expect(closedNumbers(psu1205)).toEqual([1, 4, 10]);
    for (const i of [...psu1108.items, ...psu1205.items].filter((x) => x.closed)) {
      expect(i).toMatchObject({ title: 'Lukket punkt', closedTitleVisible: false });
      for (const key of ['resume', 'caseText', 'economy', 'consultation', 'decision', 'recommendations', 'guests', 'followUps', 'attachments'] as const) {
        expect(i[key], key).toBeUndefined();
      }
    }
    expect(item(psu1205, 1).caseNumber).toBe('MDR-2024-00036');
  });

  it('keeps case number and case officer on every open item', () => {
    for (const i of [...psu1108.items, ...psu1205.items].filter((x) => !x.closed)) {
      expect(i.caseNumber, i.title).toMatch(/^(EMN|MDR)-\d{4}-\d{5}$/);
      expect(i.caseOfficer?.trim(), i.title).toBeTruthy();
    }
  });

  it('has decisions on 8 November and none on 5 December', () => {
    expect(psu1108.items.filter((i) => !i.closed).every((i) => i.decision !== undefined)).toBe(true);
    expect(psu1205.items.some((i) => i.decision !== undefined)).toBe(false);
  });
});

describe('demo content: integrity', () => {
  it('gives every item a non-empty title', () => {
    for (const i of ALL_ITEMS) expect(i.title.trim()).not.toBe('');
  });

  it('uses unique ids', () => {
    const ids = [...ALL_MEETINGS.map((m) => m.id), DAS_NEXT_MEETING_ID, PSU_BODY.id];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives per-point outcomes only for each recommendation', () => {
    for (const i of ALL_ITEMS) {
      const points = i.decision?.pointOutcomes;
      if (points) expect(points, i.title).toHaveLength(i.recommendations?.length ?? 0);
    }
  });

  it('uses ISO dates for follow-ups', () => {
    for (const f of ALL_ITEMS.flatMap((i) => i.followUps ?? [])) {
      if (f.dueDate !== undefined) expect(f.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('has safe, well-escaped HTML', () => {
    const bareAmpersand = /&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);)/;
    for (const [label, value] of ALL_ITEMS.flatMap(htmlFields)) {
      expect(value.toLowerCase(), label).not.toContain('<script');
      expect(bareAmpersand.test(value), `${label}: unescaped &`).toBe(false);
    }
  });
});
