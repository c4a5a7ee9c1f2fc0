import { Field, Input, Select } from '@fluentui/react-components';
import { ActionForm } from '../../components/ActionForm';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import { usePane } from '../pane-services';
import { newSubmissionKey, useDraft } from '../use-draft';
import { useSubmit } from '../use-submit';
import type { QuickActionProps } from './QuickActions';
import { localTimeZone, regardingOf } from './regarding';

type FollowUpType = 'call' | 'meeting' | 'todo';

function tomorrowAt(hour: number): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(hour, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
}

export function FollowUpForm({ itemKey, contact, onSaved, onCancel }: QuickActionProps) {
  const { t } = useI18n();
  const { api, signIn } = usePane();
  const [draft, update, clear] = useDraft(`follow-up:${itemKey}:${contact.id}`, {
    type: 'call' as FollowUpType,
    subject: t('quick.followUp') + ' — ' + contact.displayName,
    when: tomorrowAt(10),
    submission: newSubmissionKey(),
  });
  const { busy, error, action, retry } = useSubmit();

  const save = action('save', async () => {
      const start = new Date(draft.when);
      const timing =
        draft.type === 'todo'
          ? { dueDate: draft.when.slice(0, 10) }
          : { start: start.toISOString(), end: new Date(start.getTime() + (draft.type === 'call' ? 30 : 60) * 60000).toISOString() };
      await api.createActivity(
        {
          type: draft.type,
          subject: draft.subject.trim(),
          timeZone: localTimeZone(),
          regarding: regardingOf(contact),
          attendees: draft.type === 'todo' ? [] : [{ contactId: contact.id }],
          ...timing,
        },
        draft.submission,
      );
      clear();
      onSaved(t('followUp.saved'));
    });

  return (
    <ActionForm
      label={t('quick.followUp')}
      onSubmit={() => void save()}
      submitLabel={t('action.save')}
      submitDisabled={busy || !draft.subject.trim() || !draft.when}
      onCancel={onCancel}
      cancelLabel={t('action.cancel')}
      footer={error ? <ProblemBar error={error} onRetry={retry} onSignIn={signIn} /> : null}
    >
      <Field label={t('followUp.type')}>
        <Select value={draft.type} onChange={(_, d) => update({ type: d.value as FollowUpType })}>
          <option value="call">{t('followUp.type.call')}</option>
          <option value="meeting">{t('followUp.type.meeting')}</option>
          <option value="todo">{t('followUp.type.todo')}</option>
        </Select>
      </Field>
      <Field label={t('followUp.subject')} required>
        <Input value={draft.subject} onChange={(_, d) => update({ subject: d.value })} required />
      </Field>
      <Field label={draft.type === 'todo' ? t('followUp.due') : t('followUp.when')} required>
        <Input type="datetime-local" value={draft.when} onChange={(_, d) => update({ when: d.value })} required />
      </Field>
    </ActionForm>
  );
}
