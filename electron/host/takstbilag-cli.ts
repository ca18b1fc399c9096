import { extname, resolve } from 'node:path';
import type { Backend } from '../backend/backend';
import { saveExport } from '../backend/command-line';
import type { MethodOutput } from '../../shared/contract';
import { formatInteger, formatPercent } from '../../shared/format';
import { UsageError } from './usage';

type Print = (json: unknown, text: string) => void;

/** `takstbilag --year Y --out FIL.pdf|.xlsx`: the format follows the file's extension. */
export async function runTakstbilag(options: { year: string | undefined; out: string | undefined }, backend: Backend, print: Print): Promise<void> {
  if (!options.year || !/^\d{4}$/.test(options.year)) throw new UsageError(options.year ? `Ugyldigt år: ${options.year}. Skriv fx --year 2022.` : 'takstbilag kræver --year ÅR, fx --year 2022.');
  if (!options.out) throw new UsageError('takstbilag kræver --out FIL.pdf eller --out FIL.xlsx.');
  const extension = extname(options.out).toLowerCase();
  if (extension !== '.pdf' && extension !== '.xlsx') throw new UsageError(`Ukendt filtype: «${extension || 'ingen'}». Takstbilaget gemmes som .pdf eller .xlsx.`);
  const result = await backend.call('tariffAnnex.export', { year: Number(options.year), format: extension === '.pdf' ? 'pdf' : 'xlsx' });
  if (!result.ok) throw new UsageError(result.error.message);
  const made = result.data as MethodOutput<'tariffAnnex.export'>;
  const target = resolve(options.out);
  if (!(await saveExport(backend, made.exportId, made.fileName, target))) throw new Error('Den færdige fil forsvandt, før den kunne kopieres.');
  const s = made.summary;
  const change = s.averageChangeShare === null ? '' : `, gennemsnitlig ændring ${s.averageChangeShare > 0 ? '+' : ''}${formatPercent(s.averageChangeShare, 1)}`;
  const size = made.pages === null ? '' : ` (${made.pages === 1 ? '1 side' : `${formatInteger(made.pages)} sider`})`;
  print(
    { ...made, file: target },
    [`Takstbilag ${s.year} gemt i ${target}${size}: ${formatInteger(s.offers)} tilbud hos ${formatInteger(s.operators)} driftsherrer${change}, ${formatInteger(s.flags)} bemærkninger.`, ...s.notes].join('\n'),
  );
}
