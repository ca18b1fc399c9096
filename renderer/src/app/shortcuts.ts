import { AREAS } from '../stores/navigation';
import { AREA_LABELS } from './area-labels';

/**
 * Every keyboard shortcut and path, as the help lists them; `keys` are pressed together. No shortcut is a single
 * character key (WCAG 2.1.4).
 */
export interface Shortcut {
  keys: string[];
  what: string;
}

export const SHORTCUT_GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Overalt',
    shortcuts: [
      { keys: ['Alt', `1–${AREAS.length}`], what: `Skift område: ${AREAS.map((a) => AREA_LABELS[a]).join(', ')}` },
      { keys: ['Tab'], what: 'Første Tab på en side viser «Gå til indhold», der springer menuen over' },
      { keys: ['Ctrl', 'Alt', 'Z'], what: 'Fortryd den seneste sletning (også mens «Fortryd»-beskeden er lukket)' },
      { keys: ['Ctrl', 'Z'], what: 'Fortryd den seneste sletning, når markøren ikke står i et tekstfelt' },
      { keys: ['Esc'], what: 'Luk en dialog eller et panel; fokus går tilbage, hvor det kom fra' },
      { keys: ['F1'], what: 'Vis denne oversigt' },
    ],
  },
  {
    title: 'Møder og dagsorden',
    shortcuts: [
      { keys: ['Ctrl', 'Alt', 'N'], what: 'Nyt møde (på mødelisten), nyt punkt (på et møde)' },
      { keys: ['↑ / ↓'], what: 'Gå mellem møderne i listen; Enter åbner mødet' },
      { keys: ['↑ / ↓'], what: 'Gå mellem punkterne på dagsordenen' },
      { keys: ['Alt', '↑ / ↓'], what: 'Flyt det valgte punkt op eller ned' },
      { keys: ['Ctrl', 'Skift', 'P'], what: 'Dokumenter: dagsorden, referat og bilagssamling' },
    ],
  },
  {
    title: 'Tekstfelter med formatering (Resumé, Sagsfremstilling, Beslutningstekst m.fl.)',
    shortcuts: [
      { keys: ['Ctrl', 'Z'], what: 'Fortryd i teksten' },
      { keys: ['Ctrl', 'Y'], what: 'Annuller fortryd (også Ctrl+Skift+Z)' },
      { keys: ['Ctrl', 'B'], what: 'Fed' },
      { keys: ['Ctrl', 'I'], what: 'Kursiv' },
      { keys: ['Tab'], what: 'Videre til næste felt (i en tabel: næste celle)' },
    ],
  },
  {
    title: 'Beslutninger, forslag og scenarier',
    shortcuts: [
      { keys: ['Ctrl', 'F'], what: 'Søg i beslutninger, punkter og bilag' },
      { keys: ['Ctrl', 'Alt', 'N'], what: 'Nyt forslag / nyt scenarie' },
      { keys: ['Ctrl', 'Enter'], what: 'Gem et høringssvar' },
    ],
  },
];
