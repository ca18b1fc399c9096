export const TEXTS = {
  back: 'Alle møder',
  details: 'Mødeoplysninger',
  documents: 'Dokumenter',
  template: 'Indsæt standardpunkter',
  newItem: 'Nyt punkt',
  newItemTitle: 'Titel på det nye punkt',
  emptyAgenda: 'Dagsordenen er tom. Indsæt standardpunkterne, eller opret et punkt.',
  followUpsTitle: 'Opfølgninger fra tidligere møder',
  takeUp: 'Tag op som punkt',
  close: 'Afslut',
  closedBadge: 'Fortrolig',
  deleted: (n: number, title: string) => `Punkt ${n}. ${title} er slettet.`,
};
