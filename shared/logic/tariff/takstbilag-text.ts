import { formatInteger, formatPercent } from '../../format/numbers';
import { escapeHtml } from '../../format/html';
import type { Takstbilag } from './takstbilag';

/** The drafted texts of the takstbilag's agenda item: title, Resumé (rich text) and Indstilling. */
export interface TakstbilagItemText {
  title: string;
  resume: string;
  recommendations: string[];
}

const count = (n: number, one: string, many: string) => `${formatInteger(n)} ${n === 1 ? one : many}`;
const signed = (share: number) => `${share > 0 ? '+' : share < 0 ? '−' : ''}${formatPercent(Math.abs(share), 1)}`;

/** As the DAS papers word their items: «DAS godkender …» in the Indstilling. */
export function takstbilagItemText(annex: Takstbilag, bodyCode: string): TakstbilagItemText {
  const { year, totals } = annex;
  const withPrevious = annex.operators.flatMap((o) => o.groups.flatMap((g) => g.rows)).filter((r) => r.changeShare !== null).length;
  const sentences = [
    `Sekretariatet har samlet takstberegningsskemaerne for ${year}: ${count(totals.offers, 'tilbud', 'tilbud')} hos ${count(totals.operators, 'driftsherre', 'driftsherrer')}.`,
    totals.averageChangeShare === null
      ? `Ingen af tilbuddene havde en takst for ${year - 1}, så ændringen kan ikke opgøres.`
      : `Taksterne ændres i gennemsnit ${signed(totals.averageChangeShare)} i forhold til ${year - 1} (gennemsnit af ${count(withPrevious, 'tilbud', 'tilbud')} med en takst for ${year - 1}).`,
    totals.flags === 0
      ? 'Kontrollen af skemaerne har ingen bemærkninger.'
      : `Kontrollen af skemaerne giver ${count(totals.flags, 'bemærkning', 'bemærkninger')} ved ${count(totals.flaggedOffers, 'tilbud', 'tilbud')}; de står i takstbilaget.`,
    'Når DAS har godkendt takstbilaget, er de indsendte skemaer godkendt og låst; en ændring i årets løb er en ny version, som FU godkender.',
    ...annex.notes,
  ];
  return {
    title: `Takstbilag ${year}`,
    resume: `<p>${escapeHtml(sentences.join(' '))}</p>`,
    recommendations: [`${bodyCode} godkender takstbilaget for ${year}`],
  };
}
