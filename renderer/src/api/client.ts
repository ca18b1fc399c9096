import type { ApiErrorBody, ErrorCode, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { IncomingPackage } from '../../../shared/domain/exchange';
import type { ReceivedTemplate } from '../../../shared/domain/tariff-import';
import type { Transport, UploadedFile } from './transport';

/** A failed call, carrying the backend's Danish message and, for input errors, the message per field. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.code = body.code;
    this.fields = body.fields ?? {};
  }
}

/** The typed client: method names, inputs and outputs are all inferred from shared/contract. */
export interface Api {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  upload(file: File): Promise<UploadedFile>;
  uploadPackage(file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<IncomingPackage>;
  uploadTemplate(file: File): Promise<ReceivedTemplate>;
  /** Throws ApiError (FORBIDDEN for a program or script, which is only saved, never opened). */
  openFile(sha256: string, fileName: string): Promise<void>;
  /** Saves a copy of a stored file; false when the user cancelled. */
  saveFile(sha256: string, fileName: string): Promise<boolean>;
  /** Saves a finished export (save dialog or download); false when the user cancelled. */
  saveExport(exportId: string): Promise<boolean>;
}

export function createApi(transport: Transport): Api {
  return {
    async call(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.data as never;
    },
    on(event, listener) {
      return transport.on(event, listener as (payload: unknown) => void);
    },
    async upload(file) {
      const result = await transport.upload(file);
      if (!result.ok) throw new ApiError(result.error);
      return result.data;
    },
    async uploadPackage(file, onProgress, signal) {
      const result = await transport.uploadPackage(file, onProgress, signal);
      if (!result.ok) throw new ApiError(result.error);
      return result.data;
    },
    async uploadTemplate(file) {
      const result = await transport.uploadTemplate(file);
      if (!result.ok) throw new ApiError(result.error);
      return result.data;
    },
    async openFile(sha256, fileName) {
      const result = await transport.openFile(sha256, fileName);
      if (!result.ok) throw new ApiError(result.error);
    },
    async saveFile(sha256, fileName) {
      const result = await transport.saveFile(sha256, fileName);
      if (!result.ok) throw new ApiError(result.error);
      return result.data.saved;
    },
    async saveExport(exportId) {
      const result = await transport.saveExport(exportId);
      if (!result.ok) throw new ApiError(result.error);
      return result.data.saved;
    },
  };
}

let current: Api | null = null;

export function setApi(api: Api) {
  current = api;
}

/** The api of this window, set once at startup. */
export function api(): Api {
  if (!current) throw new Error('api() før opstart');
  return current;
}

export const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : 'Der opstod en uventet fejl. Prøv igen.';
