/**
 * The backend's byte streams, next to `call` and `subscribe`: attachments and exchange packages coming in, stored
 * files and finished exports going out. Both transports (the HTTP host's routes and Electron's app:// protocol) only
 * pipe bytes and send the envelope; every check and every Danish refusal is made here, once.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DEFAULT_MESSAGES, type ApiErrorBody } from '../../shared/contract';
import type { IncomingPackage } from '../../shared/domain/exchange';
import type { ExportStore } from './documents/export-store';
import { AppError } from './errors';
import { receivePackage } from './exchange/incoming';
import type { ReceivedTemplate } from '../../shared/domain/tariff-import';
import { receiveTemplate } from './services/tariff-template-files';
import { cleanFileName } from './files/file-name';
import { FileStoreError, isSha256, MAX_UPLOAD_BYTES, missingFile, noFilesDir, tooLarge, type FileStore, type StoredFile } from './files/file-store';
import { detectMediaType, EXTENSION_OF, exportFileType, isInlineSafe, MEDIA_TYPES, servedMediaType, SNIFF_BYTES } from './files/media-type';
import { viewerFileName } from './files/viewer-name';

/** Bytes as a transport hands them over: a Node stream (an HTTP request) or a web stream (Electron's protocol Request body). */
export type ByteSource = Readable | WebReadableStream<Uint8Array>;

/**
 * The contract's Result envelope, where a refusal also names the HTTP status that fits it (both transports answer
 * with HTTP responses). Send `{ ok: false, error }` as the body.
 */
export type StreamResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody; status: number };

/** A stored attachment, opened for reading. */
export interface OpenedFile {
  stream: ReadStream;
  size: number;
  /** The type to serve it as: a known, harmless type, else application/octet-stream (never HTML or a program). */
  mediaType: string;
  /** The Content-Type to send: text with its charset. */
  contentType: string;
  /** The name to show or save it under: the user's name cleaned, else «bilag» with the type's extension. For the
   * system viewer, the name of its copy, with an extension that matches the content. */
  fileName: string;
  /** Safe to show in a browser tab (PDF, images, plain text); anything else is a download. */
  inline: boolean;
  /** The label and extension a save dialog's filter shows for it. */
  saveType: { label: string; extension: string };
}

/** A finished PDF, Word or spreadsheet export, opened for reading. */
export interface OpenedExport {
  stream: ReadStream;
  size: number;
  fileName: string;
  /** Its media type, and the label and extension a save dialog's filter shows. */
  type: { mediaType: string; label: string; extension: string };
}

export interface ReceiveOptions {
  /** Largest attachment accepted (default 1 GiB). */
  maxBytes?: number;
  /** The size the sender declared (HTTP Content-Length): a file declared too large is refused before a byte is read. */
  declaredBytes?: number;
}

export interface OpenFileOptions {
  /**
   * The file is to be handed to the operating system's own viewer: its type is detected again from the stored
   * bytes (a row may hold a type an older version took from a package), and a program or script is refused.
   */
  forSystemViewer?: boolean;
}

export interface ByteStreams {
  /** Stores an attachment's bytes; answers with what `attachments.add` needs. */
  receiveAttachment(body: ByteSource, fileName: string, options?: ReceiveOptions): Promise<StreamResult<StoredFile>>;
  /** Keeps an exchange package until it is previewed, imported or discarded (referred to by its id). */
  receivePackage(body: ByteSource, fileName: string): Promise<StreamResult<IncomingPackage>>;
  /** Keeps a filled operator template (.xlsx, at most 10 MB) until it is previewed, imported or discarded (by its id). */
  receiveTemplate(body: ByteSource, fileName: string, options?: Pick<ReceiveOptions, 'declaredBytes'>): Promise<StreamResult<ReceivedTemplate>>;
  /** A stored attachment by its SHA-256, to show, save or hand to the system viewer. */
  openFile(sha256: string, fileName: string, options?: OpenFileOptions): Promise<StreamResult<OpenedFile>>;
  /** A finished export by its id (and, when given, its file name). */
  openExport(id: string, fileName?: string): Promise<StreamResult<OpenedExport>>;
}

const STATUS: Partial<Record<ApiErrorBody['code'], number>> = { INVALID_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, UNAVAILABLE: 507 };

function refused(error: unknown, log: (message: string, error?: unknown) => void): { ok: false; error: ApiErrorBody; status: number } {
  if (error instanceof FileStoreError) return { ok: false, error: { code: error.code, message: error.message }, status: error.httpStatus };
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message }, status: STATUS[error.code] ?? 500 };
  log('Fejl ved overførsel af en fil', error);
  return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL }, status: 500 };
}

/** Waits until a read stream is open, so that a missing or unreadable file is a refusal here, not mid-response. */
async function opened(stream: ReadStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  }).catch((error: unknown) => {
    stream.destroy();
    throw error;
  });
}

/** The type of the stored bytes, detected again from their first bytes. */
async function detectStored(path: string, fileName: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return detectMediaType(head.subarray(0, bytesRead), fileName);
  } finally {
    await handle.close();
  }
}

export function createByteStreams(stores: {
  files: FileStore | null;
  exports: ExportStore;
  incoming: ExportStore;
  templates: ExportStore;
  log?: (message: string, error?: unknown) => void;
}): ByteStreams {
  const log = stores.log ?? ((message, error) => console.error(message, error));
  return {
    async receiveAttachment(body, rawFileName, options = {}) {
      const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
      try {
        const fileName = cleanFileName(rawFileName);
        if (!fileName) throw new FileStoreError('INVALID_INPUT', 'Filen skal have et navn (?name=...).', 400);
        if (options.declaredBytes !== undefined && Number.isFinite(options.declaredBytes) && options.declaredBytes > maxBytes) throw tooLarge(maxBytes);
        if (!stores.files) throw noFilesDir();
        return { ok: true, data: await stores.files.storeStream(body, fileName, { maxBytes }) };
      } catch (error) {
        return refused(error, log);
      }
    },

    async receivePackage(body, fileName) {
      try {
        return { ok: true, data: await receivePackage(stores.incoming, body, fileName) };
      } catch (error) {
        return refused(error, log);
      }
    },

    async receiveTemplate(body, fileName, options = {}) {
      try {
        return { ok: true, data: await receiveTemplate(stores.templates, body, fileName, options.declaredBytes) };
      } catch (error) {
        return refused(error, log);
      }
    },

    async openFile(sha256, fileName, options = {}) {
      try {
        if (!isSha256(sha256) || !stores.files) throw missingFile();
        const { info, path, stream } = await stores.files.open(sha256);
        try {
          const mediaType = servedMediaType(info.mediaType);
          const name = options.forSystemViewer
            ? viewerFileName(fileName, await detectStored(path, fileName))
            : cleanFileName(fileName) || `bilag${EXTENSION_OF[mediaType] ?? ''}`;
          const textual = mediaType === MEDIA_TYPES.txt || mediaType === MEDIA_TYPES.csv;
          return {
            ok: true,
            data: {
              stream,
              size: info.size,
              mediaType,
              contentType: textual ? `${mediaType}; charset=utf-8` : mediaType,
              fileName: name,
              inline: isInlineSafe(mediaType),
              saveType: exportFileType(name),
            },
          };
        } catch (error) {
          stream.destroy();
          throw error;
        }
      } catch (error) {
        return refused(error, log);
      }
    },

    async openExport(id, fileName) {
      const gone = () => new AppError('NOT_FOUND', 'Filen findes ikke længere. Dan den igen.');
      try {
        const file = await stores.exports.find(id, fileName);
        if (!file) throw gone();
        const stream = createReadStream(file.path);
        await opened(stream).catch(() => {
          throw gone();
        });
        return { ok: true, data: { stream, size: file.size, fileName: file.fileName, type: exportFileType(file.fileName) } };
      } catch (error) {
        return refused(error, log);
      }
    },
  };
}
