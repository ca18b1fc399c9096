import type { PaperLayout } from '../domain/body';
import { attachmentLabel, DECISION_LABEL } from './labels';
import type { DocumentAttachment, DocumentItem } from './model';

/** The parts of an item the renderers print, each in its own way. */
export type ItemPart = 'resume' | 'recommendations' | 'decision' | 'caseText' | 'economy' | 'consultation' | 'attachments';

/**
 * What sets one body's papers apart from another's: data read by both renderers (render.ts and docx.ts), not a
 * renderer of its own. A part with nothing in it is never printed.
 */
export interface LayoutSpec {
  /** The item's parts in print order; the decision is printed in minutes only. */
  parts: readonly ItemPart[];
  decisionLabel: string;
  /** «(Offentlig)» / «(Fortrolig)» before the item's title in its heading. */
  publicityInHeading: boolean;
  /** Each attachment listed with the item's case number: «1. Titel (EMN-2022-00567)». */
  attachmentWithCase: boolean;
}

export const LAYOUTS: Record<PaperLayout, LayoutSpec> = {
  // The DAS papers (domain.md §1.3): the decision right after the Indstilling it decides.
  A: {
    parts: ['resume', 'recommendations', 'decision', 'caseText', 'economy', 'consultation', 'attachments'],
    decisionLabel: DECISION_LABEL,
    publicityInHeading: false,
    attachmentWithCase: false,
  },
  // The Danske Regioner committees (domain.md §1.5, file 003): «Beslutninger» after all the case's sections, before Bilag.
  C: {
    parts: ['resume', 'recommendations', 'caseText', 'economy', 'consultation', 'decision', 'attachments'],
    decisionLabel: 'Beslutninger',
    publicityInHeading: true,
    attachmentWithCase: true,
  },
};

/** The item's title as its heading shows it: «(Offentlig) Aftale om sundhedsreform» in layout C. */
export const headingTitle = (layout: LayoutSpec, item: Pick<DocumentItem, 'closed' | 'title'>) =>
  layout.publicityInHeading ? `${item.closed ? '(Fortrolig)' : '(Offentlig)'} ${item.title}` : item.title;

/** A case number as the committees print them: EMN-2022-00567, MDR-2024-00035. */
const CASE_NUMBER = /\b[A-ZÆØÅ]{2,5}-\d{4}-\d{3,}\b/;

/**
 * One attachment of the list: «Bilag 2: Titel», or in layout C «2. Titel (EMN-2022-00567)» with the item's case
 * number, unless the title carries the attachment's own document and case numbers already («… (1740088 - EMN-2022-00567)»).
 */
export function attachmentLine(layout: LayoutSpec, item: Pick<DocumentItem, 'caseNumber'>, a: Pick<DocumentAttachment, 'number' | 'title'>): string {
  if (!layout.attachmentWithCase) return attachmentLabel(a);
  const caseNumber = item.caseNumber && !CASE_NUMBER.test(a.title) ? ` (${item.caseNumber})` : '';
  return `${a.number}. ${a.title}${caseNumber}`;
}
