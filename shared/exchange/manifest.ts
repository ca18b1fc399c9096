/**
 * The manifest of an exchange package (`manifest.json`, docs/exchange-format.md): what the package is, where it came
 * from, what it covers, and the SHA-256 and size of every other entry, so that nothing is trusted before it is checked.
 */
import { z } from 'zod';
import { Id } from '../domain/common';
import { ENTITY_NAMES, Sha256, Timestamp, type EntityName } from './records';

export const EXCHANGE_FORMAT = 'sekretariat-exchange';
/**
 * Raised whenever a reader of the previous version could not read a package completely (a new field, entity or scope
 * kind). 2: the proposals (proposals, proposal_versions, approval_steps, consultation_responses). Every package is
 * written in the current version; every version from 1 up to it is read (an older package lacks the newer entities).
 * 3: `bases.jsonl`, the versions of its records the source last took from other laptops (for field-by-field merges).
 * 4: the tariff year (rule_sets, offers, offer_categories, tariff_sheets, offer_results, set_aside_uses, tariff_annexes).
 */
export const EXCHANGE_FORMAT_VERSION = 4;
export const EXCHANGE_EXTENSION = '.sekretariat';
export const MANIFEST_PATH = 'manifest.json';

/**
 * What a package covers. Proposals travel with the whole database only (docs/exchange-format.md §3): a scope of its
 * own would need their scenarios, and a meeting's items do not bring the proposals treated there.
 */
export const ExchangeScope = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('all') }),
    z.strictObject({ kind: z.literal('meeting'), id: Id }),
    z.strictObject({ kind: z.literal('scenarios'), ids: z.array(Id).min(1, { error: 'Vælg mindst ét scenarie' }).max(1000) }),
    z.strictObject({ kind: z.literal('decisions') }),
  ],
  { error: 'Ukendt omfang (scope)' },
);
export type ExchangeScope = z.infer<typeof ExchangeScope>;

export const SCOPE_LABELS: Readonly<Record<ExchangeScope['kind'], string>> = {
  all: 'hele databasen',
  meeting: 'ét møde',
  scenarios: 'udvalgte takstscenarier',
  decisions: 'beslutningsregistret',
};

/** The entry names a package may hold, besides the manifest. */
export type EntryPath = { kind: 'records'; entity: EntityName } | { kind: 'file'; sha256: string } | { kind: 'bases' };

/** The source's recorded bases of the records it sends (format version 3; one JSON object per line). */
export const BASES_PATH = 'bases.jsonl';

export const recordsPath = (entity: EntityName) => `records/${entity}.jsonl`;
export const filePath = (sha256: string) => `files/${sha256}`;

const RECORDS = /^records\/([a-z_]+)\.jsonl$/;
const FILE = /^files\/([0-9a-f]{64})$/;

/** What an entry name stands for; null for anything the format does not have. */
export function parseEntryPath(path: string): EntryPath | null {
  const records = RECORDS.exec(path);
  if (records && (ENTITY_NAMES as readonly string[]).includes(records[1]!)) return { kind: 'records', entity: records[1] as EntityName };
  const file = FILE.exec(path);
  if (file) return { kind: 'file', sha256: file[1]! };
  if (path === BASES_PATH) return { kind: 'bases' };
  return null;
}

/**
 * Why an entry name is unsafe to use as a path (zip slip), in Danish; null when it is harmless. Checked before the
 * name is compared with anything, so that a hostile name is reported as such.
 */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'navnet er tomt';
  if (name.includes('\\')) return 'navnet indeholder omvendt skråstreg (\\)';
  if (name.startsWith('/')) return 'navnet er en absolut sti';
  if (/^[A-Za-z]:/.test(name)) return 'navnet begynder med et drevbogstav';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'navnet indeholder kontroltegn';
  const parts = name.split('/');
  if (parts.includes('..')) return 'navnet peger uden for pakken (..)';
  if (parts.includes('.') || parts.slice(0, -1).includes('')) return 'navnet indeholder tomme eller «.»-led';
  return null;
}

export const ManifestEntry = z.strictObject({
  path: z.string().max(200).refine((p) => parseEntryPath(p) !== null, { error: 'Ukendt indholdsnavn' }),
  /** SHA-256 of the entry's uncompressed bytes, hex. */
  sha256: Sha256,
  /** The entry's uncompressed size. */
  bytes: z.number().int().nonnegative(),
  /** Lines (records) of a records entry; absent for a file. */
  records: z.number().int().nonnegative().optional(),
  /** A file's media type as the source recorded it (informative; the importer may detect it again). */
  mediaType: z.string().max(200).optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

const FORMAT_VERSION_ERROR = `Skal være et helt tal fra 1 til ${EXCHANGE_FORMAT_VERSION}`;

export const Manifest = z
  .strictObject({
    format: z.literal(EXCHANGE_FORMAT, { error: `Skal være «${EXCHANGE_FORMAT}»` }),
    /** Any version up to this reader's (a newer one is refused before the manifest is parsed, see the reader). */
    formatVersion: z.number({ error: FORMAT_VERSION_ERROR }).int({ error: FORMAT_VERSION_ERROR }).min(1, { error: FORMAT_VERSION_ERROR }).max(EXCHANGE_FORMAT_VERSION, { error: FORMAT_VERSION_ERROR }),
    appVersion: z.string().min(1).max(50),
    /** The source database's schema version (informative). */
    schemaVersion: z.number().int().positive(),
    /** This package; importing the same package twice is recognised by it. */
    exportId: Id,
    createdAt: Timestamp,
    /** The database the package came from (settings.installation_id); bases for three-way merges are kept per source. */
    sourceInstallation: Id,
    scope: ExchangeScope,
    entries: z.array(ManifestEntry).max(200_000),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    for (const [index, entry] of manifest.entries.entries()) {
      if (seen.has(entry.path)) ctx.addIssue({ code: 'custom', message: `«${entry.path}» står to gange`, path: ['entries', index, 'path'] });
      seen.add(entry.path);
      const kind = parseEntryPath(entry.path)?.kind;
      if ((kind === 'records' || kind === 'bases') && entry.records === undefined) ctx.addIssue({ code: 'custom', message: 'Antal poster (records) mangler', path: ['entries', index, 'records'] });
      if (kind === 'file' && entry.records !== undefined) ctx.addIssue({ code: 'custom', message: 'En fil har ikke poster', path: ['entries', index, 'records'] });
      if (kind === 'file' && entry.path !== `files/${entry.sha256}`) ctx.addIssue({ code: 'custom', message: 'Filens navn skal være dens SHA-256', path: ['entries', index, 'sha256'] });
    }
  });
export type Manifest = z.infer<typeof Manifest>;
