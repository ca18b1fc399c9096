import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioInput } from '../../shared/domain/scenario';
import { compareScenarios } from '../../shared/logic/tariff/compare';
import { canonicalJson } from '../../shared/logic/tariff/freeze';
import { computeScenario } from '../../shared/logic/tariff/scenario';
import { occupancySensitivity } from '../../shared/logic/tariff/sensitivity';
import { applyOverrides, diffOverrides, overriddenPaths } from '../../shared/logic/tariff/variants';

const base = ScenarioInput.parse(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'nt1-v1-scenarie-2.json'), 'utf8')));

describe('variants, comparison, sensitivity and fingerprints of scenarios', () => {
  it('lays a variant’s overrides over its base and names what it changes (NT-1 v1 with the Region paying 25 %)', () => {
    const overrides = { name: 'Variant', split: { regionShare: 0.25 }, occupancy: base.occupancy };
    const variant = applyOverrides(base, overrides);
    expect(variant.split).toEqual({ regionShare: 0.25, key: base.split.key });
    expect(variant.years).toBe(base.years);
    expect(overriddenPaths(base, overrides)).toEqual(['name', 'split.regionShare']);
    // The municipal key is replaced whole: leaving a municipality out of a variant's key takes it out.
    expect(applyOverrides(base, { split: { key: { Aalborg: 1 } } }).split.key).toEqual({ Aalborg: 1 });
    expect(overriddenPaths(base, { split: { key: { Aalborg: 1 } } })).toEqual(['split.key']);
  });

  it('turns an edited variant back into the fewest overrides, so a variant stores only what the user changed', () => {
    const edited = { ...base, name: 'Andet navn', occupancy: 0.95, split: { ...base.split, regionShare: 0.25 } };
    const overrides = diffOverrides(base, edited);
    expect(overrides).toEqual({ occupancy: 0.95, split: { regionShare: 0.25 } });
    expect(applyOverrides(base, overrides)).toEqual({ ...edited, name: base.name });
    expect(diffOverrides(base, base)).toEqual({});
    // From entered deficits to a fixed/variable split: the base's deficits are removed, not inherited.
    const { deficits: _, ...withoutDeficits } = base;
    const computed = ScenarioInput.parse({ ...withoutDeficits, fixedShare: 0.6 });
    const switched = diffOverrides(base, computed);
    expect(switched).toEqual({ fixedShare: 0.6, deficits: null });
    expect(ScenarioInput.parse(applyOverrides(base, switched))).toEqual(computed);
    expect(overriddenPaths(base, switched)).toEqual(['fixedShare', 'deficits']);
  });

  it('compares a base with its variant: absolute and relative differences against the base', () => {
    const variant = applyOverrides(base, { split: { regionShare: 0.25 } });
    const figures = compareScenarios([base, variant].map((input) => ({ input, result: computeScenario(input) })));
    const region = figures.find((f) => f.label === 'Heraf Regionen')!;
    expect(region.values).toEqual([0, 200_000_000]);
    expect(region.differences[1]).toEqual({ absolute: 200_000_000, relative: null });
    const municipal = figures.find((f) => f.label === 'Heraf kommunerne')!;
    expect(municipal.values).toEqual([800_000_000, 600_000_000]);
    expect(municipal.differences[1]!.relative).toBeCloseTo(-0.25, 12);
    expect(() => compareScenarios([{ input: base, result: computeScenario(base) }])).toThrow('to til fire scenarier');
  });

  it('shows the tariff falling and the start-up deficit falling as occupancy rises', () => {
    const computed = ScenarioInput.parse({ ...base, deficits: undefined, fixedShare: 0.6 });
    const points = occupancySensitivity(computed);
    expect(points.map((p) => p.occupancy)).toEqual([0.8, 0.85, 0.9, 0.95, 1]);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.dailyTariff).toBeLessThan(points[i - 1]!.dailyTariff);
      expect(points[i]!.operatingDeficit!).toBeLessThanOrEqual(points[i - 1]!.operatingDeficit!);
    }
    expect(occupancySensitivity(base).every((p) => p.operatingDeficit === null)).toBe(true);
  });

  it('writes canonical JSON: the same input in any key order gives the same text', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: undefined }] })).toBe('{"a":[2,{"d":3}],"b":1}');
    expect(canonicalJson({ ...base })).toBe(canonicalJson(Object.fromEntries(Object.entries(base).reverse())));
  });
});
