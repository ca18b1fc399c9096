import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
const SAVE_DELAY_MS = 500;

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** Accepts only a well-formed state; anything else (hand-edited, truncated, old format) is ignored. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height) || width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized };
}

/** True when the two rectangles share at least one pixel. */
export function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The saved state, or null if there is none, it cannot be read, or it would put the window on a
 * screen that is no longer attached (a laptop undocked from its second monitor).
 */
export function loadWindowState(file: string, displays: ReadonlyArray<{ workArea: Rectangle }>): WindowState | null {
  let state: WindowState | null;
  try {
    state = parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
  if (!state) return null;
  const bounds = state.bounds;
  return displays.some((display) => intersects(bounds, display.workArea)) ? state : null;
}

/** Writes through a temporary file, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, file);
  } catch {
    // Remembering the window's place is a convenience; never let it disturb the app.
  }
}

/** Saves the window's normal (unmaximised) bounds and maximised flag on move/resize (debounced) and on close. */
export function trackWindowState(window: BrowserWindow, file: string, delayMs = SAVE_DELAY_MS): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    saveWindowState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
