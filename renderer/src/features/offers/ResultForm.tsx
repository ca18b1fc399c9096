import { NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ResultSave, type LedgerYear } from '../../../../shared/domain/tariff-year';
import type { OfferRow } from '../../../../shared/domain/offer-register';
import { FormFooter } from '../../components/FormFooter';
import { messageOf } from '../../api/client';
import { KronerInput, YearInput } from '../../components/NumberInputs';
import { saveResult } from './store';

interface Value {
  year: number | string;
  basis: number | string;
  result: number | string;
  setAside: number | string;
  activity: number | string;
  capacity: number | string;
  note: string;
}

const kroner = (ore: number | null) => (ore === null ? '' : ore / 100);
const ore = (v: number | string) => (typeof v === 'number' ? Math.round(v * 100) : NaN);
const optional = (v: number | string, map: (n: number) => number = (n) => n) => (typeof v === 'number' ? map(v) : null);

/** «Registrér resultat»: a year's realised figures (årsregnskab), or a correction of one already entered. */
export function ResultForm({ offer, result, onClose }: { offer: OfferRow; result: LedgerYear | null; onClose(): void }) {
  const [value, setValue] = useState<Value>(() =>
    result
      ? { year: result.year, basis: result.basis / 100, result: result.result / 100, setAside: kroner(result.entered.setAside), activity: result.entered.activity ?? '', capacity: result.entered.capacity ?? '', note: result.note }
      : { year: offer.year - 1, basis: '', result: '', setAside: '', activity: '', capacity: '', note: '' },
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<Value>) => {
    setValue((v) => ({ ...v, ...patch }));
    setError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = ResultSave.safeParse({
      ...(result ? { id: result.resultId, revision: result.revision } : {}),
      offerId: offer.id,
      year: value.year,
      basis: ore(value.basis),
      result: ore(value.result),
      setAside: optional(value.setAside, (n) => Math.round(n * 100)),
      activity: optional(value.activity),
      capacity: optional(value.capacity),
      note: value.note,
    });
    if (!check.success) return setError(check.error.issues[0]?.message ?? 'Resultatet er ikke udfyldt rigtigt.');
    setBusy(true);
    try {
      await saveResult(check.data);
      notifications.show({ color: 'teal', message: `Resultatet for ${check.data.year} er gemt.`, autoClose: 4000 });
      onClose();
    } catch (failure) {
      // In the dialog, beside its button: a notification would cover the button at 1280×720.
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Resultat">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <YearInput label="Regnskabsår" required disabled={result !== null} value={value.year} onChange={(v) => change({ year: v })} data-autofocus />
          <KronerInput label="Takstberegningsgrundlag (G)" required value={value.basis} onChange={(v) => change({ basis: v })} />
          <KronerInput label="Årets resultat (R)" description="Overskud positivt, underskud negativt" required allowNegative value={value.result} onChange={(v) => change({ result: v })} />
          <KronerInput label="Hensat af overskuddet" description="Tom: det, reglen tillader (op til 5 % af G)" value={value.setAside} onChange={(v) => change({ setAside: v })} />
          <NumberInput label="Realiseret aktivitet" description="Fx belagte dage" min={0} decimalSeparator="," thousandSeparator="." hideControls value={value.activity} onChange={(v) => change({ activity: v })} />
          <NumberInput label="Kapacitet" description="I samme enhed som aktiviteten" min={0} decimalSeparator="," thousandSeparator="." hideControls value={value.capacity} onChange={(v) => change({ capacity: v })} />
        </SimpleGrid>
        <Textarea label="Note" autosize minRows={2} value={value.note} onChange={(e) => change({ note: e.currentTarget.value })} />
        <FormFooter submitLabel="Gem resultat" busy={busy} onCancel={onClose} error={error} />
      </Stack>
    </form>
  );
}
