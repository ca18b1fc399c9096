import type { IncomingPackage } from '../../../shared/domain/exchange';
import { api } from '../api/client';
import type { UploadedFile } from '../api/transport';

/**
 * Files in and out of the window, the same in every area: uploads into the file store, opening and saving stored
 * files and finished exports. They change no data by themselves (the call that uses an upload does).
 */
export const uploadFile = (file: File): Promise<UploadedFile> => api().upload(file);

export const uploadPackage = (file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<IncomingPackage> => api().uploadPackage(file, onProgress, signal);

/** Throws ApiError (FORBIDDEN for a program or script, which is only saved, never opened). */
export const openStoredFile = (sha256: string, fileName: string): Promise<void> => api().openFile(sha256, fileName);

/** Saves a copy of a stored file; false when the user cancelled. */
export const saveStoredFile = (sha256: string, fileName: string): Promise<boolean> => api().saveFile(sha256, fileName);

/** Saves a finished export (save dialog or download); false when the user cancelled. */
export const saveExport = (exportId: string): Promise<boolean> => api().saveExport(exportId);
