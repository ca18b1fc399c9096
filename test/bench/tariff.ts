/**
 * Issue 5 figures: `npm run -s bench:tariff`. One start-up scenario of the NT-1 kind (10 places, three ramp-up
 * years, a fixed/variable cost split, the Region's share and 11 municipalities by population) computed 10 000 times
 * with varied inputs, through the pure engine in shared/logic/tariff. Budget: one scenario < 1 ms, 10 000 < 2 s.
 */
import { performance } from 'node:perf_hooks';
import { dailyTariff } from '../../shared/logic/tariff/daily-tariff';
import { kroner } from '../../shared/logic/tariff/money';
import { startupScenario } from '../../shared/logic/tariff/startup';
import { homeRuleSet } from '../../shared/logic/tariff/rule-set';

const RULES = homeRuleSet(2022);
import { REFERENCE_ORGANISATIONS } from '../../shared/domain/reference-data';

const population = Object.fromEntries(REFERENCE_ORGANISATIONS.filter((o) => o.kind === 'kommune').map((m) => [m.name, m.population['2021K2']!]));

function scenario(i: number) {
  const budget = kroner(22_900_000 + (i % 97) * 10_000);
  return startupScenario({
    rules: RULES,
    places: 10,
    years: [
      { year: 2022, occupancy: 0.5 + (i % 5) / 100 },
      { year: 2023, occupancy: 0.7 },
      { year: 2024, occupancy: 0.8 + (i % 7) / 100 },
    ],
    startupCosts: kroner(2_200_000),
    fullOperationBudget: budget,
    fixedShare: 0.6 + (i % 3) / 20,
    dailyTariff: dailyTariff({ rules: RULES, budget, places: 10, occupancy: 0.9 }),
    split: { regionShare: i % 2 ? 0.25 : 0, municipalities: population },
  });
}

for (let i = 0; i < 500; i++) scenario(i); // warm-up
const single: number[] = [];
for (let i = 0; i < 1000; i++) {
  const t0 = performance.now();
  scenario(i);
  single.push(performance.now() - t0);
}
single.sort((a, b) => a - b);
const runs: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) scenario(i);
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
const fmt = (x: number, d = 3) => x.toLocaleString('da-DK', { maximumFractionDigits: d });
console.table({
  'Ét scenarie (median / p99)': `${fmt(single[500]!)} ms / ${fmt(single[990]!)} ms (budget < 1 ms)`,
  '10.000 scenarier (median af 5)': `${fmt(runs[2]!, 0)} ms (budget < 2 s)`,
});
