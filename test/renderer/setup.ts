// jsdom lacks what Mantine asks the browser for (media queries, element sizes); the window's own code is unchanged.
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

if (!globalThis.ResizeObserver) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

Element.prototype.scrollIntoView ??= () => {};

// Testing Library waits a zero timeout after each act() and user event; it only knows Jest's fake timers (it looks
// for a global `jest`), so with Vitest's that timeout would never fire. Told how to move the clock, it moves it.
Object.assign(globalThis, { jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) } });

// Each test starts on a clean page, on real timers, whatever the one before did or however it ended.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
