import { TextInput } from '@mantine/core';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../renderer/src/api/client';
import { SaveIndicator } from '../../renderer/src/components/SaveIndicator';
import { useAutosave } from '../../renderer/src/lib/autosave';
import { renderInWindow } from './render';

/** A save the test answers when it chooses: what the backend does with each change the window sends. */
interface Sent {
  value: string;
  accept(): void;
  refuse(message: string): void;
}

let sent: Sent[];
const save = (value: string) =>
  new Promise<void>((resolve, reject) => {
    sent.push({ value, accept: resolve, refuse: (message) => reject(new ApiError({ code: 'LOCKED', message })) });
  });

/** A field saved as the window's editors save theirs: typing schedules, the indicator tells what became of it. */
function Editor() {
  const [text, setText] = useState('');
  const { state, schedule, retry } = useAutosave<string>(save);
  return (
    <>
      <TextInput
        label="Sted"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          schedule(event.currentTarget.value);
        }}
      />
      <SaveIndicator state={state} onRetry={() => void retry()} />
    </>
  );
}

const indicator = () => screen.queryByTestId('save-state')?.textContent ?? '';
/** Lets the typing pause for `ms`, and the window handle what follows. */
const pause = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
/** The backend answers; the window handles the answer. */
const answer = (f: () => void) => act(async () => f());

beforeEach(() => {
  sent = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date(2026, 11, 7, 10, 15));
});
afterEach(() => vi.useRealTimers());

const setup = () => {
  const { unmount } = renderInWindow(<Editor />);
  // Keys go in one after another without pauses of their own: only the test moves the clock.
  return Object.assign(userEvent.setup({ delay: null }), { close: unmount });
};

describe('autosave (renderer/src/lib/autosave.ts, as the save indicator shows it)', () => {
  it('says «Gemmer …» while typing, saves once when the typing pauses, then «Gemt kl.» with the time', async () => {
    const user = setup();
    expect(indicator()).toBe('');
    await user.type(screen.getByLabelText('Sted'), 'Aalborg');
    expect(indicator()).toBe('Gemmer …');
    await pause(500);
    expect(sent).toHaveLength(0);
    await pause(200);
    expect(sent.map((s) => s.value)).toEqual(['Aalborg']);
    // Sent but not answered: not saved yet.
    expect(indicator()).toBe('Gemmer …');
    await answer(() => sent[0]!.accept());
    expect(indicator()).toBe('Gemt kl. 10.15');
  });

  it('does not claim a save while newer typing is still to be sent', async () => {
    const user = setup();
    const field = screen.getByLabelText('Sted');
    await user.type(field, 'Aal');
    await pause(700);
    await user.type(field, 'borg');
    await answer(() => sent[0]!.accept());
    expect(indicator()).toBe('Gemmer …');
    await pause(700);
    expect(sent.map((s) => s.value)).toEqual(['Aal', 'Aalborg']);
    expect(indicator()).toBe('Gemmer …');
    await answer(() => sent[1]!.accept());
    expect(indicator()).toBe('Gemt kl. 10.15');
  });

  it('keeps the text of a refused save, says why in Danish, and «Prøv igen» sends it again', async () => {
    const user = setup();
    await user.type(screen.getByLabelText('Sted'), 'Aalborg');
    await pause(700);
    await answer(() => sent[0]!.refuse('Mødet er låst, fordi referatet er godkendt.'));
    expect(screen.getByRole('alert').textContent).toContain('Ikke gemt – Mødet er låst, fordi referatet er godkendt.');
    expect(indicator()).not.toContain('Gemt kl.');
    expect(screen.getByLabelText('Sted')).toHaveProperty('value', 'Aalborg');

    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    await answer(() => {});
    expect(sent.map((s) => s.value)).toEqual(['Aalborg', 'Aalborg']);
    expect(indicator()).toBe('Gemmer …');
    await answer(() => sent[1]!.accept());
    expect(indicator()).toBe('Gemt kl. 10.15');
    expect(screen.queryByRole('button', { name: 'Prøv igen' })).toBeNull();
  });

  it('sends a refused text with the next typing, so nothing typed is lost', async () => {
    const user = setup();
    const field = screen.getByLabelText('Sted');
    await user.type(field, 'Aal');
    await pause(700);
    await answer(() => sent[0]!.refuse('Forbindelsen blev afbrudt.'));
    await user.type(field, 'borg');
    await pause(700);
    expect(sent.map((s) => s.value)).toEqual(['Aal', 'Aalborg']);
    await answer(() => sent[1]!.accept());
    expect(indicator()).toBe('Gemt kl. 10.15');
  });

  it('saves at once, without waiting for a pause, when the editor closes or the window is left', async () => {
    const user = setup();
    await user.type(screen.getByLabelText('Sted'), 'Aalborg');
    window.dispatchEvent(new Event('pagehide'));
    await answer(() => {});
    expect(sent.map((s) => s.value)).toEqual(['Aalborg']);
    await answer(() => sent[0]!.accept());

    await user.type(screen.getByLabelText('Sted'), ' Øst');
    expect(sent).toHaveLength(1);
    await answer(() => user.close());
    expect(sent.map((s) => s.value)).toEqual(['Aalborg', 'Aalborg Øst']);
  });
});
