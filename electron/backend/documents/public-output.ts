import { findLeaks } from '../../../shared/documents';
import { AppError } from '../errors';
import { extractFileText } from '../files/extract-text';

/** One file of a public output as it will be kept (or a part of it), and how a message names it. */
export interface PublicOutputPart {
  file: string;
  mediaType: string;
  /** Where in the output, for the message ("bilag 3.1 «Budget»"); null for the document as a whole. */
  where: string | null;
}

/**
 * The one read-back check every public export calls before its file is kept: each part is read back from disk as
 * the user will get it and refused if any phrase of `closed` (from `closedTexts`, the one rule of what a public
 * output may not contain) is in it. A part whose text cannot be read cannot be checked, so it is refused too.
 */
export async function refuseUncheckedOrLeaking(closed: readonly string[], parts: readonly PublicOutputPart[]): Promise<void> {
  if (closed.length === 0) return;
  for (const part of parts) {
    const outcome = await extractFileText(part.file, part.mediaType, { maxChars: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
    if (outcome.status !== 'udtrukket' || !outcome.text) {
      const what = part.where ?? 'Filen';
      throw new AppError(
        'FORBIDDEN',
        `Den offentlige udgave blev ikke gemt: ${what} kunne ikke læses tilbage til kontrol af lukkede punkter (fx en PDF uden tekst), og uden kontrol gemmes intet offentligt.`,
      );
    }
    refuseLeakingText(closed, outcome.text, part.where);
  }
}

/** The check itself on text already read back; throws the Danish refusal naming each phrase and where it was found. */
export function refuseLeakingText(closed: readonly string[], text: string, where: string | null): void {
  const leaks = findLeaks(closed, text);
  if (leaks.length === 0) return;
  const found = where ? `i ${where}` : 'i den';
  throw new AppError(
    'FORBIDDEN',
    `Den offentlige udgave blev ikke gemt, fordi tekst fra lukkede punkter fandtes ${found}: ${leaks.map((l) => `«${l.phrase}» (fra «${l.source}»)`).join('; ')}.`,
  );
}
