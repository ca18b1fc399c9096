import type { Consultation, ProposalContent, ScenarioFigures, VersionDiffRow, VersionEconomy } from '../../domain/proposal';
import { formatNumericDate } from '../../format/dates';
import { formatInteger, formatKroner, formatNumber, formatPercent } from '../../format/numbers';

/** What a comparison reads of a version: its content, its consultation and its computed money. */
export interface ComparableVersion {
  content: ProposalContent;
  consultation: Consultation;
  economy: VersionEconomy;
  /** The chosen scenario's id, whose per-municipality table is compared. */
  chosenScenarioId: string | null;
}

const EMPTY = '–';
type Cell = string | null;

/**
 * Two versions side by side, row by row, in the order of the ideoplæg: text, target group, places, tariffs, budget at
 * full operation, start-up scenarios, deficit coverage and what each municipality pays under the chosen scenario,
 * consultation and caveats. Budget lines and tariff levels are matched by their label, scenarios by their position
 * (scenario 1 with scenario 1), municipalities by name. A row is `changed` when its two cells differ as shown.
 */
export function diffVersions(from: ComparableVersion, to: ComparableVersion): VersionDiffRow[] {
  const rows: VersionDiffRow[] = [];
  const add = (section: string, label: string, a: Cell, b: Cell, figure = false) => {
    const left = a === null || a === '' ? EMPTY : a;
    const right = b === null || b === '' ? EMPTY : b;
    rows.push({ section, label, from: left, to: right, changed: left !== right, figure });
  };
  const both = <T>(pick: (v: ComparableVersion) => T) => [pick(from), pick(to)] as const;
  const text = (section: string, label: string, pick: (c: ProposalContent) => string) => add(section, label, pick(from.content), pick(to.content));
  const items = (section: string, label: string, pick: (c: ProposalContent) => readonly string[]) => add(section, label, pick(from.content).join('; '), pick(to.content).join('; '));

  text('Oplæg', 'Titel på ideoplægget', (c) => c.documentTitle);
  text('Oplæg', 'Driftsherre', (c) => c.operator);
  items('Oplæg', 'Samarbejdspartnere', (c) => c.partners);
  items('Oplæg', 'Opdragsgivere', (c) => c.commissioners);
  text('Oplæg', 'Baggrund', (c) => c.background);
  text('Oplæg', 'Formål og vision', (c) => c.vision);
  text('Målgruppe', 'Primær målgruppe', (c) => c.targetGroupPrimary);
  text('Målgruppe', 'Sekundær målgruppe', (c) => c.targetGroupSecondary);
  add('Målgruppe', 'Alder', ...both((v) => ages(v.content)), true);
  items('Målgruppe', 'Samtidige diagnoser', (c) => c.coMorbidities);
  items('Målgruppe', 'Lovgrundlag', (c) => c.legalBasis);
  add('Pladser og behov', 'Antal pladser', ...both((v) => count(v.content.places)), true);
  add('Pladser og behov', 'Skønnet behov', ...both((v) => demand(v.content)), true);
  text('Pladser og behov', 'Om behovet', (c) => c.demandNote);
  add('Pladser og behov', 'Det forstærkede samarbejde', ...both((v) => yesNo(v.content.enhancedCooperation)));
  text('Drift', 'Samarbejdsmodel', (c) => c.cooperationModel);
  text('Drift', 'Personale', (c) => c.staffing);
  for (const role of union(from.content.hiring.map((h) => h.role), to.content.hiring.map((h) => h.role))) {
    add('Drift', `Ansættelse før start: ${role}`, ...both((v) => months(v.content.hiring.find((h) => h.role === role)?.monthsBeforeStart)), true);
  }
  text('Drift', 'Fysiske rammer og placering', (c) => c.location);
  text('Drift', 'Tid til realisering', (c) => c.timeToRealise);

  text('Takster', 'Takstmodel', (c) => c.tariffModel);
  const chosen = (v: ComparableVersion) => v.economy.scenarios.find((s) => s.scenarioId === v.chosenScenarioId) ?? v.economy.scenarios[0];
  const levelNames = union(...[from, to].map((v) => [...v.content.levels.map((l) => l.name), ...(chosen(v)?.levels.map((l) => l.name) ?? [])]));
  for (const name of levelNames) {
    add('Takster', `${name}: døgntakst`, ...both((v) => money(chosen(v)?.levels.find((l) => l.name === name)?.dailyTariffOre)), true);
    add('Takster', `${name}: ATA-timer pr. døgn`, ...both((v) => hours(v.content.levels.find((l) => l.name === name)?.ataHours)), true);
    add('Takster', `${name}: beskrivelse`, ...both((v) => v.content.levels.find((l) => l.name === name)?.description ?? null));
  }
  items('Takster', 'Takstregler', (c) => c.tariffRules);

  const budgetLabels = union(...[from, to].map((v) => chosen(v)?.budgetLines.map((l) => l.label) ?? []));
  for (const label of budgetLabels) add('Budget ved fuld drift', label, ...both((v) => money(chosen(v)?.budgetLines.find((l) => l.label === label)?.ore)), true);
  add('Budget ved fuld drift', 'Driftsudgifter i alt (som angivet)', ...both((v) => money(chosen(v)?.fullOperationBudgetOre)), true);
  add('Budget ved fuld drift', 'Budgetlinjernes sum (beregnet)', ...both((v) => money(chosen(v)?.budgetLinesSumOre)), true);
  add('Budget ved fuld drift', 'Takstniveauernes indtægt ved budgetteret belægning', ...both((v) => money(chosen(v)?.levelRevenueOre)), true);
  add('Budget ved fuld drift', 'Gennemsnitlig døgntakst', ...both((v) => money(chosen(v)?.dailyTariffOre)), true);

  const scenarioCount = Math.max(from.economy.scenarios.length, to.economy.scenarios.length);
  for (let i = 0; i < scenarioCount; i++) {
    const section = `Scenarie ${i + 1}`;
    const at = (v: ComparableVersion): ScenarioFigures | undefined => v.economy.scenarios[i];
    add(section, 'Belægning', ...both((v) => occupancies(at(v))), true);
    add(section, 'Etablering og opstart', ...both((v) => money(at(v)?.startupCostsOre)), true);
    const yearCount = Math.max(at(from)?.years.length ?? 0, at(to)?.years.length ?? 0);
    for (let y = 0; y < yearCount; y++) add(section, `Underskud i driftsår ${y + 1}`, ...both((v) => money(at(v)?.years[y]?.deficitOre)), true);
    add(section, 'I alt', ...both((v) => money(at(v)?.totalOre)), true);
    add(section, 'Regionens andel', ...both((v) => money(at(v)?.regionTotalOre)), true);
    add(section, 'Kommunernes andel', ...both((v) => money(at(v)?.municipalTotalOre)), true);
  }

  add('Underskudsdækning', 'Regionens andel', ...both((v) => formatPercent(v.content.deficitCoverage.regionShare, 0)), true);
  add('Underskudsdækning', 'Fordelingsnøgle', ...both((v) => v.content.deficitCoverage.keyLabel));
  add('Underskudsdækning', 'Driftsår dækket', ...both((v) => count(v.content.deficitCoverage.coveredYears)), true);
  text('Underskudsdækning', 'Afregning', (c) => c.deficitCoverage.billing);
  const municipalities = union(...[from, to].map((v) => chosen(v)?.perMunicipality.map((m) => m.organisationName) ?? []));
  for (const name of municipalities) {
    add('Kommunernes betaling (valgt scenarie)', name, ...both((v) => money(chosen(v)?.perMunicipality.find((m) => m.organisationName === name)?.totalOre)), true);
  }

  add('Høring', 'Høringsperiode', ...both((v) => period(v.consultation)));
  add('Høring', 'Høringskreds', ...both((v) => v.consultation.circle.join('; ')));
  items('Forbehold', 'Forbehold', (c) => c.caveats);
  return rows;
}

function union(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

const money = (ore: number | null | undefined): Cell => (ore === null || ore === undefined ? null : formatKroner(ore));
const count = (n: number | null | undefined): Cell => (n === null || n === undefined ? null : formatInteger(n));
const months = (n: number | undefined): Cell => (n === undefined ? null : `${formatNumber(n)} mdr.`);
const hours = (n: number | null | undefined): Cell => (n === null || n === undefined ? null : `${formatNumber(n)} t`);
const yesNo = (b: boolean | null): Cell => (b === null ? null : b ? 'Ja' : 'Nej');

function ages(c: ProposalContent): Cell {
  if (c.ageFrom === null && c.ageTo === null) return null;
  return `${c.ageFrom ?? '?'}–${c.ageTo ?? '?'} år`;
}

function demand(c: ProposalContent): Cell {
  if (c.demandMin === null && c.demandMax === null) return null;
  if (c.demandMin === c.demandMax) return `${c.demandMin} pladser`;
  return `${c.demandMin ?? '?'}–${c.demandMax ?? '?'} pladser`;
}

function occupancies(s: ScenarioFigures | undefined): Cell {
  if (!s) return null;
  return s.years.map((y) => formatPercent(y.occupancy, 0)).join(' → ');
}

function period(c: Consultation): Cell {
  if (c.start === null && c.end === null) return null;
  return `${c.start ? formatNumericDate(c.start) : '?'} – ${c.end ? formatNumericDate(c.end) : '?'}`;
}
