import { create } from 'zustand';
import type { MethodInput } from '../../../../shared/contract';
import type { Body } from '../../../../shared/domain/body';
import type { RuleSetRecord } from '../../../../shared/domain/rule-sets';
import { api } from '../../api/client';
import { onChange, ownWrite } from '../../stores/changes';

const STORE = 'settings';

/**
 * Indstillinger's own reads and jobs. Bodies, organisations and settings are the reference data every area shows:
 * their writes are actions of stores/reference.
 */
export const loadBackups = () => api().call('backups.list', {});
export const startBackup = () => api().call('backups.create', {});
export const startRestore = (fileName: string) => api().call('backups.restore', { fileName });

/** What the body form edits besides its fields: members, relations to other bodies, its standing items. */
export const loadBodyDetails = (body: Body) => Promise.all([api().call('bodies.members', { bodyId: body.id }), api().call('bodies.relations', {}), api().call('bodies.template', { bodyId: body.id })]);

/** Indstillinger → Takstregler: the stored rule sets, newest year first. */
export const useRuleSets = create<{ sets: RuleSetRecord[]; loaded: boolean }>(() => ({ sets: [], loaded: false }));

export async function loadRuleSets() {
  const sets = await api().call('ruleSets.list', {});
  useRuleSets.setState({ sets: [...sets].reverse(), loaded: true });
}
onChange(STORE, ['ruleSet'], loadRuleSets);

const ruleSetWrite = <T>(run: () => Promise<T>) =>
  ownWrite(STORE, ['ruleSet'], async () => {
    const result = await run();
    await loadRuleSets();
    return result;
  });

export const copyRuleSet = (input: MethodInput<'ruleSets.copy'>) => ruleSetWrite(() => api().call('ruleSets.copy', input));
export const updateRuleSet = (input: MethodInput<'ruleSets.update'>) => ruleSetWrite(() => api().call('ruleSets.update', input));
export const approveRuleSet = (input: MethodInput<'ruleSets.approve'>) => ruleSetWrite(() => api().call('ruleSets.approve', input));
// Collecting the year's tariff sheets from the operators: the template out, filled files in (checked, then imported).
export const makeTariffTemplate = (operatorName: string, year: number) => api().call('tariffs.template', { operatorName, year });
export const uploadTariffTemplate = (file: File) => api().uploadTemplate(file);
export const startTariffPreview = (input: MethodInput<'tariffs.previewImport'>) => api().call('tariffs.previewImport', input);
export const startTariffImport = (input: MethodInput<'tariffs.applyImport'>) => api().call('tariffs.applyImport', input);
export const discardTariffFiles = (fileIds: string[]) => api().call('tariffs.discardImport', { fileIds });
