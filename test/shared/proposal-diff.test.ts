import { describe, expect, it } from 'vitest';
import { Consultation } from '../../shared/domain/proposal';
import { diffVersions, type ComparableVersion } from '../../shared/logic/proposals/diff';
import { nt1Content, nt1Economy } from '../helpers/proposal-fixture';

function version(n: 1 | 2): ComparableVersion {
  const { economy, chosenScenarioId } = nt1Economy(n, 2);
  const consultation = Consultation.parse(n === 1 ? { start: '2021-04-29', end: '2021-05-07', circle: ['Psykiatri- og handicapchefkredsen'] } : {});
  return { content: nt1Content(n), consultation, economy, chosenScenarioId };
}

const row = (rows: ReturnType<typeof diffVersions>, section: string, label: string) => {
  const found = rows.find((r) => r.section === section && r.label === label);
  if (!found) throw new Error(`No row ${section} / ${label}`);
  return found;
};

describe('comparing two versions of a proposal', () => {
  const rows = diffVersions(version(1), version(2));

  it('marks every changed figure of NT-1 v1 → v2 (the papers differ in almost every number)', () => {
    expect(row(rows, 'Budget ved fuld drift', 'Driftsudgifter i alt (som angivet)')).toMatchObject({ from: '22.900.000 kr.', to: '23.100.000 kr.', changed: true, figure: true });
    expect(row(rows, 'Budget ved fuld drift', 'Budgetlinjernes sum (beregnet)')).toMatchObject({ from: '23.730.000 kr.', to: '23.750.000 kr.', changed: true });
    expect(row(rows, 'Scenarie 1', 'Etablering og opstart')).toMatchObject({ from: '2.200.000 kr.', to: '1.900.000 kr.', changed: true });
    expect(row(rows, 'Scenarie 1', 'I alt')).toMatchObject({ from: '4.400.000 kr.', to: '5.700.000 kr.', changed: true });
    // AT-04: v2 scenario 2 adds up to 7,13 mio. kr. (the papers print 7,16); the app shows what the parts give.
    expect(row(rows, 'Scenarie 2', 'I alt')).toMatchObject({ from: '8.000.000 kr.', to: '7.130.000 kr.' });
    expect(row(rows, 'Scenarie 2', 'Regionens andel')).toMatchObject({ from: '0 kr.', to: '1.782.500 kr.', changed: true });
    expect(row(rows, 'Underskudsdækning', 'Regionens andel')).toMatchObject({ from: '0\u00a0%', to: '25\u00a0%', changed: true });
  });

  it('matches budget lines by their label, so a line split in two shows as one gone and two new', () => {
    expect(row(rows, 'Budget ved fuld drift', 'Lønudgift')).toMatchObject({ from: '17.800.000 kr.', to: '–', changed: true });
    expect(row(rows, 'Budget ved fuld drift', 'Lønudgift, variabel')).toMatchObject({ from: '–', to: '14.800.000 kr.', changed: true });
    expect(row(rows, 'Budget ved fuld drift', 'Kurser')).toMatchObject({ from: '200.000 kr.', to: '200.000 kr.', changed: false });
  });

  it('leaves what did not change unmarked: the tariff levels and the places', () => {
    expect(row(rows, 'Takster', 'Takst 4: døgntakst')).toMatchObject({ from: '8.900 kr.', to: '8.900 kr.', changed: false, figure: true });
    expect(row(rows, 'Pladser og behov', 'Antal pladser')).toMatchObject({ from: '10', to: '10', changed: false });
  });

  it('compares what each municipality pays under the chosen scenario', () => {
    // Aalborg under scenario 2: v1 the whole 8 mio. by population, v2 the municipalities' 75 % of 7,13 mio.
    const aalborg = row(rows, 'Kommunernes betaling (valgt scenarie)', 'Aalborg Kommune');
    expect(aalborg.changed).toBe(true);
    expect(aalborg.from).toBe('2.975.637 kr.');
  });

  it('shows a field filled in on one side only against a dash', () => {
    expect(row(rows, 'Høring', 'Høringsperiode')).toMatchObject({ from: '29.04.2021 – 07.05.2021', to: '–', changed: true });
  });

  it('finds no change between a version and itself', () => {
    expect(diffVersions(version(2), version(2)).filter((r) => r.changed)).toEqual([]);
  });
});
