import { z } from 'zod';

// Default validation messages in Danish; specific ones are given where the schemas are declared.
z.config(z.locales.da());

/** Stable record id, shared across laptops through exchange files. */
export const Id = z.uuid({ error: 'Ugyldigt id' });

/** Calendar date as stored and sent: ISO `YYYY-MM-DD`. */
export const IsoDate = z.iso.date({ error: 'Ugyldig dato (forventet ÅÅÅÅ-MM-DD)' });

/** Wall-clock time `HH:MM` (24 h). */
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Ugyldigt klokkeslæt (forventet TT:MM)' });

/** Columns every synchronisable record carries (architecture §3). */
export const RecordMeta = z.object({
  id: Id,
  revision: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const Empty = z.object({}).strict();

/** Optimistic concurrency: every update names the revision it was based on. */
export const Revisioned = z.object({ id: Id, revision: z.number().int().positive() });

export const Deleted = z.object({ id: Id });
