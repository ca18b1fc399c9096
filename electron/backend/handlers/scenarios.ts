import {
  getScenarioRecord,
  insertScenario,
  listScenarioRecords,
  listVariantRecords,
  setScenarioDeleted,
  updateScenario,
} from '../../../db/queries/scenarios';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { type Scenario, type ScenarioInput, type ScenarioOverrides } from '../../../shared/domain/scenario';
import { danishCollator, sortDanish } from '../../../shared/format/collate';
import { liveVersionUses, usedScenarioRefusal } from '../../../shared/logic/proposals/scenario-uses';
import { canonicalJson } from '../../../shared/logic/tariff/freeze';
import { computeScenario, type ScenarioResult } from '../../../shared/logic/tariff/scenario';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { exportScenarioAnnex } from '../documents/scenario-annex';
import { AppError, notFound, stale } from '../errors';
import type { WriteScope } from '../write';
import { cleanFileName } from '../files/file-name';
import { baseInput, baseOf, freezeScenario, mustGet, mustGetRecord, summaryOf, usesOf, variantInput, type Checked } from '../services/scenarios';

type ScenarioHandlers = Pick<
  Handlers,
  'scenarios.list' | 'scenarios.get' | 'scenarios.create' | 'scenarios.update' | 'scenarios.delete' | 'scenarios.restore' | 'scenarios.freeze' | 'scenarios.export'
>;

/** The name is the record's, never an override. */
const withoutName = (overrides: ScenarioOverrides): ScenarioOverrides => Object.fromEntries(Object.entries(overrides).filter(([key]) => key !== 'name'));

/** The engine refuses what the rules cannot compute with a RangeError in Danish. */
function compute(input: ScenarioInput): ScenarioResult {
  try {
    return computeScenario(input);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('INVALID_INPUT', error.message);
    throw error;
  }
}

/** "Takstscenarie – NT-1 v1.xlsx"; a slash in the name is no folder. */
const workbookName = (scenarioName: string) => cleanFileName(`Takstscenarie – ${scenarioName.replace(/[\\/]/g, '-')}.xlsx`);
const COMPARISON_FILE_NAME = 'Sammenligning af scenarier.xlsx';

/** Equal figures: the name is the record's and no figure. */
const sameFigures = (a: ScenarioInput, b: ScenarioInput) => canonicalJson({ ...a, name: '' }) === canonicalJson({ ...b, name: '' });
const effective = (checked: Checked) => (checked.ok ? checked.input : null);

export const scenarioHandlers = (ctx: BackendContext): ScenarioHandlers => {
  const write = <T>(ids: readonly string[], work: (trx: Transaction<DB>, scope: WriteScope) => Promise<T>) => ctx.write(['scenarios'], work, { ids });
  return {
    /** Bases in Danish order, each followed by its variants in Danish order. */
    'scenarios.list': async () => {
      const records = await listScenarioRecords(ctx.db);
      const bases = sortDanish(records.filter((r) => r.baseId === null), (r) => r.name);
      const variantsOf = (id: string) => sortDanish(records.filter((r) => r.baseId === id), (r) => r.name);
      const listed = bases.flatMap((base) => [base, ...variantsOf(base.id)]);
      // A living variant of a deleted base cannot arise through the backend; it is shown rather than hidden.
      const orphans = records.filter((r) => !listed.includes(r)).sort((a, b) => danishCollator.compare(a.name, b.name));
      return [...listed, ...orphans].map(summaryOf);
    },

    'scenarios.get': ({ id }) => mustGet(ctx.db, id),

    'scenarios.create': async (draft) => {
      const id = ctx.newId();
      await write([id], async (trx) => {
        if (draft.input !== undefined) {
          await insertScenario(trx, id, { name: draft.name, baseId: null, input: { ...draft.input, name: draft.name }, overrides: {} }, timestamp(ctx));
          return;
        }
        const base = await getScenarioRecord(trx, draft.baseId!);
        if (!base) throw notFound('Grundscenariet');
        if (base.baseId !== null) throw new AppError('INVALID_INPUT', `«${base.name}» er selv en variant. Lav varianten af grundscenariet i stedet.`);
        const overrides = withoutName(draft.overrides ?? {});
        const checked = variantInput(baseInput(base), draft.name, overrides);
        if (!checked.ok) throw new AppError('INVALID_INPUT', `Varianten giver et ugyldigt scenarie: ${checked.message}`);
        await insertScenario(trx, id, { name: draft.name, baseId: base.id, input: null, overrides }, timestamp(ctx));
      });
      return mustGet(ctx.db, id);
    },

    'scenarios.update': async ({ id, revision, patch, confirmedUses }) => {
      await write([id], async (trx, scope) => {
        const current = await mustGetRecord(trx, id);
        if (current.revision !== revision) throw stale('Scenariet');
        const name = patch.name ?? current.name;
        const values: Parameters<typeof updateScenario>[3] = { name };
        // Scenario id → its figures changed by this write; only those reach a proposal.
        const changes = new Map<string, boolean>();
        if (current.baseId === null) {
          if (patch.overrides !== undefined) throw new AppError('INVALID_INPUT', 'Et grundscenarie har ingen ændringer i forhold til et andet scenarie. Ret dets tal direkte.');
          const input: ScenarioInput = { ...(patch.input ?? current.input!), name };
          if (patch.input !== undefined) {
            const before = baseInput(current);
            changes.set(id, !sameFigures(before, input));
            // The variants follow their base: none may become invalid by the change.
            for (const variant of await listVariantRecords(trx, id)) {
              const checked = variantInput(input, variant.name, variant.overrides);
              if (!checked.ok) throw new AppError('INVALID_INPUT', `Ændringen gør varianten «${variant.name}» ugyldig: ${checked.message}`);
              const was = effective(variantInput(before, variant.name, variant.overrides));
              changes.set(variant.id, was === null || !sameFigures(was, checked.input));
            }
          }
          values.input = input;
        } else {
          if (patch.input !== undefined) throw new AppError('INVALID_INPUT', 'En variant gemmer kun det, den ændrer i grundscenariet. Ret grundscenariets tal dér.');
          const overrides = withoutName(patch.overrides ?? current.overrides);
          const base = baseInput(await baseOf(trx, current));
          const checked = variantInput(base, name, overrides);
          if (!checked.ok) throw new AppError('INVALID_INPUT', `Varianten giver et ugyldigt scenarie: ${checked.message}`);
          const was = effective(variantInput(base, current.name, current.overrides));
          changes.set(id, was === null || !sameFigures(was, checked.input));
          values.overrides = overrides;
        }
        // A proposal version that follows the scenario live changes with it: only when the caller has said so.
        const affected = liveVersionUses(id, (await usesOf(trx, current)).filter((use) => changes.get(use.scenarioId)));
        const unconfirmed = affected.filter((use) => !confirmedUses.includes(use.versionId));
        if (unconfirmed.length > 0) throw new AppError('CONFLICT', usedScenarioRefusal(current.name, unconfirmed));
        // The variants follow their base: a window showing one learns that it changed.
        scope.announce({ ids: [...changes.keys()] });
        const outcome = await updateScenario(trx, id, revision, values, timestamp(ctx));
        if (outcome === 'missing') throw notFound('Scenariet');
        if (outcome === 'stale') throw stale('Scenariet');
      });
      return mustGet(ctx.db, id);
    },

    'scenarios.delete': async ({ id }) => {
      await write([id], async (trx) => {
        const current = await mustGetRecord(trx, id);
        if (current.baseId === null && (await listVariantRecords(trx, id)).length > 0) {
          throw new AppError('CONFLICT', `Grundscenariet «${current.name}» har varianter. Slet varianterne først.`);
        }
        await setScenarioDeleted(trx, id, true, timestamp(ctx));
      });
      return { id };
    },

    'scenarios.restore': async ({ id }) => {
      await write([id], async (trx) => {
        const deleted = await getScenarioRecord(trx, id, { includeDeleted: true });
        if (!deleted || deleted.deletedAt === null) throw notFound('Det slettede scenarie');
        if (deleted.baseId !== null) {
          const base = await baseOf(trx, deleted);
          if (base.deletedAt !== null) {
            throw new AppError('CONFLICT', `Varianten «${deleted.name}» kan ikke gendannes, fordi grundscenariet «${base.name}» er slettet. Gendan grundscenariet først.`);
          }
          const checked = variantInput(baseInput(base), deleted.name, deleted.overrides);
          if (!checked.ok) {
            throw new AppError('CONFLICT', `Varianten «${deleted.name}» kan ikke gendannes, fordi grundscenariet er ændret siden, så varianten ikke længere er gyldig: ${checked.message}`);
          }
        }
        await setScenarioDeleted(trx, id, false, timestamp(ctx));
      });
      return mustGet(ctx.db, id);
    },

    'scenarios.freeze': async ({ id, note }) => {
      return write([id], (trx) => freezeScenario(trx, id, note, ctx.newId(), timestamp(ctx)));
    },

    'scenarios.export': async ({ ids, format }) => {
      const scenarios: Scenario[] = [];
      for (const id of ids) scenarios.push(await mustGet(ctx.db, id));
      const entries = scenarios.map((scenario) => ({ scenario, result: compute(scenario.input) }));
      if (format === 'pdf') return exportScenarioAnnex(entries, { printer: ctx.printer, store: ctx.exports });
      // Loaded only here: the workbook library is large and nothing else needs it (the host bundle leaves it out).
      if (entries.length === 1) {
        const { scenarioWorkbook } = await import('../spreadsheets/scenario-xlsx');
        const [{ scenario, result }] = entries as [(typeof entries)[number]];
        return ctx.exports.saveFile(workbookName(scenario.name), await scenarioWorkbook(scenario.input, result, ctx.now()));
      }
      const { comparisonWorkbook } = await import('../spreadsheets/comparison-xlsx');
      return ctx.exports.saveFile(COMPARISON_FILE_NAME, await comparisonWorkbook(entries.map((e) => ({ input: e.scenario.input, result: e.result })), ctx.now()));
    },
  };
};
