import { z } from 'zod';
import { Id, RecordMeta, Revisioned } from './common';

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
  /** The 0–17-year-olds in the newest recorded quarter (a key for children's offers); null where none is recorded. */
  children: z.object({ quarter: Quarter, count: z.number().int().nonnegative() }).nullable(),
});
export type Organisation = z.infer<typeof Organisation>;

export const AgeGroup = z.enum(['i_alt', '0-17']);
export type AgeGroup = z.infer<typeof AgeGroup>;
export const AGE_GROUP_LABELS: Readonly<Record<AgeGroup, string>> = { i_alt: 'Hele befolkningen', '0-17': '0–17-årige' };

/** A quarter's figures for every municipality at once, e.g. from a Danmarks Statistik table. */
export const PopulationImport = z.object({
  quarter: Quarter,
  ageGroup: AgeGroup,
  figures: z
    .array(z.object({ organisationId: Id, count: z.number().int().nonnegative().max(10_000_000, { error: 'Befolkningstallet er urealistisk stort' }) }))
    .min(1)
    .max(100),
});
export type PopulationImport = z.infer<typeof PopulationImport>;

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
