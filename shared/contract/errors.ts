/** Error codes carried in every failed reply; the message beside them is Danish and shown to users. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  /** The record is locked (approved minutes, a version treated on an agenda): no retry or merge will change that. */
  'LOCKED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'DATABASE',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path -> Danish message, for input errors. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** Standard Danish texts for errors that carry no more specific message. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Oplysningerne er ikke gyldige.',
  UNKNOWN_METHOD: 'Ukendt funktion.',
  NOT_FOUND: 'Posten findes ikke (længere).',
  CONFLICT: 'Posten er ændret et andet sted. Indlæs den igen, og prøv på ny.',
  LOCKED: 'Posten er låst og kan ikke ændres.',
  UNAUTHORIZED: 'Adgang nægtet: adgangsnøglen mangler eller er forkert.',
  FORBIDDEN: 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.',
  DATABASE: 'Databasen kunne ikke bruges.',
  UNAVAILABLE: 'Funktionen kan ikke bruges på denne maskine.',
  INTERNAL: 'Der opstod en uventet fejl. Prøv igen.',
};
