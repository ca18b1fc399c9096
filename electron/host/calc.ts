/**
 * `calc <rule>`: the tariff engine's rules from the command line, a contract other tools script against (README).
 * Amounts are kroner ("4400000", "4.400.000" or "22,9"), percentages are percent ("90" or "90%"). Output is Danish
 * text, or with --json the documented JSON. Exit 0 on success, 2 on bad input with a message naming the problem.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseCommandLine, UsageError } from './usage';
import { formatKroner, formatPercent } from '../../shared/format/numbers';
import { ataHourlyRate, ataPrice } from '../../shared/logic/tariff/ata';
import { dailyTariff } from '../../shared/logic/tariff/daily-tariff';
import { distribute } from '../../shared/logic/tariff/distribution';
import { dstWeights, isDstExport, parseDstTable } from '../../shared/logic/tariff/dst-key';
import { kroner, toKroner } from '../../shared/logic/tariff/money';
import { paybackIncrease, paybackYears } from '../../shared/logic/tariff/payback';
import { settleResult } from '../../shared/logic/tariff/result';
import { homeRuleSet } from '../../shared/logic/tariff/rule-set';
import { ScenarioInput } from '../../shared/domain/scenario';
import { compareScenarios } from '../../shared/logic/tariff/compare';
import { computeScenario, type ScenarioResult } from '../../shared/logic/tariff/scenario';
import { occupancySensitivity } from '../../shared/logic/tariff/sensitivity';
import { applyOverrides, overriddenPaths, type ScenarioOverrides } from '../../shared/logic/tariff/variants';
import type { StartupSplitRow } from '../../shared/logic/tariff/startup';
import { scenarioHash } from '../backend/command-line';

export const CALC_HELP = `Brug: npm run -s cli -- calc <regel> [tilvalg] [--json]

Regler:
  distribute --total KR --key FIL [--period 2021K2]
                                           Fordel et beløb på kommuner efter en nøgle (største rest, hele kroner).
                                           FIL: CSV «navn;vægt» med overskrift, JSON {"navn": vægt}, eller en
                                           tabel gemt fra Danmarks Statistik (nyeste periode, eller --period)
  daily-tariff --budget KR --places N --occupancy PCT
                                           Døgntakst = budget ÷ (pladser × 365 × belægning)
  ata --hour-cost KR --absence PCT --shift PCT --vfo PCT [--hours H --days D]
                                           ATA-timetakst (Bilag 2) og pris for H timer pr. dag i D dage
  result --basis KR --result KR --year Y   Over-/underskud efter 5 %-reglen (+ = overskud, − = underskud)
  payback --amount KR --increase KR --places N [--occupancy PCT]
                                           År til at tilbagebetale et beløb med en takststigning pr. døgn
  payback --amount KR --years Y --places N [--occupancy PCT]
                                           Den takststigning, der tilbagebetaler beløbet på Y år

  scenario compute --in FIL.json [--variant ÆNDRINGER.json] [--xlsx UD.xlsx]
                                           Et helt scenarie (formatet står i README), evt. en variant af det
                                           og/eller som regneark
  scenario compare --in A.json --in B.json [--in C.json --in D.json]
                                           To til fire scenarier side om side med forskelle (kr. og %)
  scenario sensitivity --in FIL.json       Døgntakst og underskud ved 80–100 % belægning

  --agreement-year Y                       Styringsaftalens år, hvis regler gælder (daily-tariff, payback;
                                           standard: det aftaleår, der gælder i år). result bruger --year.
`;

interface Io {
  out(text: string): void;
  err(text: string): void;
}


/** A number as typed: "4400000", "4.400.000", "22,9", "335.78", "-1.261.000". */
export function parseNumber(text: string | undefined, flag: string): number {
  if (text === undefined || text.trim() === '') throw new UsageError(`${flag} mangler.`);
  let t = text.trim().replace(/\s/g, '').replace(/^−/, '-');
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  const value = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(value)) throw new UsageError(`${flag} skal være et tal, ikke «${text}».`);
  return value;
}

const parsePercent = (text: string | undefined, flag: string) => parseNumber(text?.replace(/%$/, ''), flag) / 100;

function parseCount(text: string | undefined, flag: string): number {
  const value = parseNumber(text, flag);
  if (value <= 0) throw new UsageError(`${flag} skal være større end 0.`);
  return value;
}

function parseOccupancy(text: string | undefined, flag = '--occupancy'): number {
  const value = parsePercent(text, flag);
  if (!(value > 0 && value <= 1)) throw new UsageError(`${flag} skal være over 0 og højst 100 (procent), ikke ${text}.`);
  return value;
}

/** A file's text: UTF-8, or Windows-1252 as Danmarks Statistik and older Excel versions save CSV. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(`Nøglefilen ${file} kan ikke læses.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * A distribution key: CSV "name;weight" with a header row, JSON {"name": weight}, or a table saved from Danmarks
 * Statistik's StatBank (its newest period, or `period`).
 */
export function readKey(file: string, period?: string): Record<string, number> {
  const text = readText(file);
  if (isDstExport(text)) {
    try {
      return dstWeights(parseDstTable(text), period).weights;
    } catch (error) {
      throw new UsageError(`${file}: ${(error as Error).message}`);
    }
  }
  if (period) throw new UsageError('--period gælder kun tabeller fra Danmarks Statistik.');
  if (extname(file).toLowerCase() === '.json' || text.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new UsageError(`Nøglefilen ${file} er ikke gyldig JSON.`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`Nøglefilen ${file} skal være et JSON-objekt {"navn": vægt}.`);
    return Object.fromEntries(
      Object.entries(parsed).map(([name, weight]) => {
        if (typeof weight !== 'number') throw new UsageError(`Vægten for «${name}» i ${file} skal være et tal.`);
        return [name, weight];
      }),
    );
  }
  const weights: Record<string, number> = {};
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === '') return;
    const cells = line.split(';');
    const name = cells[0]?.trim().replace(/^"|"$/g, '');
    if (cells.length !== 2 || !name) throw new UsageError(`Linje ${index + 1} i ${file} skal have formen «navn;vægt»: «${line}».`);
    if (name in weights) throw new UsageError(`«${name}» står to gange i ${file} (linje ${index + 1}).`);
    weights[name] = parseNumber(cells[1]!.replace(/^"|"$/g, ''), `Vægten på linje ${index + 1} i ${file}`);
  });
  if (Object.keys(weights).length === 0) throw new UsageError(`Nøglefilen ${file} har ingen kommuner (første linje er overskriften).`);
  return weights;
}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  period: { type: 'string' },
  total: { type: 'string' },
  key: { type: 'string' },
  budget: { type: 'string' },
  places: { type: 'string' },
  occupancy: { type: 'string' },
  'hour-cost': { type: 'string' },
  absence: { type: 'string' },
  shift: { type: 'string' },
  vfo: { type: 'string' },
  hours: { type: 'string' },
  days: { type: 'string' },
  basis: { type: 'string' },
  result: { type: 'string' },
  year: { type: 'string' },
  amount: { type: 'string' },
  increase: { type: 'string' },
  years: { type: 'string' },
  'agreement-year': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** "--result -1.261.000" would read as two options; a negative amount is joined to its flag first. */
const joinNegativeValues = (argv: string[]) =>
  argv.reduce<string[]>((out, arg) => {
    const previous = out[out.length - 1];
    if (/^[-−]\d/.test(arg) && previous?.startsWith('--') && !previous.includes('=')) out[out.length - 1] = `${previous}=${arg}`;
    else out.push(arg);
    return out;
  }, []);

export function runCalc(argv: string[], io: Io): number {
  const { values: v, positionals } = parseCommandLine(joinNegativeValues(argv), OPTIONS, 'calc --help');
  const [rule, ...extra] = positionals;
  if (v.help || !rule) {
    io.out(CALC_HELP);
    return v.help ? 0 : 2;
  }
  if (extra.length > 0) throw new UsageError(`Uventet argument: ${extra.join(' ')}. Se calc --help.`);
  const print = (json: unknown, text: string) => io.out(v.json ? JSON.stringify(json, null, 2) : text);
  // The agreement whose rules apply: the one named, or the one in force this year.
  const agreementRules = () => {
    const year = v['agreement-year'] === undefined ? new Date().getFullYear() : parseNumber(v['agreement-year'], '--agreement-year');
    try {
      return homeRuleSet(year);
    } catch (error) {
      throw new UsageError(`--agreement-year: ${(error as Error).message}.`);
    }
  };
  try {
    switch (rule) {
      case 'distribute': {
        if (!v.key) throw new UsageError('--key FIL mangler.');
        const total = kroner(parseNumber(v.total, '--total'));
        const { parts, shares } = distribute(total, readKey(v.key, v.period));
        const names = Object.keys(parts);
        print(
          { total: toKroner(total), parts: Object.fromEntries(names.map((n) => [n, toKroner(parts[n]!)])), shares },
          [...names.map((n) => `${n.padEnd(20)} ${formatPercent(shares[n]!).padStart(8)} ${formatKroner(parts[n]!).padStart(18)}`), `${'I alt'.padEnd(29)} ${formatKroner(total).padStart(18)}`].join('\n'),
        );
        return 0;
      }
      case 'daily-tariff': {
        const tariff = dailyTariff({ rules: agreementRules(), budget: kroner(parseNumber(v.budget, '--budget')), places: parseCount(v.places, '--places'), occupancy: parseOccupancy(v.occupancy) });
        print({ dailyTariff: toKroner(tariff) }, `Døgntakst: ${formatKroner(tariff)}`);
        return 0;
      }
      case 'ata': {
        const rate = ataHourlyRate({
          hourCost: kroner(parseNumber(v['hour-cost'], '--hour-cost')),
          absence: parsePercent(v.absence, '--absence'),
          shift: parsePercent(v.shift, '--shift'),
          vfo: parsePercent(v.vfo, '--vfo'),
        });
        if ((v.hours === undefined) !== (v.days === undefined)) throw new UsageError('--hours og --days skal angives sammen.');
        const price = v.hours === undefined ? null : ataPrice({ rate, hoursPerDay: parseCount(v.hours, '--hours'), days: parseCount(v.days, '--days') });
        print({ ataRate: toKroner(rate), price: price === null ? null : toKroner(price) }, `ATA-timetakst: ${formatKroner(rate)}${price === null ? '' : `\nPris: ${formatKroner(price)}`}`);
        return 0;
      }
      case 'result': {
        const year = parseNumber(v.year, '--year');
        if (!Number.isInteger(year)) throw new UsageError('--year skal være et årstal.');
        const settled = settleResult({ basis: kroner(parseNumber(v.basis, '--basis')), result: kroner(parseNumber(v.result, '--result')), year, rules: homeRuleSet(Math.max(year, 2022)) });
        const json = { kind: settled.kind, withinLimit: toKroner(settled.withinLimit), toTariff: toKroner(settled.toTariff), tariffYear: settled.tariffYear, ...(settled.setAsideUseBy ? { setAsideUseBy: settled.setAsideUseBy } : {}) };
        print(
          json,
          settled.kind === 'surplus'
            ? `Overskud. Inden for 5 %: ${formatKroner(settled.withinLimit)} (kan hensættes, bruges senest ${settled.setAsideUseBy}); i taksten senest ${settled.tariffYear}: ${formatKroner(settled.toTariff)}`
            : `Underskud. Inden for 5 % (dækkes af effektivisering/hensættelser): ${formatKroner(settled.withinLimit)}; i taksten senest ${settled.tariffYear}: ${formatKroner(settled.toTariff)}`,
        );
        return 0;
      }
      case 'payback': {
        const amount = kroner(parseNumber(v.amount, '--amount'));
        const places = parseCount(v.places, '--places') * (v.occupancy === undefined ? 1 : parseOccupancy(v.occupancy));
        if ((v.increase === undefined) === (v.years === undefined)) throw new UsageError('Angiv enten --increase KR eller --years Y.');
        if (v.increase !== undefined) {
          const result = paybackYears({ rules: agreementRules(), amount, increase: kroner(parseNumber(v.increase, '--increase')), places });
          print({ years: result.years, exactYears: result.exactYears }, `Tilbagebetalt på ${result.years} år (præcist ${result.exactYears.toLocaleString('da-DK', { maximumFractionDigits: 2 })} år).`);
        } else {
          const result = paybackIncrease({ rules: agreementRules(), amount, years: parseCount(v.years, '--years'), places });
          print({ increase: toKroner(result.increase) }, `Takststigning: ${formatKroner(result.increase)} pr. døgn.`);
        }
        return 0;
      }
      default:
        throw new UsageError(`Ukendt regel: ${rule}. Se calc --help.`);
    }
  } catch (error) {
    // The engine refuses impossible input with a Danish RangeError; for the command line that is bad input.
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

/** A JSON file read and parsed, or a Danish refusal naming it. */
function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError((error as NodeJS.ErrnoException).code ? `${what} ${file} kan ikke læses.` : `${what} ${file} er ikke gyldig JSON.`);
  }
}

/** A scenario file (optionally with a variant's overrides laid over it), validated in full. */
function readScenario(file: string, variantFile?: string): { input: ScenarioInput; overridden: string[] } {
  const base = ScenarioInput.safeParse(readJson(file, 'Scenariefilen'));
  if (!base.success) throw new UsageError(`Scenariefilen ${file} er ikke gyldig: ${issuesOf(base.error)}.`);
  if (!variantFile) return { input: base.data, overridden: [] };
  const overrides = readJson(variantFile, 'Variantfilen');
  if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides)) throw new UsageError(`Variantfilen ${variantFile} skal være et JSON-objekt med de felter, varianten ændrer.`);
  const variant = ScenarioInput.safeParse(applyOverrides(base.data, overrides as ScenarioOverrides));
  if (!variant.success) throw new UsageError(`Varianten ${variantFile} giver et ugyldigt scenarie: ${issuesOf(variant.error)}.`);
  return { input: variant.data, overridden: overriddenPaths(base.data, overrides as ScenarioOverrides) };
}

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => `${i.path.map(String).join('.') || 'filen'}: ${i.message}`).join('; ');

/** The engine's Danish RangeError is bad input for the command line. */
function engine<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * `scenario compute --in FILE.json [--variant OVERRIDES.json] [--xlsx OUT]`, `scenario compare --in A --in B …`
 * and `scenario sensitivity --in FILE.json`: whole scenarios, validated in full first; kroner in and out.
 */
export async function runScenario(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(
    argv,
    { in: { type: 'string', multiple: true }, variant: { type: 'string' }, xlsx: { type: 'string' }, json: { type: 'boolean', default: false } },
    'calc --help',
  );
  const command = positionals.join(' ');
  const files = values.in ?? [];
  if (files.length === 0) throw new UsageError('--in FIL.json mangler.');
  const print = (json: unknown, text: string) => io.out(values.json ? JSON.stringify(json, null, 2) : text);

  if (command === 'compare') {
    if (files.length < 2 || files.length > 4) throw new UsageError('scenario compare sammenligner to til fire scenarier: --in A.json --in B.json …');
    const scenarios = files.map((file) => {
      const { input } = readScenario(file);
      return { input, result: engine(() => computeScenario(input)) };
    });
    const figures = engine(() => compareScenarios(scenarios));
    const show = (f: (typeof figures)[number], v: number) => (f.unit === 'øre' ? formatKroner(v) : f.unit === 'fraction' ? formatPercent(v, 1) : String(v));
    print(
      { scenarios: scenarios.map((s) => s.input.name), figures: figures.map((f) => ({ ...f, values: f.unit === 'øre' ? f.values.map(toKroner) : f.values, differences: f.differences.map((d) => ({ absolute: f.unit === 'øre' ? toKroner(d.absolute) : d.absolute, relative: d.relative })) })) },
      figures.map((f) => `${f.label.padEnd(38)} ${f.values.map((v, i) => `${show(f, v)}${i > 0 && f.differences[i]!.relative !== null ? ` (${formatPercent(f.differences[i]!.relative!, 1)})` : ''}`).join('  |  ')}`).join('\n'),
    );
    return 0;
  }
  if (files.length > 1) throw new UsageError(`scenario ${command || 'compute'} tager én --in FIL.json.`);
  const { input, overridden } = readScenario(files[0]!, values.variant);

  if (command === 'sensitivity') {
    const points = engine(() => occupancySensitivity(input));
    print(
      points.map((p) => ({ occupancy: p.occupancy, dailyTariff: toKroner(p.dailyTariff), operatingDeficit: p.operatingDeficit === null ? null : toKroner(p.operatingDeficit) })),
      points.map((p) => `Belægning ${formatPercent(p.occupancy, 0).padStart(6)}: døgntakst ${formatKroner(p.dailyTariff).padStart(14)}${p.operatingDeficit === null ? '' : `, underskud i opstarten ${formatKroner(p.operatingDeficit)}`}`).join('\n'),
    );
    return 0;
  }
  if (command !== 'compute') throw new UsageError('Brug: scenario compute | compare | sensitivity --in FIL.json (se calc --help).');
  const result = engine(() => computeScenario(input));
  if (values.xlsx) {
    // Loaded only here: the workbook library is large and nothing else in the CLI needs it.
    const { scenarioWorkbook } = await import('../backend/spreadsheets/scenario-xlsx');
    await writeFile(values.xlsx, await scenarioWorkbook(input, result, new Date()));
  }
  const json = { ...scenarioJson(result), inputHash: scenarioHash(input), ...(values.variant ? { overridden } : {}) };
  const variantLine = values.variant ? `\nVarianten ændrer: ${overridden.join(', ') || 'intet'}` : '';
  print(json, `${scenarioText(result)}${variantLine}${values.xlsx ? `\nRegneark gemt i ${values.xlsx}.` : ''}`);
  return 0;
}

const splitJson = (row: StartupSplitRow) => ({
  amount: toKroner(row.amount),
  regionPart: toKroner(row.regionPart),
  municipalPart: toKroner(row.municipalPart),
  perMunicipality: Object.fromEntries(Object.entries(row.perMunicipality).map(([name, ore]) => [name, toKroner(ore)])),
});

function scenarioJson(result: ScenarioResult) {
  const { startup } = result;
  return {
    name: result.name,
    dailyTariff: toKroner(result.dailyTariff),
    levelRevenue: result.levelRevenue === null ? null : toKroner(result.levelRevenue),
    revenueGap: result.revenueGap === null ? null : toKroner(result.revenueGap),
    startup: splitJson(startup.startup),
    years: startup.years.map((y) => ({ year: y.year, occupancy: y.occupancy, revenue: toKroner(y.revenue), cost: y.cost === null ? null : toKroner(y.cost), deficit: toKroner(y.deficit), ...splitJson(y) })),
    totals: { ...splitJson(startup.totals), startupCosts: toKroner(startup.totals.startupCosts), operatingDeficit: toKroner(startup.totals.operatingDeficit), shares: startup.totals.shares },
    warnings: result.warnings,
  };
}

function scenarioText(result: ScenarioResult): string {
  const { startup } = result;
  const lines = [
    `${result.name || 'Scenarie'}: døgntakst ${formatKroner(result.dailyTariff)}`,
    ...startup.years.map((y) => `${y.year}: belægning ${formatPercent(y.occupancy, 0)}, underskud ${formatKroner(y.deficit)} (Regionen ${formatKroner(y.regionPart)}, kommunerne ${formatKroner(y.municipalPart)})`),
    `I alt inkl. opstart ${formatKroner(startup.totals.amount)}: Regionen ${formatKroner(startup.totals.regionPart)}, kommunerne ${formatKroner(startup.totals.municipalPart)}`,
    ...Object.entries(startup.totals.perMunicipality).map(([name, ore]) => `  ${name.padEnd(24)} ${formatKroner(ore).padStart(18)}`),
    ...result.warnings.map((w) => `Advarsel: ${w}`),
  ];
  return lines.join('\n');
}
