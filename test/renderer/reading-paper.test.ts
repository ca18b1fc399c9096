import { describe, expect, it } from 'vitest';
import { renderDocument, type DocumentModel } from '../../shared/documents';
import { currentIndex, itemElement, readingHtml } from '../../renderer/src/features/reading/paper-frame';

const item = (number: number, title: string) => ({
  id: `item-${number}`, number, title, kind: 'beslutning' as const, closed: false, closedTitleVisible: false, caseNumber: '', caseOfficer: '', guests: [],
  resume: '<p>Resumé</p>', recommendations: [], caseText: '', economy: '', consultation: '', decision: null, attachments: [], followUps: [],
});
const model: DocumentModel = {
  kind: 'minutes', edition: 'internal', body: { code: 'DAS', name: 'DAS Social' }, meeting: { date: '2021-05-27', startTime: '13:00', endTime: '16:00', location: 'Aalborg' },
  attachmentNumbering: 'meeting', layout: 'A', itemBreak: 'page', minutesApproved: true, participants: [], items: [item(1, 'Godkendelse af dagsorden'), item(2, 'Eventuelt')],
};

describe('the papers in the reading view', () => {
  it('are the printed HTML with screen rules added in its head, the print rules untouched', () => {
    const printed = renderDocument(model);
    const shown = readingHtml(printed);
    expect(shown.replace(/<style>[^<]*content-visibility[^<]*<\/style>\n/, '')).toBe(printed);
    const doc = new DOMParser().parseFromString(shown, 'text/html');
    expect(doc.head.querySelectorAll('style')).toHaveLength(2);
    expect(itemElement(doc, 2)?.textContent).toContain('Eventuelt');
    expect(itemElement(doc, 2)?.tagName).toBe('SECTION');
  });

  it('marks the item whose start has passed the upper third of the window, none on the front page, the last at the end', () => {
    const tops = [1000, 2000, 2600];
    const view = (scrollY: number) => ({ scrollY, height: 900, scrollHeight: 3200 });
    expect(currentIndex(tops, view(0))).toBe(-1);
    expect(currentIndex(tops, view(700))).toBe(0);
    expect(currentIndex(tops, view(1699))).toBe(0);
    expect(currentIndex(tops, view(1700))).toBe(1);
    expect(currentIndex(tops, view(2300))).toBe(2);
  });
});
