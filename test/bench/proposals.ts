/**
 * Issue 7 figures at the ten-year volume: `npm run -s bench:proposals`. Ten years of meetings (500 meetings, 10 000
 * items) and 60 proposals — about six a year, more than the secretariat carries — each with three versions linked to
 * the NT-1 scenarios, a route of four steps and a response from every municipality. Medians and 95th percentiles
 * through the backend's own contract calls; putting a proposal on an agenda prints its four annexes with Chromium.
 * The issue states no budget; the UI's own bar is that opening a proposal, its economy and a comparison feel instant
 * (< 100 ms each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend } from '../../electron/backend/backend';
import { chromiumPrinter } from '../../electron/host/chromium-printer';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { generateAgendas } from './generate-agenda';
import { generateYearsOfMeetings } from './generate';

const PROPOSALS = 60;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const fmt = (x: number) => `${x.toLocaleString('da-DK', { maximumFractionDigits: 1 })} ms`;
const spread = (xs: number[]) => `median ${fmt(percentile(xs, 50))}, p95 ${fmt(percentile(xs, 95))}`;

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'sekretariat-bench-proposals-'));
const backend = await openBackend({ databaseFile: join(dir, 'ti-aar.db'), appVersion: 'bench', printer: chromiumPrinter() });
const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
  const r = await backend.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as MethodOutput<M>;
};

try {
  const t0 = performance.now();
  await generateYearsOfMeetings(backend.database.db, 2016, 10);
  await generateAgendas(backend.database.db);
  await call('demo.load', {});
  const nt1 = (await call('proposals.list', {})).find((p) => p.code === 'NT-1')!;
  const template = await call('proposals.get', { id: nt1.id });
  const organisations = (await call('organisations.list', {})).filter((o) => o.kind === 'kommune');
  const bodies = await call('bodies.list', {});
  const route = ['BUDK', 'DAS', 'DAS', 'KKR'].map((code, i) => ({ bodyId: bodies.find((b) => b.code === code)!.id, versionNumber: i < 2 ? 1 : null, manualOutcome: i === 0 ? ('droeftet' as const) : null }));
  const ids: string[] = [];
  for (let n = 0; n < PROPOSALS; n++) {
    const created = await call('proposals.create', { code: `NT-${n + 10}`, title: `Nyt tilbud nr. ${n + 10}`, content: template.versions[0]!.content });
    let proposal = created;
    for (const version of template.versions) {
      const own = proposal.versions.at(-1)!;
      await call('proposals.updateVersion', { id: own.id, revision: own.revision, patch: { content: version.content, scenarios: version.scenarios.map((s) => ({ scenarioId: s.scenarioId, frozenNumber: null })), chosenScenarioId: version.chosenScenarioId, consultation: version.consultation } });
      proposal = await call('proposals.revise', { proposalId: created.id });
    }
    await call('proposals.setSteps', { proposalId: created.id, steps: route });
    const v1 = proposal.versions[0]!;
    for (const o of organisations) await call('proposals.saveResponse', { versionId: v1.id, organisationId: o.id, respondent: o.name, stance: 'stoetter', text: 'Vi finder tilbuddet relevant. '.repeat(20) });
    ids.push(created.id);
  }
  console.log(`Genereret på ${fmt(performance.now() - t0)}: 500 møder, 10.000 punkter, ${PROPOSALS} forslag med 3 versioner, 4 trin og 11 høringssvar hver`);

  const list = await time(50, () => call('proposals.list', {}));
  const open = await time(100, (i) => call('proposals.get', { id: ids[i % ids.length]! }));
  const economy = await time(100, (i) => call('proposals.economy', { proposalId: ids[i % ids.length]!, versionNumber: 2 }));
  const diff = await time(100, (i) => call('proposals.diff', { proposalId: ids[i % ids.length]!, from: 1, to: 2 }));
  const municipalities = await time(100, (i) => call('proposals.municipalities', { proposalId: ids[i % ids.length]!, versionNumber: 2 }));
  const xlsx = await time(10, (i) => call('proposals.exportMunicipality', { proposalId: ids[i]!, versionNumber: 2, organisationName: 'Aalborg Kommune', format: 'xlsx' }));
  const pdf = await time(5, (i) => call('proposals.exportMunicipality', { proposalId: ids[i]!, versionNumber: 2, organisationName: 'Aalborg Kommune', format: 'pdf' }));
  const meeting = (await call('meetings.list', {})).find((m) => m.bodyCode === 'DAS' && m.date === '2021-08-23')!;
  const onAgenda = await time(5, async (i) => {
    const job = await call('proposals.putOnAgenda', { proposalId: ids[i]!, versionNumber: 1, meetingId: meeting.id });
    for (let status = job; status.state === 'running'; status = await call('jobs.get', { id: job.id })) await new Promise((r) => setTimeout(r, 10));
  });

  console.table({
    [`Liste over ${PROPOSALS} forslag med status`]: spread(list),
    'Åbn forslag (versioner, trin, høringssvar)': spread(open),
    'Økonomi for en version (3 scenarier gennem motoren)': spread(economy),
    'Sammenlign version 1 og 2': spread(diff),
    'Betaling pr. kommune (valgt scenarie)': spread(municipalities),
    'Eksport for én kommune, .xlsx': spread(xlsx),
    'Eksport for én kommune, PDF (Chromium)': spread(pdf),
    'Sæt på dagsorden (punkt + 4 PDF-bilag)': spread(onAgenda),
  });
} finally {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
}
