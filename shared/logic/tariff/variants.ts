import type { ScenarioInput } from '../../domain/scenario';

/**
 * A variant is its base scenario with some inputs overridden. Overrides are a sparse copy of the input: an object
 * overrides field by field, anything else (numbers, strings, arrays such as the years) replaces the base value whole,
 * and null removes the base's field.
 */
export type ScenarioOverrides = DeepPartial<ScenarioInput>;
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The variant's full input: the base with the overrides laid over it. */
export function applyOverrides(base: ScenarioInput, overrides: ScenarioOverrides): ScenarioInput {
  return merge(base, overrides) as ScenarioInput;
}

function merge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  // The municipal key is a whole (a weight left out means that municipality is out), so it replaces like an array.
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // null removes the base's field (JSON has no undefined): a variant that enters deficits drops the base's fixedShare.
    if (value === null) delete out[key];
    else out[key] = key === 'key' ? value : merge(base[key], value);
  }
  return out;
}

/** The dotted paths a variant overrides with a value different from its base ("occupancy", "split.regionShare"), for highlighting. */
export function overriddenPaths(base: ScenarioInput, overrides: ScenarioOverrides): string[] {
  const paths: string[] = [];
  const walk = (b: unknown, o: unknown, path: string) => {
    if (o === undefined) return;
    if (isPlainObject(b) && isPlainObject(o) && !path.endsWith('key')) {
      for (const [key, value] of Object.entries(o)) walk(b[key], value, path ? `${path}.${key}` : key);
    } else if (JSON.stringify(b) !== JSON.stringify(o)) paths.push(path);
  };
  walk(base, overrides, '');
  return paths;
}

/**
 * The overrides that turn `base` into `edited`: the inverse of {@link applyOverrides}, as sparse as it can be (only the
 * fields that differ; inside `split`, the Region share and the key separately). The name is the record's, never an
 * override. `applyOverrides(base, diffOverrides(base, edited))` equals `edited` up to the name.
 */
export function diffOverrides(base: ScenarioInput, edited: ScenarioInput): ScenarioOverrides {
  const overrides: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of Object.keys(edited) as (keyof ScenarioInput)[]) {
    if (key === 'name') continue;
    if (key === 'split') {
      const split: Record<string, unknown> = {};
      if (!same(base.split.regionShare, edited.split.regionShare)) split.regionShare = edited.split.regionShare;
      if (!same(base.split.key, edited.split.key)) split.key = edited.split.key;
      if (Object.keys(split).length > 0) overrides.split = split;
    } else if (!same(base[key], edited[key])) overrides[key] = edited[key];
  }
  // Switching between computed and entered deficits: the side the variant leaves must go, not fall back to the base.
  if (edited.fixedShare === undefined && base.fixedShare !== undefined) overrides.fixedShare = null;
  if (edited.deficits === undefined && base.deficits !== undefined) overrides.deficits = null;
  return overrides as ScenarioOverrides;
}
