import { DEFAULT_MESSAGES, type ErrorCode } from '../../shared/contract';

/** An expected failure with a Danish message for the user; anything else is reported as INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} findes ikke (længere). Måske er det slettet.`);
export const stale = (what: string) =>
  new AppError('CONFLICT', `${what} er ændret et andet sted, mens du redigerede. Visningen er opdateret; prøv igen.`);
