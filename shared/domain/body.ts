import { z } from 'zod';
import { RecordMeta, Revisioned } from './common';

/** A body that meets: DAS, FU, KKR, a chef group … */
const BodyFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, { error: 'Angiv en forkortelse, fx DAS' })
    .max(20, { error: 'Forkortelsen må højst være 20 tegn' }),
  name: z
    .string()
    .trim()
    .min(1, { error: 'Angiv organets navn' })
    .max(200, { error: 'Navnet må højst være 200 tegn' }),
  description: z.string().trim().max(2000, { error: 'Beskrivelsen må højst være 2.000 tegn' }),
});

export const Body = BodyFields.extend({
  ...RecordMeta.shape,
  meetingCount: z.number().int(),
  /** Item sections this body does not use; hidden in the editor. */
  hiddenSections: z.array(z.string()),
});
export type Body = z.infer<typeof Body>;

export const BodyDraft = BodyFields.extend({ description: BodyFields.shape.description.default('') });
export type BodyDraft = z.input<typeof BodyDraft>;

export const BodyUpdate = Revisioned.extend({ patch: BodyFields.partial() });

export const Member = z.object({
  id: z.uuid(),
  name: z.string(),
  organisation: z.string(),
  role: z.string(),
});
export type Member = z.infer<typeof Member>;

export const MemberInput = z.object({
  name: z.string().trim().min(1, { error: 'Medlemmet skal have et navn' }).max(200),
  organisation: z.string().trim().max(200).default(''),
  role: z.string().trim().max(100).default(''),
});

export const RELATION_KINDS = ['forbereder', 'raadgiver', 'refererer_til'] as const;
export const RelationKind = z.enum(RELATION_KINDS, { error: 'Ukendt relation' });
export type RelationKind = z.infer<typeof RelationKind>;
export const RELATION_LABELS: Record<RelationKind, string> = { forbereder: 'forbereder sager til', raadgiver: 'rådgiver', refererer_til: 'refererer til' };

export const Relation = z.object({ id: z.uuid(), fromBodyId: z.uuid(), toBodyId: z.uuid(), kind: RelationKind });
export type Relation = z.infer<typeof Relation>;
