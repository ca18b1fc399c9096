import type { Backend } from '../backend/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { legalBasisLabel, OCCUPANCY_METHOD_LABELS, SHEET_STATUS_LABELS, tariffUnitLabel, type LedgerYear, type OperatorLedger, type SheetOfYear } from '../../shared/domain/tariff-year';
import { matchOrganisation } from '../../shared/logic/parties';
import { formatKroner, formatNumber, formatPercent } from '../../shared/format';
import { UsageError } from './usage';

/** `tariffs sheet --offer ID --year Y`, `ledger --offer ID` and `ledger --operator NAME`. */
export interface TariffCommand {
  verb: 'sheet' | 'ledger';
  offer: string | undefined;
  operator?: string | undefined;
  year: string | undefined;
}

type Print = (json: unknown, text: string) => void;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Amounts on the command line are kroner as JSON numbers: øre ÷ 100, exact to the øre (1.945.571,00 kr. is 1945571,
 * 5.498,53 kr. is 5498.53); no float arithmetic happens after the division, so toFixed(2) of a value gives it back.
 */
export const kroner = (ore: number) => ore / 100;

async function callOrFail<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>, offerId: string): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new UsageError(result.error.code === 'NOT_FOUND' ? `Tilbuddet ${offerId} findes ikke. Se offers list.` : result.error.message);
  return result.data as MethodOutput<M>;
}

function offerId(command: TariffCommand, usage: string, alternative = ''): string {
  if (!command.offer) throw new UsageError(`${usage} kræver --offer ID${alternative} (se offers list).`);
  if (!UUID.test(command.offer)) throw new UsageError(`Tilbuddet ${command.offer} findes ikke. Se offers list.`);
  return command.offer;
}

export async function runTariffCommand(command: TariffCommand, backend: Backend, print: Print): Promise<void> {
  if (command.verb === 'sheet') {
    const id = offerId(command, 'tariffs sheet');
    if (command.year === undefined) throw new UsageError('tariffs sheet kræver --year ÅR, fx --year 2027.');
    if (!/^\d{4}$/.test(command.year)) throw new UsageError(`Ugyldigt år: ${command.year}. Skriv fx --year 2027.`);
    const year = Number(command.year);
    const found = await callOrFail(backend, 'tariffSheets.get', { offerId: id, year }, id);
    if (!found.current) throw new UsageError(`${found.offer.name} har intet takstskema for ${year}.`);
    print(sheetJson(found), sheetText(found));
    return;
  }
  if (command.year !== undefined) throw new UsageError('ledger tager ikke --year: den viser alle år.');
  if (command.operator !== undefined) {
    if (command.offer !== undefined) throw new UsageError('ledger tager enten --offer ID eller --operator NAVN, ikke begge.');
    const organisations = await callOrFail(backend, 'organisations.list', {}, '');
    const operator = matchOrganisation(command.operator, organisations);
    if (!operator) throw new UsageError(`Ukendt driftsherre: ${command.operator}. Driftsherrerne er ${organisations.map((o) => o.name).join(', ')}.`);
    const ledger = await callOrFail(backend, 'ledger.operator', { operatorId: operator.id }, '');
    print(operatorLedgerJson(ledger), operatorLedgerText(ledger));
    return;
  }
  const id = offerId(command, 'ledger', ' eller --operator NAVN');
  const ledger = await callOrFail(backend, 'ledger.offer', { offerId: id }, id);
  print(ledger.years.map(ledgerJson), ledgerText(ledger.offer.name, ledger.years, ledger.warnings.map((w) => w.message)));
}

/** The issue's keys, in kroner; dueInTariff is signed (+ raises the tariff of dueYear, − lowers it). */
const ledgerJson = (y: LedgerYear) => ({
  year: y.year,
  basis: kroner(y.basis),
  result: kroner(y.result),
  absorbed: kroner(y.absorbed),
  setAside: kroner(y.setAside),
  setAsideExpires: y.setAsideExpires,
  dueInTariff: kroner(y.dueInTariff),
  dueYear: y.dueYear,
});

function operatorLedgerJson(ledger: OperatorLedger) {
  const names = new Map(ledger.offers.map((o) => [o.offer.id, o.offer.name]));
  return {
    operator: ledger.operatorName,
    totals: ledger.totals.map((t) => ({ year: t.year, basis: kroner(t.basis), result: kroner(t.result), absorbed: kroner(t.absorbed), setAside: kroner(t.setAside), setAsideLeft: kroner(t.setAsideLeft), dueInTariff: kroner(t.dueInTariff) })),
    offers: ledger.offers.map((o) => ({ id: o.offer.id, name: o.offer.name, years: o.years.map(ledgerJson) })),
    warnings: ledger.warnings.map((w) => ({ offer: names.get(w.offerId) ?? w.offerId, year: w.year, message: w.message })),
  };
}

function operatorLedgerText(ledger: OperatorLedger): string {
  if (ledger.totals.length === 0) return `${ledger.operatorName}: ingen resultater indtastet.`;
  const names = new Map(ledger.offers.map((o) => [o.offer.id, o.offer.name]));
  const lines = [`${ledger.operatorName} – 5 %-reglen (Styringsaftalen 5.3), summen over ${formatNumber(ledger.offers.length)} tilbud`, ''];
  for (const t of ledger.totals) {
    lines.push(`${t.year}: resultat ${formatKroner(t.result)} af grundlag ${formatKroner(t.basis)}; afholdt ${formatKroner(t.absorbed)}, hensat ${formatKroner(t.setAside)} (tilbage ${formatKroner(t.setAsideLeft)}), i taksten to år efter ${formatKroner(t.dueInTariff)}`);
  }
  if (ledger.warnings.length) lines.push('', 'Advarsler:', ...ledger.warnings.map((w) => `  ${names.get(w.offerId) ?? 'Tilbuddet'}: ${w.message}`));
  return lines.join('\n');
}

function ledgerText(name: string, years: readonly LedgerYear[], warnings: readonly string[]): string {
  if (years.length === 0) return `${name}: ingen resultater indtastet.`;
  const lines = [`${name} – 5 %-reglen (Styringsaftalen 5.3)`, ''];
  for (const y of years) {
    lines.push(`${y.year}: resultat ${formatKroner(y.result)} af grundlag ${formatKroner(y.basis)} (${formatPercent(y.basis === 0 ? 0 : y.result / y.basis, 2)})`);
    if (y.realisedOccupancy !== null) lines.push(`  Realiseret belægning: ${formatPercent(y.realisedOccupancy, 1)}`);
    if (y.absorbed > 0) lines.push(`  Afholdes inden for 5 %: ${formatKroner(y.absorbed)}`);
    if (y.setAside > 0) lines.push(`  Hensat: ${formatKroner(y.setAside)} til og med ${y.setAsideExpires}; brugt ${formatKroner(y.setAsideUsed)}, tilbage ${formatKroner(y.setAsideLeft)}`);
    if (y.dueYear !== null) {
      const sheet = y.pickedUpBySheet ? `med i skemaet for ${y.dueYear} (version ${y.pickedUpBySheet.version}, ${SHEET_STATUS_LABELS[y.pickedUpBySheet.status].toLowerCase()})` : `intet skema for ${y.dueYear} endnu`;
      lines.push(`  ${y.dueInTariff > 0 ? 'Forhøjer' : 'Nedsætter'} taksten for ${y.dueYear} med ${formatKroner(Math.abs(y.dueInTariff))}: ${sheet}`);
    }
  }
  if (warnings.length) lines.push('', 'Advarsler:', ...warnings.map((w) => `  ${w}`));
  return lines.join('\n');
}

function sheetJson({ offer, year, current }: SheetOfYear) {
  const { sheet, computation: c } = current!;
  return {
    offerId: offer.id,
    offer: offer.name,
    operator: offer.operatorName,
    year,
    version: sheet.version,
    status: sheet.status,
    ruleSet: current!.ruleSet,
    unit: offer.tariffUnit,
    places: sheet.content.places,
    occupancy: sheet.content.occupancy,
    budgetTotal: kroner(c.budgetTotal),
    dueResults: kroner(c.dueResults),
    dueSources: current!.dueSources.map((s) => ({ resultYear: s.resultYear, amount: kroner(s.amount) })),
    lossWriteOff: kroner(c.lossWriteOff),
    tariffBasis: kroner(c.tariffBasis),
    tariff: kroner(c.tariff),
    previousTariff: current!.previousTariff === null ? null : kroner(current!.previousTariff),
    levels: c.levels.map((l) => ({ ...l, tariff: kroner(l.tariff) })),
    checks: c.checks,
  };
}

function sheetText({ offer, year, current }: SheetOfYear): string {
  const { sheet, computation: c, ruleSet } = current!;
  const unit = tariffUnitLabel(offer.tariffUnit);
  const content = sheet.content;
  const lines = [
    `${offer.name} (${offer.operatorName}) – takstskema ${year}, version ${sheet.version}: ${SHEET_STATUS_LABELS[sheet.status]}`,
    `Lovgrundlag: ${legalBasisLabel(offer.legalBasis)}   Kategori: ${offer.category ?? '–'}   Regler: ${ruleSet.source}`,
    '',
    `Budget i alt: ${formatKroner(c.budgetTotal)}`,
    `Resultater, der forfalder i ${year}: ${formatKroner(c.dueResults)}${current!.dueSources.length ? ` (${current!.dueSources.map((s) => `${s.resultYear}: ${formatKroner(s.amount)}`).join(', ')})` : ''}`,
  ];
  if (c.lossWriteOff > 0) lines.push(`Afskrivning af første driftsårs underskud: ${formatKroner(c.lossWriteOff)}`);
  lines.push(
    `Takstgrundlag: ${formatKroner(c.tariffBasis)}`,
    `Pladser: ${formatNumber(content.places)}   Belægning: ${formatPercent(content.occupancy, 1)} (${OCCUPANCY_METHOD_LABELS[content.occupancyMethod]})`,
    `${unit}: ${formatKroner(c.tariff)}${current!.previousTariff === null ? '' : `   Sidste år: ${formatKroner(current!.previousTariff)}${c.change?.tariffShare == null ? '' : ` (${formatPercent(c.change.tariffShare, 1)})`}`}`,
  );
  if (c.levels.length) lines.push('Takstniveauer:', ...c.levels.map((l) => `  ${l.name} (${formatNumber(l.places)} pladser): ${formatKroner(l.tariff)}${l.reported ? '' : ' (beregnet)'}`));
  const severity = { error: 'Fejl', warning: 'Advarsel', hint: 'Bemærk' } as const;
  lines.push('', c.checks.length ? 'Kontroller:' : 'Kontroller: ingen bemærkninger.', ...c.checks.map((check) => `  ${severity[check.severity]}: ${check.message}`));
  return lines.join('\n');
}
