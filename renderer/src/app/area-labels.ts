import type { Area } from '../stores/navigation';

/** The menu's names of the areas, also used by the shortcut help (Alt+1 … in this order). */
export const AREA_LABELS: Readonly<Record<Area, string>> = {
  moeder: 'Møder',
  beslutninger: 'Beslutninger',
  // Proposals for offers not yet running, apart from the register of the running ones.
  forslag: 'Forslag til nye tilbud',
  takster: 'Takstscenarier',
  tilbud: 'Tilbudsregister',
  udveksling: 'Udveksling',
  indstillinger: 'Indstillinger',
};
