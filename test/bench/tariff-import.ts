/**
 * Issue 17, collecting the year's figures: `npm run -s bench:tariff-import`. A realistic year: 12 operators (the 11
 * municipalities and the region) with 250 offers between them, each with last year's sheet; every operator's template
 * for the next year written, filled in (every offer's places and budget changed) and saved, then the 12 files
 * checked, compared and imported in one go as the window's «Indlæs» does (preview, then the import: checked again,
 * a backup, one transaction). Budget: importing 12 filled templates < 5 s. Medians of 3 runs, each on a fresh copy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { applyTariffImport, previewTariffImport, tariffTemplate, type ImportFile } from '../../electron/backend/services/tariff-import';
import { HEADER_ROW } from '../../electron/backend/spreadsheets/tariff-template-columns';
import { addOffer, addSheet, simpleSheetContent } from '../helpers/tariff-year-fixture';
import { writeAndAnnounce } from '../../electron/backend/write';

const OFFERS = 250;
const YEAR = 2027;
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toLocaleString('da-DK', { maximumFractionDigits: 2 })} s`;

async function prepare(dir: string): Promise<{ backend: Backend; files: ImportFile[] }> {
  const backend = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), appVersion: 'bench', log: { error: () => {} } });
  const db = backend.database.db;
  const operators = (await db.selectFrom('organisations').select('name').where('deleted_at', 'is', null).orderBy('sort_order').execute()).map((o) => o.name).slice(0, 12);
  for (let n = 0; n < OFFERS; n++) {
    const offer = await addOffer(db, operators[n % operators.length]!, { name: `Tilbud ${String(n + 1).padStart(3, '0')}` });
    await addSheet(db, offer, YEAR - 1, simpleSheetContent(8_000_000 + n * 10_000, 10 + (n % 20), 0.9));
  }
  const files: ImportFile[] = [];
  for (const operator of operators) {
    const { bytes, fileName } = await tariffTemplate(db, operator, YEAR, new Date());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Takster')!;
    const headers = sheet.getRow(HEADER_ROW).values as unknown[];
    const places = headers.indexOf('Pladser');
    const personnel = headers.indexOf('Personaleomkostninger (kr.)');
    const total = headers.indexOf('Budget i alt (kr.)');
    for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      row.getCell(places).value = (row.getCell(places).value as number) + 1;
      const budget = (row.getCell(personnel).value as number) * 1.03;
      row.getCell(personnel).value = budget;
      row.getCell(total).value = budget;
    }
    const path = join(dir, fileName);
    await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
    files.push({ path, fileName });
  }
  return { backend, files };
}

const previews: number[] = [];
const imports: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'sekretariat-bench-tariff-import-'));
  const { backend, files } = await prepare(dir);
  try {
    const db = backend.database.db;
    const t0 = performance.now();
    const preview = await previewTariffImport(db, files, 'sheets');
    const t1 = performance.now();
    if (preview.problems.length > 0 || preview.offers.length !== OFFERS) throw new Error(`Forhåndsvisningen fandt problemer: ${preview.problems.slice(0, 3).join(' | ')}`);
    const report = await applyTariffImport({ db, backups: backend.backups, now: () => new Date(), newId: () => crypto.randomUUID(), transact: (work) => writeAndAnnounce({ db, now: () => new Date(), emit: () => {} }, [], work) }, files, 'sheets');
    const t2 = performance.now();
    if (report.written !== OFFERS) throw new Error(`Kun ${report.written} af ${OFFERS} skemaer blev skrevet.`);
    previews.push(t1 - t0);
    imports.push(t2 - t1);
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const both = previews.map((p, i) => p + imports[i]!);
console.log(`12 udfyldte skabeloner, ${OFFERS} tilbud (medianer af ${RUNS} kørsler):`);
console.log(`  kontrol og forhåndsvisning   ${seconds(median(previews))}`);
console.log(`  indlæsning (kontrol igen, sikkerhedskopi, én transaktion)   ${seconds(median(imports))}`);
console.log(`  i alt (som «Indlæs» i vinduet)   ${seconds(median(both))}   budget < 5 s`);
