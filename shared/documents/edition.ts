import { foldDanish } from '../format/fold';
import { mapAttachmentReferences } from './references';
import { CLOSED_ITEM_TITLE, type DocumentAttachment, type DocumentItem, type DocumentModel } from './model';

/**
 * The public edition: a closed item keeps only its number (and its title where the item allows it); nothing else of
 * it, and no closed attachment anywhere, not even its title. The internal edition is the model as it is.
 */
export function applyEdition(model: DocumentModel, edition: DocumentModel['edition']): DocumentModel {
  if (edition === 'internal') return { ...model, edition };
  return { ...model, edition, items: renumberPublic(model).map(publicItem) };
}

/**
 * The public edition numbers only the attachments it carries (across the meeting or in each item, as the body does),
 * and the open items' texts follow: "jf. bilag 6" becomes the public number of the attachment that is Bilag 6 in the
 * internal edition. The mapping goes through the attachments themselves (internal number -> attachment -> public
 * number), so it cannot drift from the list it renumbers; a reference to a left-out attachment says so.
 */
function renumberPublic(model: DocumentModel): DocumentItem[] {
  // One mapping for the meeting, or one per item: every attachment's internal number -> its public one (null: left out).
  const maps = new Map<string, Map<number, number | null>>();
  let numbers = new Map<number, number | null>();
  let next = 0;
  const items = model.items.map((item) => {
    if (model.attachmentNumbering === 'item') {
      numbers = new Map();
      next = 0;
    }
    maps.set(item.id, numbers);
    const open = item.closed ? [] : item.attachments.filter((a) => !a.closed);
    for (const a of item.attachments) numbers.set(a.number, open.includes(a) ? ++next : null);
    return { ...item, attachments: open.map((a) => ({ ...a, number: numbers.get(a.number)! })) };
  });
  return items.map((item) => (item.closed ? item : { ...item, ...referencesRenumbered(item, maps.get(item.id)!) }));
}

/** "bilag 6" and "bilag 2–6" in the item's texts with the numbers mapped. */
function referencesRenumbered(item: DocumentItem, numbers: ReadonlyMap<number, number | null>) {
  const rewrite = (html: string) =>
    mapAttachmentReferences(html, (n) => {
      const mapped = numbers.get(n);
      return mapped === null ? LEFT_OUT_ATTACHMENT : mapped?.toString();
    });
  return {
    resume: rewrite(item.resume),
    caseText: rewrite(item.caseText),
    economy: rewrite(item.economy),
    consultation: rewrite(item.consultation),
    recommendations: item.recommendations.map(rewrite),
    decision: item.decision && { ...item.decision, text: rewrite(item.decision.text) },
  };
}

/** Where an open text refers to an attachment the public edition leaves out. */
export const LEFT_OUT_ATTACHMENT = '(ikke offentligt)';

function publicItem(item: DocumentItem): DocumentItem {
  if (!item.closed) return item;
  return {
    id: item.id,
    number: item.number,
    title: item.closedTitleVisible ? item.title : CLOSED_ITEM_TITLE,
    kind: item.kind,
    closed: true,
    closedTitleVisible: item.closedTitleVisible,
    caseNumber: '',
    caseOfficer: '',
    guests: [],
    resume: '',
    recommendations: [],
    caseText: '',
    economy: '',
    consultation: '',
    decision: null,
    followUps: [],
    attachments: [],
  };
}

/**
 * The one rule of what a public output may not contain (the leak check's input): every text of the closed items
 * (title unless chosen to be shown, case number, officer, guests, sections, Indstilling, decision, reservations,
 * follow-ups) and
 * of every closed attachment (its title and its extracted text), wherever it is attached. Only names and numbers
 * that also stand openly are left out (a meeting's case number shared by its open items, an officer of both), and
 * the placeholder title; a text of a closed item copied into an open one is the very leak the check is for.
 */
export function closedTexts(model: DocumentModel): string[] {
  const openText = ` ${foldedWords(model.items.filter((item) => !item.closed).flatMap(openTextsOf).join(' '))} `;
  const closedOnly = (text: string) => text.trim() !== '' && !openText.includes(` ${foldedWords(text)} `);
  const closedItems = model.items.filter((item) => item.closed);
  const identifiers = closedItems.flatMap((item) => [item.caseNumber, item.caseOfficer, ...item.guests.map((g) => g.name), ...item.followUps.map((f) => f.owner)]).filter(closedOnly);
  const texts = closedItems
    .flatMap((item) => [
      ...(item.closedTitleVisible || item.title.trim() === CLOSED_ITEM_TITLE ? [] : [item.title]),
      item.resume,
      ...item.recommendations,
      item.caseText,
      item.economy,
      item.consultation,
      item.decision?.text ?? '',
      ...(item.decision?.reservations.map((r) => r.text) ?? []),
      ...item.followUps.map((f) => f.action),
      ...item.attachments.flatMap(closedAttachmentTexts),
    ])
    .concat(model.items.filter((item) => !item.closed).flatMap((item) => item.attachments.filter((a) => a.closed).flatMap(closedAttachmentTexts)));
  return [...identifiers, ...texts.filter((text) => text.trim() !== '')];
}

const closedAttachmentTexts = (a: DocumentAttachment) => [a.title, a.text ?? ''];

function openTextsOf(item: DocumentItem): string[] {
  return [item.title, item.caseNumber, item.caseOfficer, ...item.guests.map((g) => g.name), item.resume, ...item.recommendations, item.caseText, item.economy, item.consultation, item.decision?.text ?? '', ...item.followUps.flatMap((f) => [f.action, f.owner])];
}

const foldedWords = (text: string) => (foldDanish(text.replace(/<[^>]*>/g, ' ')).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
