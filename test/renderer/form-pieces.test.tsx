import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FormFooter } from '../../renderer/src/components/FormFooter';
import { YearInput } from '../../renderer/src/components/NumberInputs';
import { renderInWindow } from './render';

describe('YearInput', () => {
  it('shows and takes a year as four digits, never with a thousands separator', async () => {
    const onChange = vi.fn();
    renderInWindow(<YearInput label="Takstår" value={2026} onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Takstår' });
    expect(field).toHaveProperty('value', '2026');
    await userEvent.clear(field);
    await userEvent.type(field, '2027');
    expect(onChange).toHaveBeenLastCalledWith(2027);
  });
});

describe('FormFooter', () => {
  it('cancels with «Annuller», submits its form, and shows a refused write as an alert', async () => {
    const onCancel = vi.fn();
    const onSubmit = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    renderInWindow(
      <form onSubmit={onSubmit}>
        <FormFooter submitLabel="Gem resultat" busy={false} onCancel={onCancel} error="Resultatet for 2020 findes allerede." />
      </form>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Resultatet for 2020 findes allerede.');
    await userEvent.click(screen.getByRole('button', { name: 'Annuller' }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Gem resultat' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });
});
