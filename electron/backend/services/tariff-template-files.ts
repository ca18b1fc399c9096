import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { ReceivedTemplate } from '../../../shared/domain/tariff-import';
import { formatFileSize } from '../../../shared/format';
import { TooLarge, type ExportStore } from '../documents/export-store';
import { AppError } from '../errors';
import { MAX_TEMPLATE_BYTES, type ImportFile } from './tariff-import-plan';

/**
 * Filled operator templates received from the window, kept in their own store (not among the exchange packages)
 * until they are previewed, imported or discarded. A file over the limit is refused as it streams in: never held in
 * memory, never parsed.
 */

const tooLarge = (fileName: string) => new AppError('INVALID_INPUT', `${fileName}: filen er større end ${formatFileSize(MAX_TEMPLATE_BYTES)}, som er det største, en udfyldt skabelon må fylde. Intet er indlæst.`);

export async function receiveTemplate(store: ExportStore, body: Readable | WebReadableStream<Uint8Array>, fileName: string, declaredBytes?: number): Promise<ReceivedTemplate> {
  if (declaredBytes !== undefined && Number.isFinite(declaredBytes) && declaredBytes > MAX_TEMPLATE_BYTES) throw tooLarge(fileName);
  const stream = body instanceof Readable ? body : Readable.fromWeb(body);
  try {
    const received = await store.receive(fileName, stream, MAX_TEMPLATE_BYTES);
    return { fileId: received.id, fileName: received.fileName, bytes: received.bytes };
  } catch (error) {
    if (error instanceof TooLarge) throw tooLarge(fileName);
    throw new AppError('INVALID_INPUT', `${fileName}: filen blev ikke modtaget helt (overførslen blev afbrudt). Vælg den igen.`);
  }
}

/** The received files by their ids, in the order given; refused in Danish when one is gone. */
export async function receivedTemplates(store: ExportStore, fileIds: readonly string[]): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  for (const id of fileIds) {
    const file = await store.find(id);
    if (!file) throw new AppError('NOT_FOUND', 'En af filerne er ikke modtaget (længere). Vælg filerne igen.');
    files.push({ path: file.path, fileName: file.fileName });
  }
  return files;
}
