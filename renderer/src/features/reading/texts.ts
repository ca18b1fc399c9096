export const TEXTS = {
  back: 'Alle møder',
  edit: 'Redigér',
  editHint: 'Åbn punktet i redigeringen',
  kind: 'Dokument',
  edition: 'Udgave',
  items: 'Punkter',
  noItems: 'Ingen punkter på dagsordenen.',
  kinds: [
    { value: 'agenda', label: 'Dagsorden' },
    { value: 'minutes', label: 'Referat' },
  ],
  editions: [
    { value: 'internal', label: 'Intern' },
    { value: 'public', label: 'Offentlig' },
  ],
  failed: 'Papirerne kunne ikke vises',
  missing: 'Mødet findes ikke',
  missingText: 'Det er måske slettet.',
};
