import { Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ProposalDraft } from '../../../../shared/domain/proposal';
import { FormFooter } from '../../components/FormFooter';
import { fieldErrors } from '../../lib/field-errors';
import { showError } from '../../lib/undo';
import { openProposal } from '../../stores/navigation';
import { createProposal } from './store';
import { T } from './texts';

/** A new proposal: a short code and a title; everything else is filled in on «Oplæg». Enter creates it. */
export function NewProposalModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={T.newProposal}>
      <NewProposalForm onClose={onClose} />
    </Modal>
  );
}

function NewProposalForm({ onClose }: { onClose(): void }) {
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = ProposalDraft.safeParse({ code, title });
    if (!check.success) return setErrors(fieldErrors(check.error.issues));
    setBusy(true);
    try {
      const created = await createProposal({ code, title });
      onClose();
      openProposal(created.id);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <TextInput label="Kort betegnelse" description="fx NT-1" data-autofocus value={code} maxLength={30} onChange={(e) => { setCode(e.currentTarget.value); setErrors({}); }} error={errors.code} w={200} />
        <TextInput label="Titel" placeholder="fx Nyt botilbud til unge" value={title} onChange={(e) => { setTitle(e.currentTarget.value); setErrors({}); }} error={errors.title} />
        <FormFooter submitLabel="Opret forslag" busy={busy} onCancel={onClose} mt="xs" />
      </Stack>
    </form>
  );
}
