import { useNavigation } from '../../stores/navigation';
import { OfferPage } from './OfferPage';
import { OfferRegister } from './OfferRegister';
import { OperatorLedgerPage } from './OperatorLedgerPage';

/** Tilbudsregister: the register, one offer (#/tilbud/<id>), or an operator's 5 % ledger (#/tilbud/driftsherre/<id>). */
export function OffersPage() {
  const offerId = useNavigation((s) => s.offerId);
  const operatorId = useNavigation((s) => s.operatorLedgerId);
  if (offerId) return <OfferPage key={offerId} offerId={offerId} />;
  if (operatorId) return <OperatorLedgerPage key={operatorId} operatorId={operatorId} />;
  return <OfferRegister />;
}
