import { useNavigation } from '../../stores/navigation';
import { OfferPage } from './OfferPage';
import { OfferRegister } from './OfferRegister';

/** Tilbud: the register, or one offer when the address names it (#/tilbud/<id>). */
export function OffersPage() {
  const offerId = useNavigation((s) => s.offerId);
  return offerId ? <OfferPage key={offerId} offerId={offerId} /> : <OfferRegister />;
}
