import type { ProposalStatus } from '../../../../shared/domain/proposal';

/** Danish wording of «Forslag til nye tilbud», in one place. */
export const T = {
  title: 'Forslag til nye tilbud',
  description: 'Ideoplæg til nye sociale tilbud – fra udkast over høring til beslutning, version for version.',
  newProposal: 'Nyt forslag',
  empty: 'Der er ingen forslag endnu.',
  emptyHint: 'Opret et forslag med «Nyt forslag» (Ctrl+Alt+N), eller hent demodata under Indstillinger for at se NT-1 fra DAS 2021.',
  pick: 'Vælg et forslag i listen, eller opret et nyt.',
  notFound: 'Forslaget findes ikke – det er måske slettet.',
  deleted: (code: string, title: string) => `«${code} ${title}» er slettet.`,
  newVersion: 'Ny version',
  versionCreated: (n: number, from: number) => `Version ${n} er oprettet som kopi af version ${from}.`,
  locked: 'Behandlet – låst',
  lockedHint: (n: number) => `Version ${n} er behandlet og låst – vælg «Ny version» for at ændre forslaget. Den vises, som den blev behandlet.`,
  lockedShort: (n: number) => `Låst – version ${n} er behandlet`,
  tabs: { content: 'Oplæg', economy: 'Økonomi', consultation: 'Høring', treatment: 'Behandling', compare: 'Sammenlign' },
  missingTitle: 'Mangler før dagsorden',
  exportXlsx: 'Regneark (.xlsx)',
  exportPdf: 'PDF',
} as const;

export const STATUS_COLORS: Record<ProposalStatus, string> = {
  udkast: 'gray',
  i_hoering: 'cyan',
  under_behandling: 'blue',
  godkendt: 'teal',
  afvist: 'red',
  revideret: 'orange',
  etableret: 'green',
};

/** Tabular figures in tables of amounts. */
export const NUMBERS = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
