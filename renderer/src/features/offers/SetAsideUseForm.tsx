import { Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { SetAsideUseSave, type LedgerYear, type SetAsideUse } from '../../../../shared/domain/tariff-year';
import type { OfferRow } from '../../../../shared/domain/offer-register';
import { formatKroner } from '../../../../shared/format';
import { messageOf } from '../../api/client';
import { FormFooter } from '../../components/FormFooter';
import { KronerInput, YearInput } from '../../components/NumberInputs';
import { saveSetAsideUse, useOffersOfOperator } from './store';

interface Value {
  resultId: string | null;
  year: number | string;
  amount: number | string;
  usedOnOfferId: string | null;
  purpose: string;
}

/** What is left of a set-aside for this use: a correction may take its own amount again. */
const leftFor = (source: LedgerYear, use: SetAsideUse | null) => source.setAsideLeft + (use?.resultId === source.resultId ? use.amount : 0);

const thisYear = () => new Date().getFullYear();
const expired = (y: LedgerYear) => (y.setAsideExpires ?? 0) < thisYear();

/** A year of use within the set-aside's window (the year after it was set aside up to its expiry), nearest to now. */
function defaultYear(source: LedgerYear | undefined): number | string {
  if (!source) return '';
  return Math.min(Math.max(thisYear(), source.year + 1), source.setAsideExpires ?? thisYear());
}

/**
 * «Brug hensættelse»: a use of a set-aside (Styringsaftalen 5.3.1) — the year, the amount, the operator's offer it goes
 * to and what it pays for — or a correction of one already recorded. The backend checks the window and what is left.
 */
export function SetAsideUseForm({ offer, years, use, onClose }: { offer: OfferRow; years: readonly LedgerYear[]; use: SetAsideUse | null; onClose(): void }) {
  const sources = use ? years.filter((y) => y.resultId === use.resultId) : years.filter((y) => y.setAsideLeft > 0);
  const siblings = useOffersOfOperator(offer.operatorId);
  const [value, setValue] = useState<Value>(() => {
    if (use) return { resultId: use.resultId, year: use.year, amount: use.amount / 100, usedOnOfferId: use.usedOnOfferId, purpose: use.purpose };
    // The oldest set-aside that can still be used; an expired one only when chosen (a use recorded afterwards).
    const first = sources.find((y) => !expired(y)) ?? sources[0];
    return { resultId: first?.resultId ?? null, year: defaultYear(first), amount: '', usedOnOfferId: offer.id, purpose: '' };
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<Value>) => {
    setValue((v) => ({ ...v, ...patch }));
    setError(null);
  };
  const source = sources.find((y) => y.resultId === value.resultId);
  const offers = siblings.some((o) => o.id === offer.id) ? siblings : [offer, ...siblings];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!value.resultId) return setError('Vælg den hensættelse, der bruges.');
    const check = SetAsideUseSave.safeParse({
      ...(use ? { id: use.id, revision: use.revision } : {}),
      resultId: value.resultId,
      year: value.year,
      amount: typeof value.amount === 'number' ? Math.round(value.amount * 100) : NaN,
      usedOnOfferId: value.usedOnOfferId,
      purpose: value.purpose,
    });
    if (!check.success) return setError(check.error.issues[0]?.message ?? 'Brugen af hensættelsen er ikke udfyldt rigtigt.');
    setBusy(true);
    try {
      await saveSetAsideUse(check.data);
      notifications.show({ color: 'teal', message: `Brugen af hensættelsen fra ${source?.year ?? ''} er gemt.`, autoClose: 4000 });
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Brug af hensættelse">
      <Stack gap="sm">
        <Select
          label="Hensættelse"
          required
          allowDeselect={false}
          disabled={use !== null}
          data={sources.map((y) => ({ value: y.resultId, label: `Fra ${y.year} (${expired(y) ? 'udløb' : 'udløber'} ${y.setAsideExpires ?? '–'})` }))}
          value={value.resultId}
          onChange={(id) => change({ resultId: id, year: defaultYear(sources.find((y) => y.resultId === id)) })}
          data-autofocus={use === null ? true : undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <YearInput
            label="Bruges i år"
            description={source?.setAsideExpires ? `Kan bruges ${source.year + 1}–${source.setAsideExpires}` : undefined}
            required
            value={value.year}
            onChange={(v) => change({ year: v })}
            data-autofocus={use !== null ? true : undefined}
          />
          <KronerInput
            label="Beløb"
            description={source ? `${formatKroner(leftFor(source, use))} tilbage af ${formatKroner(source.setAside)}` : undefined}
            required
            value={value.amount}
            onChange={(v) => change({ amount: v })}
          />
        </SimpleGrid>
        <Select
          label="Bruges på tilbuddet"
          description="Driftsherrens egne tilbud. Tom: ikke på et bestemt tilbud"
          clearable
          searchable
          data={offers.map((o) => ({ value: o.id, label: o.category === 1 ? `${o.name} (kategori 1)` : o.name }))}
          value={value.usedOnOfferId}
          onChange={(id) => change({ usedOnOfferId: id })}
        />
        <Textarea label="Bruges til" required autosize minRows={2} value={value.purpose} onChange={(e) => change({ purpose: e.currentTarget.value })} />
        <FormFooter submitLabel="Gem brugen" busy={busy} onCancel={onClose} error={error} />
      </Stack>
    </form>
  );
}
