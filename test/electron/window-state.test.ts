import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  intersects,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  type WindowState,
} from '../../electron/main/window-state';
import { FakeBrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

const laptop = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
const docked = [...laptop, { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } }];
const onSecondScreen: WindowState = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: false };

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-window-state-'));
  file = join(dir, 'window-state.json');
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('loading the saved window state', () => {
  it('returns null when there is no file yet', () => {
    expect(loadWindowState(file, laptop)).toBeNull();
  });

  it.each([
    ['not JSON', '{"bounds": {"x": 1,'],
    ['empty', ''],
    ['null', 'null'],
    ['an array', '[1,2,3]'],
    ['missing maximized', '{"bounds":{"x":0,"y":0,"width":800,"height":600}}'],
    ['a string width', '{"bounds":{"x":0,"y":0,"width":"800","height":600},"maximized":false}'],
    ['a zero height', '{"bounds":{"x":0,"y":0,"width":800,"height":0},"maximized":false}'],
    ['a fractional x', '{"bounds":{"x":0.5,"y":0,"width":800,"height":600},"maximized":false}'],
  ])('tolerates a corrupt file (%s)', (_label, text) => {
    writeFileSync(file, text);
    expect(loadWindowState(file, laptop)).toBeNull();
  });

  it('restores bounds that lie on an attached display', () => {
    saveWindowState(file, onSecondScreen);
    expect(loadWindowState(file, docked)).toEqual(onSecondScreen);
  });

  it('ignores bounds on a display that is no longer attached', () => {
    saveWindowState(file, onSecondScreen);
    expect(loadWindowState(file, laptop)).toBeNull();
  });

  it('keeps the maximized flag', () => {
    const state: WindowState = { bounds: { x: 10, y: 10, width: 1000, height: 700 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file, laptop)).toEqual(state);
  });

  it('drops unknown keys', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4, extra: 5 }, maximized: false, evil: true })).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 4 },
      maximized: false,
    });
  });

  it('treats touching edges as not intersecting', () => {
    expect(intersects({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
    expect(intersects({ x: 0, y: 0, width: 11, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(true);
  });
});

describe('saving', () => {
  it('writes the file through a temporary file and creates the folder', () => {
    const nested = join(dir, 'a', 'b', 'window-state.json');
    saveWindowState(nested, onSecondScreen);
    expect(JSON.parse(readFileSync(nested, 'utf8'))).toEqual(onSecondScreen);
    expect(existsSync(`${nested}.tmp`)).toBe(false);
  });

  it('never throws when the file cannot be written', () => {
    writeFileSync(join(dir, 'blocker'), '');
    expect(() => saveWindowState(join(dir, 'blocker', 'window-state.json'), onSecondScreen)).not.toThrow();
  });

  it('saves once after a burst of moves and resizes, and at once on close', () => {
    vi.useFakeTimers();
    const window = new FakeBrowserWindow({ x: 50, y: 60, width: 1300, height: 820 });
    trackWindowState(window as unknown as BrowserWindow, file, 500);

    window.emit('move');
    window.emit('resize');
    vi.advanceTimersByTime(499);
    expect(existsSync(file)).toBe(false);
    window.normalBounds = { x: 70, y: 80, width: 1400, height: 900 };
    window.emit('resize');
    vi.advanceTimersByTime(500);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds: { x: 70, y: 80, width: 1400, height: 900 }, maximized: false });
    expect(window.getNormalBounds).toHaveBeenCalledOnce();

    // Maximised: the normal bounds are kept so that un-maximising next time lands in the right place.
    window.maximized = true;
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds: { x: 70, y: 80, width: 1400, height: 900 }, maximized: true });
  });
});
