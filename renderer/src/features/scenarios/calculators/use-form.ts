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
  /** The preset menu's handler: fills the form with the picked preset's figures. */
  const loadFrom = (presets: readonly P[], toForm: (preset: P) => F) => (id: string) => {
    const picked = presets.find((p) => p.id === id);
    if (picked) load(picked, toForm(picked));
  };
  return { form, set, preset, load, loadFrom };
}
