import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offerUndo } from '../../renderer/src/lib/undo';
import { renderInWindow } from './render';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const fortryd = () => screen.queryByRole('button', { name: 'Fortryd' });

describe('«Fortryd» after a delete', () => {
  it('stays while it has keyboard focus, and goes 10 s after focus has left it', async () => {
    renderInWindow(<div />);
    act(() => offerUndo('Mødet er slettet.', async () => {}));
    await act(() => vi.advanceTimersByTimeAsync(500));
    act(() => fortryd()!.focus());
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(fortryd()).not.toBeNull();

    act(() => fortryd()!.blur());
    // One step for the blur to be taken in, then the ten seconds.
    await act(() => vi.advanceTimersByTimeAsync(100));
    await act(() => vi.advanceTimersByTimeAsync(12_000));
    expect(fortryd()).toBeNull();
  });
});
