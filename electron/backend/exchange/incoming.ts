/**
 * Receiving an exchange package from the user: the upload routes of both transports stream it into the backend's
 * store of incoming packages (never into memory), and the window then refers to it by its id.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { IncomingPackage } from '../../../shared/domain/exchange';
import { TooLarge, type ExportStore } from '../documents/export-store';
import { AppError } from '../errors';

/** Largest package accepted: a whole database with its attachment files (1 GB in the benchmark) has room to grow. */
export const MAX_PACKAGE_BYTES = 20 * 1024 ** 3;

export async function receivePackage(
  store: ExportStore,
  body: Readable | WebReadableStream<Uint8Array>,
  fileName: string,
  maxBytes = MAX_PACKAGE_BYTES,
): Promise<IncomingPackage> {
  const stream = body instanceof Readable ? body : Readable.fromWeb(body);
  try {
    const received = await store.receive(fileName, stream, maxBytes);
    return { packageId: received.id, fileName: received.fileName, bytes: received.bytes };
  } catch (error) {
    if (error instanceof TooLarge) {
      throw new AppError('INVALID_INPUT', `Filen er større end ${Math.round(maxBytes / 1024 ** 3)} GB, som er det største, Sekretariat modtager. Intet er importeret.`);
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('UNAVAILABLE', 'Der er ikke plads nok på disken til pakken. Frigør plads, og prøv igen.');
    throw new AppError('INVALID_INPUT', 'Filen blev ikke modtaget helt (overførslen blev afbrudt). Vælg den igen.');
  }
}
