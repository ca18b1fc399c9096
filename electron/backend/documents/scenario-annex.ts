import type { DocumentExport } from '../../../shared/domain/documents';
import type { Scenario } from '../../../shared/domain/scenario';
import { renderScenarioAnnex } from '../../../shared/documents/scenario-annex';
import type { ScenarioResult } from '../../../shared/logic/tariff/scenario';
import { cleanFileName } from '../files/file-name';
import type { ExportStore } from './export-store';
import { printDocument } from './print-session';
import type { PdfPrinter } from './printer';

/**
 * Prints the annex (bilag) of one tariff scenario, or the comparison of two to four, as PDF into the export store.
 * The file appears under its final name only when it is complete; otherwise nothing is left.
 */
export async function exportScenarioAnnex(
  entries: readonly { scenario: Scenario; result: ScenarioResult }[],
  deps: { printer: PdfPrinter | null; store: ExportStore },
): Promise<DocumentExport> {
  // Checked before Chromium starts: the renderer refuses none or more than four.
  const html = renderScenarioAnnex(entries);
  const { bytes, pages } = await printDocument(deps.printer, html, 'Hent scenarierne som regneark i stedet');
  return { ...(await deps.store.saveFile(scenarioAnnexFileName(entries.map((e) => e.scenario.name)), bytes)), pages };
}

/** "Bilag – NT-1 v1, scenarie 2 (50 % - 70 % - fuld).pdf", or "Bilag – sammenligning af scenarier.pdf" for two or more. */
export function scenarioAnnexFileName(names: readonly string[]): string {
  const fallback = 'Bilag – takstscenarie.pdf';
  if (names.length !== 1) return 'Bilag – sammenligning af scenarier.pdf';
  // A slash in a name is not a folder: cleanFileName would keep only what follows the last one.
  const name = names[0]!.replace(/[\\/]/g, '-').trim();
  return name ? cleanFileName(`Bilag – ${name}.pdf`) || fallback : fallback;
}
