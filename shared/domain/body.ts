import { z } from 'zod';
import { RecordMeta, Revisioned } from './common';

/**
 * How a body numbers the attachments of a meeting: across the whole meeting ("Bilag 1–N", as the DAS papers do) or
 * from 1 in each item (as the Danske Regioner committees do).
 */
export const ATTACHMENT_NUMBERINGS = ['meeting', 'item'] as const;
export const AttachmentNumbering = z.enum(ATTACHMENT_NUMBERINGS, { error: 'Ukendt bilagsnummerering' });
export type AttachmentNumbering = z.infer<typeof AttachmentNumbering>;
export const ATTACHMENT_NUMBERING_LABELS: Record<AttachmentNumbering, string> = {
  meeting: 'Fortløbende for hele mødet (Bilag 1–N)',
  item: 'Forfra i hvert punkt',
};

/** How a body's papers look: layout A of the DAS papers or layout C of the Danske Regioner committees (domain.md §1.3, §1.5). */
export const PAPER_LAYOUTS = ['A', 'C'] as const;
export const PaperLayout = z.enum(PAPER_LAYOUTS, { error: 'Ukendt layout' });
export type PaperLayout = z.infer<typeof PaperLayout>;
export const PAPER_LAYOUT_LABELS: Record<PaperLayout, string> = { A: 'A – DAS', C: 'C – Danske Regioner' };

/** Whether each item of the papers starts on a new page (as the DAS papers) or the items follow on continuous pages. */
export const ITEM_BREAKS = ['page', 'continuous'] as const;
export const ItemBreak = z.enum(ITEM_BREAKS, { error: 'Ukendt sideskift' });
export type ItemBreak = z.infer<typeof ItemBreak>;
export const ITEM_BREAK_LABELS: Record<ItemBreak, string> = { page: 'Hvert punkt på en ny side', continuous: 'Punkterne i forlængelse af hinanden' };

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
  attachmentNumbering: AttachmentNumbering,
  paperLayout: PaperLayout,
  itemBreak: ItemBreak,
});

export const Body = BodyFields.extend({
  ...RecordMeta.shape,
  meetingCount: z.number().int(),
  /** Item sections this body does not use; hidden in the editor. */
  hiddenSections: z.array(z.string()),
});
export type Body = z.infer<typeof Body>;

export const BodyDraft = BodyFields.extend({ description: BodyFields.shape.description.default(''), attachmentNumbering: AttachmentNumbering.default('meeting'),
  paperLayout: PaperLayout.default('A'),
  itemBreak: ItemBreak.default('page'),
});
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
