import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { ProposalVersionUpdate, type Consultation, type Proposal, type ProposalContent, type ProposalVersion, type ScenarioRef, type VersionEconomy } from '../../../../shared/domain/proposal';
import { ApiError } from '../../api/client';
import { useAutosave, type SaveState } from '../../lib/autosave';
import { showError } from '../../lib/undo';
import { fetchProposal, refreshOpenProposal, saveVersion, updateVersion } from './store';

/** What a version's autosave writes: everything of proposals.updateVersion's patch. */
export interface VersionFields {
  content: ProposalContent;
  scenarios: ScenarioRef[];
  chosenScenarioId: string | null;
  consultation: Consultation;
  note: string;
}

export const fieldsOf = (v: ProposalVersion): VersionFields => ({
  content: v.content,
  scenarios: v.scenarios,
  chosenScenarioId: v.chosenScenarioId,
  consultation: v.consultation,
  note: v.note,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changes(base: VersionFields, next: VersionFields): Partial<VersionFields> {
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => !same(base[k as keyof VersionFields], v)));
}

/** The fields as paths one level into content and consultation, so two windows can edit different fields at once. */
type Flat = Record<string, unknown>;
function flatten(f: VersionFields): Flat {
  const flat: Flat = { scenarios: f.scenarios, chosenScenarioId: f.chosenScenarioId, note: f.note };
  for (const [k, v] of Object.entries(f.content)) flat[`content.${k}`] = v;
  for (const [k, v] of Object.entries(f.consultation)) flat[`consultation.${k}`] = v;
  return flat;
}
function unflatten(flat: Flat): VersionFields {
  const out: Record<string, Record<string, unknown> | unknown> = { content: {}, consultation: {} };
  for (const [path, v] of Object.entries(flat)) {
    const [head, tail] = path.split('.') as [string, string | undefined];
    if (tail === undefined) out[head] = v;
    else (out[head] as Record<string, unknown>)[tail] = v;
  }
  return out as unknown as VersionFields;
}

/** Field errors keyed by their path below the patch ("content.deficitCoverage.regionShare"). */
function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path.map(String).join('.')] ??= issue.message;
  return errors;
}

const PatchSchema = ProposalVersionUpdate.shape.patch;

/**
 * Saves a patch under optimistic concurrency. If the version changed elsewhere meanwhile, the other window's changes
 * are merged field by field; where both changed the same field, the other window's text is kept and the user told.
 */
async function saveMerging(version: ProposalVersion, base: { fields: VersionFields; revision: number }, next: VersionFields, onTheirs: (theirs: Flat, clashes: number) => void) {
  const patch = changes(base.fields, next);
  try {
    return await updateVersion({ id: version.id, revision: base.revision, patch });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'CONFLICT') throw error;
    const fresh = (await fetchProposal(version.proposalId)).versions.find((v) => v.id === version.id);
    if (!fresh) throw error;
    const [before, mine, theirs] = [flatten(base.fields), flatten(next), flatten(fieldsOf(fresh))];
    const theirPaths = Object.keys(theirs).filter((p) => !same(theirs[p], before[p]));
    const clashes = theirPaths.filter((p) => !same(mine[p], before[p]) && !same(mine[p], theirs[p])).length;
    const merged = { ...mine, ...Object.fromEntries(theirPaths.map((p) => [p, theirs[p]])) };
    onTheirs(Object.fromEntries(theirPaths.map((p) => [p, theirs[p]])), clashes);
    const rest = changes(fieldsOf(fresh), unflatten(merged));
    return Object.keys(rest).length === 0 ? fresh : updateVersion({ id: version.id, revision: fresh.revision, patch: rest });
  }
}

export interface VersionEditor {
  proposal: Proposal;
  version: ProposalVersion;
  /** The draft being edited, or the stored version when it is locked. */
  fields: VersionFields;
  errors: Record<string, string>;
  locked: boolean;
  state: SaveState;
  change(patch: Partial<VersionFields>): void;
  changeContent(patch: Partial<ProposalContent>): void;
  /** Saves what is typed at once; false while a save is refused. */
  flush(): Promise<boolean>;
  retry(): Promise<boolean>;
  economy: VersionEconomy | null;
}

/** The open version's draft with its autosave: one per version, shared by the tabs that edit it. */
export function useVersionDraft(proposal: Proposal, version: ProposalVersion, economy: VersionEconomy | null): VersionEditor {
  const locked = version.lockedAt !== null;
  const [draft, setDraft] = useState(() => fieldsOf(version));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const latest = useRef(draft);
  const saved = useRef({ fields: fieldsOf(version), revision: version.revision });

  const { state, schedule, flush, retry } = useAutosave<VersionFields>(async (next) => {
    try {
      const updated = await saveVersion(() =>
        saveMerging(version, saved.current, next, (theirs, clashes) => {
          latest.current = unflatten({ ...flatten(latest.current), ...theirs });
          setDraft(latest.current);
          if (clashes > 0) notifications.show({ color: 'yellow', message: 'Forslaget blev ændret samtidig et andet sted. Den anden udgave af de samme felter er beholdt.', autoClose: 8000 });
        }),
      );
      saved.current = { fields: fieldsOf(updated), revision: updated.revision };
    } catch (error) {
      if (error instanceof ApiError) setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^patch\./, ''), v])));
      // Locked since this window last heard (put on an agenda elsewhere): show the version as it now is.
      if (error instanceof ApiError && error.code === 'LOCKED') refreshOpenProposal().catch(showError);
      throw error;
    }
  });

  // A locked version's fields are read-only; whatever change still comes is sent, so the backend's refusal shows.
  const change = useCallback(
    (patch: Partial<VersionFields>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setDraft(next);
      const check = PatchSchema.safeParse(next);
      setErrors(check.success ? {} : errorsOf(check.error.issues));
      if (check.success) schedule(next);
    },
    [schedule],
  );
  const changeContent = useCallback((patch: Partial<ProposalContent>) => change({ content: { ...latest.current.content, ...patch } }), [change]);

  // A locked version shows as it was treated – unless a change typed before the lock was refused: that stays in view.
  const fields = locked && state.kind !== 'failed' ? fieldsOf(version) : draft;
  return { proposal, version, fields, errors, locked, state, change, changeContent, flush, retry, economy };
}

const Context = createContext<VersionEditor | null>(null);

export function VersionEditorProvider({ editor, children }: { editor: VersionEditor; children: ReactNode }) {
  return <Context.Provider value={editor}>{children}</Context.Provider>;
}

export function useVersionEditor(): VersionEditor {
  const editor = useContext(Context);
  if (!editor) throw new Error('useVersionEditor uden VersionEditorProvider');
  return editor;
}
