import { z } from 'zod';
import { Id } from './common';
import { ExchangeScope } from '../exchange/manifest';

/** How a conflict is settled (docs/exchange-format.md §8): keep this laptop's record, take the package's, or keep both. */
export const Resolution = z.enum(['mine', 'theirs', 'both']);
export type Resolution = z.infer<typeof Resolution>;

export const RESOLUTION_LABELS: Readonly<Record<Resolution, string>> = {
  mine: 'Behold min',
  theirs: 'Tag den indlæste',
  both: 'Behold begge',
};

/** A package received from the user (uploaded or chosen on disk), waiting to be checked and imported. */
export const IncomingPackage = z.object({ packageId: Id, fileName: z.string(), bytes: z.number().int().nonnegative() });
export type IncomingPackage = z.infer<typeof IncomingPackage>;

const MergeCounts = z.object({
  new: z.number().int(),
  unchanged: z.number().int(),
  changed: z.number().int(),
  'local-only': z.number().int(),
  merged: z.number().int(),
  conflict: z.number().int(),
  deleted: z.number().int(),
});

/** One field in conflict, for the per-field view. */
export const ConflictField = z.object({
  field: z.string(),
  /** Danish label («Sted», «Resumé»). */
  label: z.string(),
  /** Rich text, shown as readable text with the changed words marked. */
  rich: z.boolean(),
  /** Null: no common version is known. */
  base: z.string().nullable(),
  local: z.string(),
  incoming: z.string(),
});
export type ConflictField = z.infer<typeof ConflictField>;

/** The import preview as the window shows it: what the package holds and what importing it would do. */
export const ImportPreviewView = z.object({
  packageId: Id,
  fileName: z.string(),
  bytes: z.number().int(),
  scope: ExchangeScope,
  createdAt: z.string(),
  appVersion: z.string(),
  /** The package was made on this installation (a package sent back and forth). */
  fromThisInstallation: z.boolean(),
  alreadyImported: z.boolean(),
  /** Per kind of record, with its Danish plural; only kinds the package holds. */
  entities: z.array(MergeCounts.extend({ entity: z.string(), label: z.string(), total: z.number().int() })),
  totals: MergeCounts,
  conflicts: z.array(
    z.object({
      entity: z.string(),
      entityLabel: z.string(),
      id: Id,
      label: z.string(),
      localUpdatedAt: z.string(),
      incomingUpdatedAt: z.string(),
      incomingDeleted: z.boolean(),
      /** «Behold begge» applies (meetings, items, scenarios); otherwise «Tag den indlæste» is used instead. */
      canKeepBoth: z.boolean(),
      /** No common version is known, so every differing field is shown as a conflict. */
      noBase: z.boolean(),
      /** The fields in conflict: the common version, this laptop's and the package's, as readable text. */
      fields: z.array(ConflictField),
      /** Danish labels of the fields merged without a question (taken from the package · kept from here). */
      theirs: z.array(z.string()),
      mine: z.array(z.string()),
    }),
  ),
  files: z.object({ count: z.number().int(), bytes: z.number().int() }),
  notes: z.array(z.string()),
  /** Why the package cannot be imported as things are (another body with the same abbreviation …); empty when it can. */
  blockers: z.array(z.string()),
  /**
   * New records that take the place of another record here (another decision for the same item): the user keeps one,
   * by `perRecord[incomingId]` («mine» keeps this laptop's, «theirs» takes the package's); both laptops then hold it
   * under one id.
   */
  clashes: z.array(z.object({ entity: z.string(), incomingId: Id, message: z.string() })),
  /**
   * Closed items (or attachments) here that the package would open («open») or whose title it would make public
   * («showTitle»): listed first, in red; each stays closed unless `openings[id]` is «open» in the import.
   */
  openings: z.array(z.object({ entity: z.string(), id: Id, label: z.string(), kinds: z.array(z.enum(['open', 'showTitle'])) })),
  /** The installation the package comes from: seen before here, and the name it is trusted under (null: not trusted). */
  source: z.object({ installation: z.string(), known: z.boolean(), trustedAs: z.string().nullable() }),
  /** Danish warnings about the source («… ikke set før», «… ikke på listen over betroede bærbare»). */
  sourceNotes: z.array(z.string()),
});

/** A laptop whose packages the user trusts: its installation id and a name the user gave it. */
export const TrustedInstallation = z.object({ id: z.string().min(1).max(100), name: z.string().trim().min(1, 'Giv bærbaren et navn.').max(100) });
export type TrustedInstallation = z.infer<typeof TrustedInstallation>;
export type ImportPreviewView = z.infer<typeof ImportPreviewView>;

export const ImportRequest = z.object({
  packageId: Id,
  /** For conflicts not named in `perRecord` (and any that arise between preview and import). */
  default: Resolution.default('mine'),
  perRecord: z.record(Id, Resolution).default({}),
  /** By `recordId:field` for a field in conflict: keep this laptop's value or take the package's. */
  perField: z.record(z.string().max(200), z.enum(['mine', 'theirs'])).default({}),
  /** By record id, for each of the preview's `openings`: «open» takes the package's flags; otherwise it stays closed. */
  openings: z.record(Id, z.enum(['keep', 'open'])).default({}),
});
export type ImportRequest = z.output<typeof ImportRequest>;

export const ImportReportView = z.object({
  alreadyImported: z.boolean(),
  inserted: z.number().int(),
  updated: z.number().int(),
  merged: z.number().int(),
  deleted: z.number().int(),
  copied: z.number().int(),
  kept: z.number().int(),
  unchanged: z.number().int(),
  filesCopied: z.number().int(),
  /** The backup taken just before the import: restoring it undoes the import. */
  backup: z.string().nullable(),
  notes: z.array(z.string()),
});
export type ImportReportView = z.infer<typeof ImportReportView>;
