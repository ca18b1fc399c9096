import { z } from 'zod';
import { RecordMeta, Revisioned } from './common';

export const OrganisationKind = z.enum(['kommune', 'region']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** A reference period such as "2021K2" (2nd quarter 2021), as Danmarks Statistik writes it. */
export const Quarter = z.string().regex(/^\d{4}K[1-4]$/, { error: 'Ugyldigt kvartal (forventet fx 2021K2)' });

/** A municipality or the region: the parties of the framework agreement. */
export const Organisation = RecordMeta.extend({
  name: z.string(),
  kind: OrganisationKind,
  /** Total population in the newest recorded quarter (null for the region). */
  population: z.object({ quarter: Quarter, count: z.number().int().nonnegative() }).nullable(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationUpdate = Revisioned.extend({
  patch: z.object({
    name: z.string().trim().min(1, { error: 'Angiv et navn' }).max(100, { error: 'Navnet må højst være 100 tegn' }).optional(),
    population: z
      .object({
        quarter: Quarter,
        count: z
          .number({ error: 'Befolkningstallet skal være et tal' })
          .int({ error: 'Befolkningstallet skal være et helt tal' })
          .nonnegative({ error: 'Befolkningstallet kan ikke være negativt' })
          .max(10_000_000, { error: 'Befolkningstallet er urealistisk stort' }),
      })
      .optional(),
  }),
});
