export type DatabaseErrorKind = 'NOT_SQLITE' | 'NOT_OURS' | 'TOO_NEW' | 'UNREADABLE';

/** A database that cannot be used as it is. The message is Danish and says the file was left untouched. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: DatabaseErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
