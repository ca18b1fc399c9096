import { describe, expect, it } from 'vitest';
import { LARGEST_REMAINDER_NOTE, municipalityFiguresFileName, paymentRows, renderMunicipalityFigures, type MunicipalityFiguresInput } from '../../shared/documents/municipality-figures';
import { documentFileName } from '../../shared/format/file-name';
import { renderProposalAnnexes, type ProposalAnnex, type ProposalAnnexInput, type ProposalAnnexKey } from '../../shared/documents/proposal-annexes';
import type { ScenarioFigures } from '../../shared/domain/proposal';
import { NT1_NOT_ANSWERED, nt1AnnexInput, nt1Economy } from '../helpers/proposal-fixture';

/*
 * The annexes of NT-1 v1 and v2 as HTML, checked for what a reader checks: the seeds' own wrong budget total beside
 * the computed one (AT-06), each municipality's part as the engine distributes it (AT-01/AT-02, largest remainder),
 * sums that equal the totals, the consultation, and escaped user text.
 */

/** The text a reader sees: tags gone, entities decoded, no-break spaces as spaces, whitespace collapsed. */
function plain(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const byKey = (annexes: readonly ProposalAnnex[], key: ProposalAnnexKey) => annexes.find((a) => a.key === key) ?? expect.unreachable(`no annex ${key}`);
const v1 = renderProposalAnnexes({ ...nt1AnnexInput(1, 1), madeOn: '2021-05-27' });
const v2 = renderProposalAnnexes({ ...nt1AnnexInput(2, 2), madeOn: '2021-08-23' });

describe('the annexes of a proposal version', () => {
  it('are the budget, the scenarios, the distribution and the responses, titled and named after the version', () => {
    expect(v1.map((a) => a.key)).toEqual(['budget', 'scenarier', 'fordeling', 'hoeringssvar']);
    expect(v1.map((a) => a.title)).toEqual([
      'Bilag – NT-1 v1: Budget ved fuld drift',
      'Bilag – NT-1 v1: Opstartsscenarier',
      'Bilag – NT-1 v1: Fordeling pr. kommune',
      'Bilag – NT-1 v1: Høringssvar',
    ]);
    expect(v1.map((a) => a.fileName)).toEqual([
      'Bilag – NT-1 v1 – Budget ved fuld drift.pdf',
      'Bilag – NT-1 v1 – Opstartsscenarier.pdf',
      'Bilag – NT-1 v1 – Fordeling pr. kommune.pdf',
      'Bilag – NT-1 v1 – Høringssvar.pdf',
    ]);
    for (const annex of v1) {
      const text = plain(annex.html);
      expect(annex.html).toMatch(/^<!doctype html>\n<html lang="da">/);
      expect(annex.html).toContain(`<title>${annex.title}</title>`);
      expect(text).toContain('NT-1 v1: Nyt botilbud til unge med svær selvskadende adfærd');
      expect(text).toContain('Bilag · NT-1 · version 1');
      // The running header (page margin) carries the title and the date; page numbers are on.
      expect(annex.html).toContain(`"${annex.title} · 27. maj 2021"`);
      expect(annex.html).toContain('"Side " counter(page) " af " counter(pages)');
    }
    for (const key of ['budget', 'scenarier', 'fordeling'] as const) expect(plain(byKey(v1, key).html)).toContain('Beregnet af Sekretariat ud fra takstreglerne');
  });

  it('has no consultation annex without responses', () => {
    expect(v2.map((a) => a.key)).toEqual(['budget', 'scenarier', 'fordeling']);
  });

  it('shows the stated budget, the computed sum of its lines and the difference (AT-06), with the tariff levels', () => {
    const text = plain(byKey(v1, 'budget').html);
    expect(text).toContain('Tallene er fra det valgte scenarie «NT-1 v1 – scenarie 1» (fastfrosset version 1)');
    expect(text).toContain('Lønudgift 17.800.000 kr.');
    expect(text).toContain('Fællesudgifter vedr. Specialsektoren 450.000 kr.');
    expect(text).toContain('Sum af linjerne (beregnet) 23.730.000 kr.');
    expect(text).toContain('Driftsudgifter i alt (angivet) 22.900.000 kr.');
    expect(text).toContain('Forskel (linjerne − angivet) +830.000 kr.');
    expect(text).toContain('Linjerne summerer til 830.000 kr. mere end de angivne driftsudgifter i alt.');
    // Levels: name, ATA hours a week from the proposal's text, daily tariff, places in the mix, revenue at 90 % (AT-05).
    expect(text).toContain('Takst 4 16 8.900 kr. 3 8.770.950 kr.');
    expect(text).toContain('Takst 1 6,5 4.800 kr. 2 3.153.600 kr.');
    expect(text).toContain('I alt gns. 7.120 kr. 10 23.389.200 kr.');
    expect(text).toContain('Forskel (takstniveauer − budget) +489.200 kr.');
    expect(text).toContain('Indtægt pr. år ved 90 % belægning');
    // The budget's own daily tariff and the level average.
    expect(text).toContain('Døgntakst af budgettet 6.971,08 kr.');
    expect(text).toContain('Takstniveauernes gennemsnitlige døgntakst 7.120 kr.');
    // The engine's warnings.
    expect(text).toContain('Advarsler fra beregningen');
    expect(text).toContain('Budgetlinjerne summerer til 23.730.000 kr., men totalen er angivet til 22.900.000 kr.');

    const v2Text = plain(byKey(v2, 'budget').html);
    expect(v2Text).toContain('Sum af linjerne (beregnet) 23.750.000 kr.');
    expect(v2Text).toContain('Driftsudgifter i alt (angivet) 23.100.000 kr.');
    expect(v2Text).toContain('Forskel (linjerne − angivet) +650.000 kr.');
  });

  it('falls back to the first scenario, and says so, when none is chosen', () => {
    const text = plain(byKey(renderProposalAnnexes({ ...nt1AnnexInput(1), chosenScenarioId: null }), 'budget').html);
    expect(text).toContain('Der er ikke valgt et scenarie; tallene er fra «NT-1 v1 – scenarie 1»');
  });

  it('shows the start-up scenarios side by side with the chosen one marked (AT-03, AT-04)', () => {
    const text = plain(byKey(v1, 'scenarier').html);
    expect(text).toContain('Det valgte er «NT-1 v1 – scenarie 1» (markeret)');
    expect(text).toContain('Scenarie NT-1 v1 – scenarie 1 valgt NT-1 v1 – scenarie 2 NT-1 v1 – scenarie 3');
    expect(text).toContain('Etablering og opstart (2023) 2.200.000 2.200.000 2.200.000');
    expect(text).toContain('Underskud driftsår 1 (2024) 2.200.000 2.200.000 2.200.000');
    expect(text).toContain('Underskud driftsår 2 (2025) 0 3.600.000 3.600.000');
    expect(text).toContain('Underskud driftsår 3 (2026) 0 0 2.000.000');
    expect(text).toContain('I alt 4.400.000 8.000.000 10.000.000');
    expect(text).toContain('Heraf underskud i driftsårene 2.200.000 5.800.000 7.800.000');
    expect(text).toContain('Regionens andel (0 %) 0 0 0');
    expect(text).toContain('Kommunernes andel (100 %) 4.400.000 8.000.000 10.000.000');
    expect(text).toContain('Driftsår 2 (2025) 100 % 70 % 70 %');
    expect(byKey(v1, 'scenarier').html.match(/class="num chosen"/g)?.length).toBeGreaterThan(10);

    // v2: the components, not the seeds' printed 7,16 and 7,45 mio. kr.; the Region carries 25 %.
    const v2Text = plain(byKey(v2, 'scenarier').html);
    expect(v2Text).toContain('Det valgte er «NT-1 v2 – scenarie 2»');
    expect(v2Text).toContain('I alt 5.700.000 7.130.000 7.430.000');
    expect(v2Text).toContain('Regionens andel (25 %) 1.425.000 1.782.500 1.857.500');
    expect(v2Text).toContain('Kommunernes andel (75 %) 4.275.000 5.347.500 5.572.500');
  });

  it('distributes every scenario over the municipalities by the key, the sum row equal to the municipal total (AT-01)', () => {
    const annex = byKey(v1, 'fordeling');
    const text = plain(annex.html);
    expect(text).toContain('Fordelingsnøgle Befolkningstal pr. 2. kvartal 2021');
    // Aalborg: population, share and total per scenario, as the seeds print them (1.636.600 / 2.975.637 / 3.719.546).
    expect(text).toContain('Aalborg Kommune 219.573 37,20 % 1.636.600 2.975.637 3.719.546');
    expect(text).toContain('Brønderslev Kommune 36.140 6,12 % 269.372 489.767 612.208');
    // Largest remainder: the engine's parts add up exactly, so three cells are 1 kr. off the seeds' independent
    // rounding (printed 284.473, 13.238 and 149.653 / 272.096 / 340.119).
    expect(text).toContain('Jammerbugt Kommune 38.166 6,47 % 284.472 517.223 646.529');
    expect(text).toContain('Læsø Kommune 1.776 0,30 % 13.237 24.068 30.085');
    expect(text).toContain('Morsø Kommune 20.078 3,40 % 149.653 272.095 340.120');
    // The sum row is the municipal total exactly (the seeds' printed rows add up to 4.400.002 / 8.000.001 / 9.999.999).
    expect(text).toContain('I alt 590.322 100,00 % 4.400.000 8.000.000 10.000.000');
    const { economy } = nt1Economy(1);
    for (const s of economy.scenarios) expect(s.perMunicipality.reduce((a, m) => a + m.totalOre, 0)).toBe(s.municipalTotalOre);
    expect(text).toContain('Fordelt i hele kroner efter største brøkdels metode');
    // The chosen scenario year by year, each column adding up.
    expect(text).toContain('Det valgte scenarie år for år: NT-1 v1 – scenarie 1');
    expect(text).toContain('Aalborg Kommune 818.300 818.300 0 0 1.636.600');
    expect(text).toContain('I alt 2.200.000 2.200.000 0 0 4.400.000');
  });

  it('distributes the municipal 75 % of v2 and shows the Region beside it (AT-02)', () => {
    const text = plain(byKey(v2, 'fordeling').html);
    expect(text).toContain('Kommunernes 75 % af etablering, opstart og underskud, fordelt efter nøglen; Regionen dækker 25 %.');
    // Scenario 1 as printed; scenarios 2 and 3 distribute the components' 5.347.500 and 5.572.500, not the printed 5,37 and 5,59 mio.
    expect(text).toContain('Aalborg Kommune 219.573 37,20 % 1.590.106 1.989.027 2.072.717');
    expect(text).toContain('Kommunerne i alt 590.322 100,00 % 4.275.000 5.347.500 5.572.500');
    expect(text).toContain('Regionen (25 %) 1.425.000 1.782.500 1.857.500');
    expect(text).toContain('Opstart og underskud i alt 5.700.000 7.130.000 7.430.000');
    expect(text).toContain('Det valgte scenarie år for år: NT-1 v2 – scenarie 2');
    expect(text).toContain('Aalborg Kommune 530.035 1.060.071 398.921 0 1.989.027');
    expect(text).toContain('Kommunerne i alt 1.425.000 2.850.000 1.072.500 0 5.347.500');
  });

  it('lists the consultation: period, circle, each response with its stance, and who has not answered', () => {
    const annex = byKey(v1, 'hoeringssvar');
    const text = plain(annex.html);
    expect(text).toContain('Samlet af Sekretariat som modtaget');
    expect(text).toContain('Høringsperiode 29.04.2021 – 07.05.2021');
    expect(text).toContain('Høringskreds Psykiatri- og handicapchefkredsen Børne- og ungechefnetværket');
    expect(text).toContain('Svar 4 modtaget, 7 har ikke svaret');
    expect(text).toContain('Aalborg FB 06.05.2021 Støtter');
    expect(text).toContain('Rebild Kommune Modtaget 07.05.2021 · Støtter med bemærkninger Rebild Kommune støtter oplægget');
    expect(text).toContain('Hjørring Kommune Modtaget 07.05.2021 · Forbehold');
    expect(text).toContain('Vesthimmerland Kommune Modtaget 05.05.2021 · Ingen bemærkninger');
    expect(text).toContain(`Har ikke svaret: ${NT1_NOT_ANSWERED.join(', ')}`);
    // Paragraphs of a response stay paragraphs.
    expect(annex.html).toContain('<p>Der er et klart behov for pladser tæt på de unges familier.</p>');
    expect(text).not.toContain('Beregnet af Sekretariat');
  });

  it('escapes every text from the user', () => {
    const base = nt1AnnexInput(1, 1);
    const hostile = (s: ScenarioFigures): ScenarioFigures => ({
      ...s,
      name: `${s.name} <img src=x onerror=alert(1)>`,
      budgetLines: s.budgetLines.map((l, i) => (i === 0 ? { ...l, label: '<script>alert("linje")</script>' } : l)),
      perMunicipality: s.perMunicipality.map((m, i) => (i === 0 ? { ...m, organisationName: 'Brønderslev & <b>Co</b>' } : m)),
    });
    const input: ProposalAnnexInput = {
      ...base,
      code: 'NT-1 <i>',
      title: 'Titel <script>alert(1)</script>',
      content: { ...base.content, deficitCoverage: { ...base.content.deficitCoverage, keyLabel: 'Nøgle "<u>x</u>"' } },
      consultation: { ...base.consultation, circle: ['<b>Kreds</b>'] },
      economy: { ...base.economy, scenarios: base.economy.scenarios.map(hostile), checks: ['<em>tjek</em>'] },
      responses: base.responses.map((r, i) => (i === 0 ? { ...r, respondent: '<svg onload=alert(1)>', text: 'Svar med <script>x</script> & "citat"' } : r)),
      notAnswered: ['Læsø <Kommune>'],
    };
    const annexes = renderProposalAnnexes(input);
    const all = annexes.map((a) => a.html).join('\n');
    for (const raw of ['<script>', '<img', '<i>', '<b>', '<u>', '<em>tjek', '<svg', '<Kommune>']) expect(all).not.toContain(raw);
    expect(all).toContain('&lt;script&gt;alert(&quot;linje&quot;)&lt;/script&gt;');
    expect(all).toContain('Brønderslev &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(all).toContain('Svar med &lt;script&gt;x&lt;/script&gt; &amp; &quot;citat&quot;');
    expect(all).toContain('Læsø &lt;Kommune&gt;');
    expect(all).toContain('<title>Bilag – NT-1 &lt;i&gt; v1: Budget ved fuld drift</title>');
    // The running header is a CSS string inside <style>, where "</style>" would end the style: no angle brackets there.
    expect(annexes[0]!.html).toContain('"Bilag – NT-1 ‹i› v1: Budget ved fuld drift · ');
    expect(annexes[0]!.fileName).toBe('Bilag – NT-1 _i_ v1 – Budget ved fuld drift.pdf');
  });

  it('makes file names any system accepts', () => {
    expect(documentFileName('NT/1: "A" <b>?', 'pdf', 'Bilag')).toBe('NT-1_ _A_ _b__.pdf');
    expect(documentFileName('  ...  ', 'pdf', 'Bilag – Høringssvar')).toBe('Bilag – Høringssvar.pdf');
    expect(documentFileName('con', 'xlsx', 'x')).toBe('_con.xlsx');
    expect(documentFileName('a\u0000b\tc', 'pdf', 'x')).toBe('abc.pdf');
    expect(documentFileName('x'.repeat(300), 'pdf', 'x')).toHaveLength(255);
  });
});

describe('the figures of one municipality', () => {
  const { economy } = nt1Economy(2, 2);
  const scenario = economy.scenarios[1]!;
  const aalborg = scenario.perMunicipality.find((m) => m.organisationName === 'Aalborg Kommune')!;
  const input: MunicipalityFiguresInput = {
    code: 'NT-1',
    title: 'Nyt botilbud til unge med svær selvskadende adfærd',
    versionNumber: 2,
    scenario,
    municipality: aalborg,
    keyLabel: 'Befolkningstal pr. 2. kvartal 2021',
    regionShare: 0.25,
    madeOn: '2021-08-23',
    agreementYear: 2022,
  };

  it('is named after the version, the municipality and the scenario', () => {
    expect(municipalityFiguresFileName(input, 'xlsx')).toBe('NT-1 v2 – Aalborg Kommune – scenarie 2.xlsx');
    expect(municipalityFiguresFileName(input, 'pdf')).toBe('NT-1 v2 – Aalborg Kommune – scenarie 2.pdf');
  });

  it('has a row per year that adds up to the total of the municipality', () => {
    const rows = paymentRows(scenario, aalborg);
    expect(rows.map((r) => r.label)).toEqual(['Opstart 2023', 'Driftsår 1 (2024)', 'Driftsår 2 (2025)', 'Driftsår 3 (2026)']);
    expect(rows.reduce((a, r) => a + r.municipalityOre, 0)).toBe(aalborg.totalOre);
    expect(rows.reduce((a, r) => a + r.municipalitiesOre, 0)).toBe(scenario.municipalTotalOre);
    expect(rows.reduce((a, r) => a + r.regionOre, 0)).toBe(scenario.regionTotalOre);
    expect(rows.reduce((a, r) => a + r.totalOre, 0)).toBe(scenario.totalOre);
    // Start-up 1,9 mio. kr.: the Region 475.000, the municipalities 1.425.000.
    expect(rows[0]).toMatchObject({ totalOre: 190_000_000, regionOre: 47_500_000, municipalitiesOre: 142_500_000 });
  });

  it('shows what it pays per year, its key and share, the totals of the scenario and the basis', () => {
    const text = plain(renderMunicipalityFigures(input));
    expect(text).toContain('NT-1 v2 · scenarie 2 (fastfrosset version 1)');
    expect(text).toContain('Aalborg Kommune betaler i alt 1.989.027 kr. 37,20 % af kommunernes andel på 5.347.500 kr.');
    expect(text).toContain('År Aalborg Kommune Alle kommuner Regionen (25 %) Opstart og underskud i alt');
    expect(text).toContain('Opstart 2023 530.035 1.425.000 475.000 1.900.000');
    expect(text).toContain('Driftsår 1 (2024) 1.060.071 2.850.000 950.000 3.800.000');
    expect(text).toContain('Driftsår 2 (2025) 398.921 1.072.500 357.500 1.430.000');
    expect(text).toContain('Driftsår 3 (2026) 0 0 0 0');
    expect(text).toContain('I alt 1.989.027 5.347.500 1.782.500 7.130.000');
    expect(text).toContain('Fordelingsnøgle: Befolkningstal pr. 2. kvartal 2021');
    expect(text).toContain('Kommunens vægt 219.573');
    expect(text).toContain('Alle kommuners vægt 590.322');
    expect(text).toContain('Andel af kommunernes del 37,20 %');
    expect(text).toContain('Regionens andel (25 %) 1.782.500 kr.');
    expect(text).toContain('Kommunernes andel (75 %) 5.347.500 kr.');
    expect(text).toContain('Fordelt efter befolkningstal pr. 2. kvartal 2021.');
    expect(text).toContain('Beregnet efter Styringsaftalen for Nordjysk Socialaftale 2022');
    expect(text).toContain(LARGEST_REMAINDER_NOTE);
    expect(text).toContain('Beregnet af Sekretariat ud fra takstreglerne · 23.08.2021');
  });

  it('says so when the proposal and the scenario disagree on the share of the Region', () => {
    const text = plain(renderMunicipalityFigures({ ...input, regionShare: 0.3 }));
    expect(text).toContain('Forslaget angiver Regionens andel til 30 %, men scenariet regner med 25 %; beløbene følger scenariet.');
  });

  it('escapes the names', () => {
    const html = renderMunicipalityFigures({ ...input, title: '<script>x</script>', keyLabel: '<b>nøgle</b>', municipality: { ...aalborg, organisationName: 'A & <i>B</i>' } });
    expect(html).not.toContain('<script>x');
    expect(html).not.toContain('<b>nøgle');
    expect(html).not.toContain('<i>B');
    expect(html).toContain('A &amp; &lt;i&gt;B&lt;/i&gt;');
  });
});
