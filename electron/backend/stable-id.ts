import { createHash } from 'node:crypto';

/**
 * A name-based (version 5) UUID: the same reference record gets the same id on every laptop,
 * so exchanged files merge instead of duplicating.
 */
export function stableId(namespace: string, name: string): string {
  const hash = createHash('sha1').update(namespace.replaceAll('-', ''), 'hex').update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Namespace of the ids Sekretariat derives itself. */
export const SEKRETARIAT_NAMESPACE = '9b7f5f2e-3c1a-4d8e-9a6b-5e2d1c0f4a37';
