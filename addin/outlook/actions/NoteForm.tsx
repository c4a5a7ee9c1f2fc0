import { Field, Textarea } from '@fluentui/react-components';
import { ActionForm } from '../../components/ActionForm';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import { usePane } from '../pane-services';
import { newSubmissionKey, useDraft } from '../use-draft';
import { useSubmit } from '../use-submit';
import type { QuickActionProps } from './QuickActions';
import { regardingOf } from './regarding';

export function NoteForm({ itemKey, contact, onSaved, onCancel }: QuickActionProps) {
  const { t } = useI18n();
  const { api, signIn } = usePane();
  const [draft, update, clear] = useDraft(`note:${itemKey}:${contact.id}`, { text: '', submission: newSubmissionKey() });
  const { busy, error, action, retry } = useSubmit();
  const save = action('save', async () => {
      await api.addNote({ regarding: regardingOf(contact), text: draft.text.trim() }, draft.submission);
      clear();
      onSaved(t('note.saved'));
    });
  return (
    <ActionForm
      label={t('quick.note')}
      onSubmit={() => void save()}
      submitLabel={t('action.save')}
      submitDisabled={busy || !draft.text.trim()}
      submitTestId="note-save"
      onCancel={onCancel}
      cancelLabel={t('action.cancel')}
      footer={error ? <ProblemBar error={error} onRetry={retry} onSignIn={signIn} /> : null}
    >
      <Field label={t('note.text')} required>
        <Textarea value={draft.text} onChange={(_, d) => update({ text: d.value })} resize="vertical" rows={4} data-testid="note-text" />
      </Field>
    </ActionForm>
  );
}
