import type { DocumentExport } from '../../../shared/domain/documents';
import {
  municipalityFiguresBasis,
  municipalityFiguresFileName,
  paymentRows,
  renderMunicipalityFigures,
  type MunicipalityFiguresInput,
} from '../../../shared/documents/municipality-figures';
import { percent, versionLabel, type ProposalAnnex, type ProposalAnnexKey } from '../../../shared/documents/proposal-annexes';
import { formatNumericDate } from '../../../shared/format';
import { toKroner } from '../../../shared/logic/tariff/money';
import { xlsxText } from '../spreadsheets/register-xlsx';
import type { ExportStore } from './export-store';
import { printDocument, startPrinting } from './print-session';
import type { PdfPrinter } from './printer';

/** What the user can do instead when no PDF can be made here. */
const ANNEX_INSTEAD = 'Sæt forslaget på dagsordenen igen, når Chromium er installeret';
const FIGURES_INSTEAD = 'Hent tallene som regneark i stedet';

/** Prints every annex in one Chromium session; nothing is stored here (the caller stores the files as attachments). */
export async function printProposalAnnexes(
  annexes: readonly ProposalAnnex[],
  printer: PdfPrinter | null,
  onPrinting: (index: number, annex: ProposalAnnex) => void = () => undefined,
): Promise<{ key: ProposalAnnexKey; title: string; fileName: string; bytes: Uint8Array }[]> {
  if (annexes.length === 0) return [];
  const session = await startPrinting(printer, ANNEX_INSTEAD);
  try {
    const printed: { key: ProposalAnnexKey; title: string; fileName: string; bytes: Uint8Array }[] = [];
    for (const [index, annex] of annexes.entries()) {
      onPrinting(index, annex);
      printed.push({ key: annex.key, title: annex.title, fileName: annex.fileName, bytes: await session.print(annex.html, { final: true }) });
    }
    return printed;
  } finally {
    // Chromium shuts down while the caller stores the files; nothing waits for it.
    void session.close().catch(() => undefined);
  }
}

/** One municipality's figures as .xlsx (exceljs, real numbers with Danish number formats, not text) or PDF, into the export store. */
export async function exportMunicipalityFigures(
  input: MunicipalityFiguresInput,
  format: 'xlsx' | 'pdf',
  deps: { printer: PdfPrinter | null; store: ExportStore },
): Promise<DocumentExport> {
  const fileName = municipalityFiguresFileName(input, format);
  if (format === 'xlsx') return deps.store.saveFile(fileName, await municipalityWorkbook(input));

  const { bytes, pages } = await printDocument(deps.printer, renderMunicipalityFigures(input), FIGURES_INSTEAD);
  return { ...(await deps.store.saveFile(fileName, bytes)), pages };
}

/** Excel shows these in the user's own locale: 1.636.600 and 37,20 % in a Danish Excel. */
const WHOLE_KRONER = '#,##0';
const KRONER = '#,##0.00';
const PERCENT = '0.00%';
const WEIGHT = '#,##0';
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE9ECEF' } };

/**
 * The workbook: «Betaling» with a header block (proposal, version, scenario, key, share), the municipality's payment
 * per year in kroner with a SUM total (its computed value cached), the scenario's totals and the basis; «Alle kommuner»
 * with every municipality's payment per year, so the one municipality's figures can be seen in context.
 */
export async function municipalityWorkbook(input: MunicipalityFiguresInput): Promise<Uint8Array> {
  const { scenario, municipality } = input;
  const allOre = [...scenario.perMunicipality.flatMap((m) => [...m.amounts.map((a) => a.ore), m.totalOre]), scenario.totalOre, scenario.regionTotalOre];
  // Whole kroner as the engine distributes them; øre only shown when a figure has them.
  const money = allOre.every((ore) => ore % 100 === 0) ? WHOLE_KRONER : KRONER;

  // Loaded when used (as in scenario-xlsx.ts): the host starts faster without the large library.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Sekretariat';
  book.title = xlsxText(`${versionLabel(input.code, input.versionNumber)} – ${municipality.organisationName}`);
  book.created = new Date(0);

  // ---- Betaling
  const sheet = book.addWorksheet('Betaling');
  sheet.columns = [{ width: 30 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 20 }];
  sheet.addRow([xlsxText(municipality.organisationName)]).font = { bold: true, size: 14 };
  sheet.addRow([xlsxText(`Betaling til etablering, opstart og underskud – ${versionLabel(input.code, input.versionNumber)}: ${input.title}`)]);
  sheet.addRow([]);
  const fact = (label: string, value: string | number, numFmt?: string) => {
    const row = sheet.addRow([label, typeof value === 'string' ? xlsxText(value) : value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { horizontal: 'left' };
    if (numFmt) row.getCell(2).numFmt = numFmt;
  };
  fact('Forslag', `${input.code} – ${input.title}`);
  fact('Version', input.versionNumber);
  fact('Scenarie', scenario.frozenNumber === null ? `${scenario.name} (ikke fastfrosset)` : `${scenario.name} (fastfrosset version ${scenario.frozenNumber})`);
  fact('Fordelingsnøgle', input.keyLabel.trim() || 'Ikke angivet');
  fact('Kommunens vægt', municipality.weight, WEIGHT);
  fact('Andel af kommunernes del', municipality.share, PERCENT);
  fact('Regionens andel', scenario.regionShare, PERCENT);
  fact('Beregnet', formatNumericDate(input.madeOn));
  sheet.addRow([]);

  const headerRow = sheet.addRow(['År', 'Beløb (kr.)', 'Alle kommuner (kr.)', 'Regionen (kr.)', 'Opstart og underskud i alt (kr.)']);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'bottom', wrapText: true };
  headerRow.eachCell((cell) => (cell.fill = HEADER_FILL));
  const headerAt = headerRow.number;
  const rows = paymentRows(scenario, municipality);
  for (const r of rows) {
    const row = sheet.addRow([xlsxText(r.label), toKroner(r.municipalityOre), toKroner(r.municipalitiesOre), toKroner(r.regionOre), toKroner(r.totalOre)]);
    for (let c = 2; c <= 5; c++) row.getCell(c).numFmt = money;
  }
  const first = headerAt + 1;
  const last = headerAt + rows.length;
  const totals = [municipality.totalOre, scenario.municipalTotalOre, scenario.regionTotalOre, scenario.totalOre];
  const totalRow = sheet.addRow(['I alt', ...['B', 'C', 'D', 'E'].map((c, i) => ({ formula: `SUM(${c}${first}:${c}${last})`, result: toKroner(totals[i]!) }))]);
  totalRow.font = { bold: true };
  for (let c = 2; c <= 5; c++) {
    totalRow.getCell(c).numFmt = money;
    totalRow.getCell(c).border = { top: { style: 'thin' } };
  }
  totalRow.getCell(1).border = { top: { style: 'thin' } };
  // The header block and the table's heading stay in view while scrolling.
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: headerAt }];

  sheet.addRow([]);
  for (const sentence of municipalityFiguresBasis(input)) {
    const row = sheet.addRow([xlsxText(sentence)]);
    row.getCell(1).font = { italic: true, color: { argb: 'FF555555' } };
  }

  // ---- Alle kommuner
  const all = book.addWorksheet('Alle kommuner', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const labels = municipality.amounts.map((a) => a.label);
  all.columns = [
    { header: 'Kommune', width: 26 },
    { header: 'Vægt', width: 12 },
    { header: 'Andel', width: 10 },
    ...labels.map((label) => ({ header: xlsxText(label), width: 18 })),
    { header: 'I alt', width: 18 },
  ];
  const header = all.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'bottom', wrapText: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  const firstAmount = 4;
  const lastAmount = firstAmount + labels.length - 1;
  const letter = (n: number) => columnLetter(n);
  scenario.perMunicipality.forEach((m, i) => {
    const r = i + 2;
    const row = all.addRow([
      xlsxText(m.organisationName),
      m.weight,
      m.share,
      ...labels.map((_, j) => toKroner(m.amounts[j]?.ore ?? 0)),
      { formula: `SUM(${letter(firstAmount)}${r}:${letter(lastAmount)}${r})`, result: toKroner(m.totalOre) },
    ]);
    if (m.organisationName === municipality.organisationName) row.font = { bold: true };
  });
  const lastMunicipality = 1 + scenario.perMunicipality.length;
  const columnTotals = [
    ...labels.map((_, j) => scenario.perMunicipality.reduce((a, m) => a + (m.amounts[j]?.ore ?? 0), 0)),
    scenario.perMunicipality.reduce((a, m) => a + m.totalOre, 0),
  ];
  const sumRow = all.addRow([
    'Kommunerne i alt',
    { formula: `SUM(B2:B${lastMunicipality})`, result: scenario.perMunicipality.reduce((a, m) => a + m.weight, 0) },
    { formula: `SUM(C2:C${lastMunicipality})`, result: scenario.perMunicipality.reduce((a, m) => a + m.share, 0) },
    ...columnTotals.map((ore, j) => ({ formula: `SUM(${letter(firstAmount + j)}2:${letter(firstAmount + j)}${lastMunicipality})`, result: toKroner(ore) })),
  ]);
  sumRow.font = { bold: true };
  if (scenario.regionTotalOre !== 0) {
    // The Region's part and the whole, per column, for context (the same in every municipality's payment rows).
    const payments = paymentRows(scenario, municipality);
    all.addRow([`Regionen (${percent(scenario.regionShare)})`, null, null, ...payments.map((p) => toKroner(p.regionOre)), toKroner(scenario.regionTotalOre)]);
    all.addRow(['Opstart og underskud i alt', null, null, ...payments.map((p) => toKroner(p.totalOre)), toKroner(scenario.totalOre)]).font = { bold: true };
  }
  all.getColumn(2).numFmt = WEIGHT;
  all.getColumn(3).numFmt = PERCENT;
  for (let c = firstAmount; c <= lastAmount + 1; c++) all.getColumn(c).numFmt = money;

  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** "A" … "Z", "AA" … */
function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
