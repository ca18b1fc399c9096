import { foldDanish } from '../format/fold';
import { CLOSED_ITEM_TITLE, type DocumentItem, type DocumentModel } from './model';

/**
 * The public edition: a closed item keeps only its number (and its title where the item allows it); nothing else of
 * it, and no closed attachment anywhere, not even its title. The internal edition is the model as it is.
 */
export function applyEdition(model: DocumentModel, edition: DocumentModel['edition']): DocumentModel {
  if (edition === 'internal') return { ...model, edition };
  return { ...model, edition, items: model.items.map(publicItem) };
}

function publicItem(item: DocumentItem): DocumentItem {
  if (!item.closed) {
    const open = item.attachments.filter((a) => !a.closed).map((a, i) => ({ ...a, number: i + 1 }));
    return { ...item, attachments: open };
  }
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
    attachments: [],
  };
}

/**
 * Every text of the closed items that a public edition must not contain (the leak check's input). Texts that also
 * stand openly are left out: the placeholder title, and e.g. a meeting's case number shared by its open items.
 */
export function closedTexts(model: DocumentModel): string[] {
  const openText = ` ${foldedWords(model.items.filter((item) => !item.closed).flatMap(openTextsOf).join(' '))} `;
  const isOpenToo = (text: string) => {
    const words = foldedWords(text);
    return words !== '' && (text.trim() === CLOSED_ITEM_TITLE || openText.includes(` ${words} `));
  };
  return model.items
    .filter((item) => item.closed)
    .flatMap((item) => [
      ...(item.closedTitleVisible ? [] : [item.title]),
      item.caseNumber,
      item.caseOfficer,
      ...item.guests.map((g) => g.name),
      item.resume,
      ...item.recommendations,
      item.caseText,
      item.economy,
      item.consultation,
      item.decision?.text ?? '',
      ...(item.decision?.reservations.map((r) => r.text) ?? []),
      ...item.attachments.map((a) => a.title),
    ])
    .concat(model.items.filter((item) => !item.closed).flatMap((item) => item.attachments.filter((a) => a.closed).map((a) => a.title)))
    .filter((text) => text.trim() !== '' && !isOpenToo(text));
}

function openTextsOf(item: DocumentItem): string[] {
  return [item.title, item.caseNumber, item.caseOfficer, ...item.guests.map((g) => g.name), item.resume, ...item.recommendations, item.caseText, item.economy, item.consultation, item.decision?.text ?? ''];
}

const foldedWords = (text: string) => (foldDanish(text.replace(/<[^>]*>/g, ' ')).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
