import { formatNumericDate } from './dates';

/** "DAS 14.12.2022, punkt 5: Kategoriændringer", as the papers cite an agenda item. */
export const itemCitation = (ref: { bodyCode: string; meetingDate: string; itemNumber: number; itemTitle: string }) =>
  `${ref.bodyCode} ${formatNumericDate(ref.meetingDate)}, punkt ${ref.itemNumber}: ${ref.itemTitle}`;
