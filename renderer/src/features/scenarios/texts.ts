import { formatKroner, formatNumber, formatPercent } from '../../../../shared/format';
import type { ComparedFigure } from '../../../../shared/logic/tariff/compare';

/** Danish wording of the modeller, in one place. */
export const T = {
  title: 'Takstscenarier',
  description: 'Regn opstart, takster og underskudsdækning efter Styringsaftalens regler – og sammenlign varianter.',
  newScenario: 'Nyt scenarie',
  newVariant: 'Ny variant',
  compare: 'Sammenlign',
  empty: 'Der er ingen scenarier endnu.',
  emptyHint: 'Opret et scenarie, eller hent demodata under Indstillinger for at se NT-1-scenarierne fra DAS 2021.',
  pick: 'Vælg et scenarie i listen, eller sæt flueben ved 2–4 scenarier for at sammenligne dem.',
  variantOf: (base: string) => `Variant af «${base}». Felter med gul markering afviger fra grundscenariet.`,
  base: 'Grundscenarie',
  invalid: 'Tallene kan ikke beregnes endnu',
  lastValid: 'Resultatet nedenfor er fra de seneste gyldige tal.',
  warnings: 'Advarsler',
  noWarnings: 'Tallene hænger sammen: ingen advarsler.',
  exportXlsx: 'Regneark (.xlsx)',
  exportPdf: 'PDF-bilag',
  exporting: 'Laver filen …',
  deleted: (name: string) => `«${name}» er slettet.`,
  resetField: 'Brug grundscenariets værdi',
  changedField: 'Ændret',
  frozen: (n: number) => `Denne version af scenariet er frosset (version ${n}) og kan ikke ændres.`,
  frozenHint: 'Tallene vises, som de blev fastfrosset og lagt frem. Ret i den aktuelle udgave af scenariet, og fastfrys en ny version.',
  frozenMissing: (n: number) => `Version ${n} af scenariet findes ikke.`,
  toLive: 'Til den aktuelle udgave',
  showVersion: (n: number) => `Vis version ${n}`,
  notSavedYet: 'Den seneste ændring er ikke gemt – se «Ikke gemt» øverst, og prøv igen.',
} as const;

export const formatFraction = (fraction: number, decimals = 1) => formatPercent(fraction, decimals);

/** A compared figure's value in its unit. */
export function formatFigure(unit: ComparedFigure['unit'], value: number): string {
  if (unit === 'øre') return formatKroner(value);
  if (unit === 'fraction') return formatPercent(value, 1);
  return formatNumber(value);
}

/** A difference with its sign, in its unit ("+1.234 kr.", "−5,0 procentpoint"). */
export function formatDifference(unit: ComparedFigure['unit'], value: number): string {
  if (value === 0) return '–';
  const sign = value > 0 ? '+' : '−';
  if (unit === 'fraction') return `${sign}${formatPercent(Math.abs(value), 1).replace('%', 'procentpoint')}`;
  return `${sign}${formatFigure(unit, Math.abs(value))}`;
}
