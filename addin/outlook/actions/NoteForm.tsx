import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import { usePane } from '../pane-services';
import { newSubmissionKey, useDraft } from '../use-draft';
import { useSubmit } from '../use-submit';
import { regardingOf, type QuickActionProps } from './QuickActions';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function NoteForm({ itemKey, contact, onSaved, onCancel }: QuickActionProps) {
  const { t } = useI18n();
  const { api, signIn } = usePane();
  const styles = useStyles();
  const [draft, update, clear] = useDraft(`note:${itemKey}:${contact.id}`, { text: '', submission: newSubmissionKey() });
  const { busy, error, run, retry } = useSubmit();
  const save = () =>
    run(async () => {
      await api.addNote({ regarding: regardingOf(contact), text: draft.text.trim() }, draft.submission);
      clear();
      onSaved(t('note.saved'));
    });
  return (
    <form
      className={styles.form}
      aria-label={t('quick.note')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={t('note.text')} required>
        <Textarea value={draft.text} onChange={(_, d) => update({ text: d.value })} resize="vertical" rows={4} data-testid="note-text" />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy || !draft.text.trim()} data-testid="note-save">
          {t('action.save')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
      {error ? <ProblemBar error={error} onRetry={retry} onSignIn={signIn} /> : null}
    </form>
  );
}
