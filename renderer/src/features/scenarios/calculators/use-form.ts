import { useState } from 'react';

/**
 * A calculator's inputs and the preset they were filled with. Editing any input leaves the preset: the printed
 * figures belong to the paper's inputs only, so they are shown only while those are unchanged.
 */
export function useCalculatorForm<F extends object, P extends { id: string }>(initial: F) {
  const [form, setForm] = useState<F>(initial);
  const [preset, setPreset] = useState<P | null>(null);
  const set = (patch: Partial<F>) => {
    setForm((current) => ({ ...current, ...patch }));
    setPreset(null);
  };
  const load = (next: P, values: F) => {
    setForm(values);
    setPreset(next);
  };
  return { form, set, preset, load };
}
