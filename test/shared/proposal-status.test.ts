import { describe, expect, it } from 'vitest';
import { proposalStatus, type StatusInput, type StatusStep } from '../../shared/logic/proposals/status';

const step = (position: number, bodyCode: string, over: Partial<StatusStep> = {}): StatusStep => ({ position, bodyCode, versionNumber: 1, date: null, onAgenda: false, outcome: null, ...over });
const status = (over: Partial<StatusInput>) =>
  proposalStatus({ latestVersion: 1, consultation: { start: null, end: null }, steps: [], establishedOn: null, today: '2021-06-01', ...over });

// The route of NT-1 v1: BUDK 21.05.2021 → DAS 27.05.2021 → KKR 11.06.2021 (002:586–601).
const budk = step(1, 'BUDK', { date: '2021-05-21' });
const das = step(2, 'DAS', { date: '2021-05-27' });
const kkr = step(3, 'KKR', { date: '2021-06-11' });

describe('the status of a proposal follows its decisions', () => {
  it('is a draft until anything happens, and says so', () => {
    expect(status({ steps: [budk, das, kkr] })).toEqual({ status: 'udkast', reason: 'Ikke sat på en dagsorden endnu' });
    expect(status({ latestVersion: 0 }).reason).toBe('Ingen version endnu');
  });

  it('is in consultation from the first day to the deadline, both included', () => {
    const consultation = { start: '2021-04-29', end: '2021-05-07' };
    expect(status({ consultation, today: '2021-04-28' }).status).toBe('udkast');
    expect(status({ consultation, today: '2021-04-29' })).toEqual({ status: 'i_hoering', reason: 'Høringsfrist 07.05.2021' });
    expect(status({ consultation, today: '2021-05-07' }).status).toBe('i_hoering');
    expect(status({ consultation, today: '2021-05-08' }).status).toBe('udkast');
  });

  it('is under treatment once a step has it on an agenda, and while a body postpones or discusses it', () => {
    expect(status({ steps: [budk, { ...das, onAgenda: true }, kkr] })).toEqual({ status: 'under_behandling', reason: 'På dagsordenen: DAS 27.05.2021' });
    expect(status({ steps: [{ ...budk, outcome: 'droeftet' }, { ...das, onAgenda: true, outcome: 'udsat' }, kkr] })).toEqual({ status: 'under_behandling', reason: 'DAS 27.05.2021: Udsat' });
  });

  it('is approved only when the last step of the route approves the latest version', () => {
    const approvedByDas = [{ ...budk, outcome: 'godkendt' as const }, { ...das, onAgenda: true, outcome: 'godkendt' as const }, kkr];
    expect(status({ steps: approvedByDas }).status).toBe('under_behandling');
    expect(status({ steps: [...approvedByDas.slice(0, 2), { ...kkr, outcome: 'godkendt_med_aendringer' }] })).toEqual({ status: 'godkendt', reason: 'KKR 11.06.2021: Godkendt med ændringer' });
  });

  it('is rejected when any body says «Ikke godkendt» to the latest version', () => {
    expect(status({ steps: [{ ...budk, outcome: 'godkendt' }, { ...das, outcome: 'ikke_godkendt' }, kkr] })).toEqual({ status: 'afvist', reason: 'DAS 27.05.2021: Ikke godkendt' });
  });

  it('is revised when a new version follows, until a body treats the new one', () => {
    const treatedV1 = [{ ...budk, outcome: 'droeftet' as const }, { ...das, outcome: 'udsat' as const }];
    expect(status({ latestVersion: 2, steps: treatedV1 })).toEqual({ status: 'revideret', reason: 'Version 2 er ikke behandlet endnu' });
    // A rejection of v1 does not reject v2.
    expect(status({ latestVersion: 2, steps: [{ ...das, outcome: 'ikke_godkendt' }] }).status).toBe('revideret');
    const v2OnAgenda = [...treatedV1, step(3, 'DAS', { versionNumber: 2, date: '2021-08-23', onAgenda: true })];
    expect(status({ latestVersion: 2, steps: v2OnAgenda, today: '2021-08-01' }).status).toBe('under_behandling');
    expect(status({ latestVersion: 2, steps: [...treatedV1, step(3, 'KKR', { versionNumber: 2, outcome: 'godkendt' })] }).status).toBe('godkendt');
  });

  it('puts a revised version in consultation before calling it revised', () => {
    expect(status({ latestVersion: 2, consultation: { start: '2021-06-01', end: null } }).status).toBe('i_hoering');
  });

  it('is established from the establishment date on, whatever else', () => {
    expect(status({ establishedOn: '2024-01-01', today: '2023-12-31' }).status).toBe('udkast');
    expect(status({ establishedOn: '2024-01-01', today: '2024-01-01', steps: [{ ...kkr, outcome: 'godkendt' }] })).toEqual({ status: 'etableret', reason: 'Etableret 01.01.2024' });
  });
});
