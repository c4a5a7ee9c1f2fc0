import { Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ActionForm } from '../../components/ActionForm';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import { usePane } from '../pane-services';
import { newSubmissionKey, useDraft } from '../use-draft';
import { useSubmit } from '../use-submit';
import { parseAmount } from '../amount';
import type { QuickActionProps } from './QuickActions';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalS } });

function inDays(days: number): string {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

export function NewOpportunityForm({ itemKey, contact, onSaved, onCancel }: QuickActionProps) {
  const { t } = useI18n();
  const { api, signIn } = usePane();
  const styles = useStyles();
  const [draft, update, clear] = useDraft(`deal:${itemKey}:${contact.id}`, {
    name: contact.accountName ? `${contact.accountName} — ` : '',
    amount: '',
    currency: 'USD',
    closeDate: inDays(30),
    submission: newSubmissionKey(),
  });
  const { busy, error, action, retry } = useSubmit();
  const accountId = contact.accountId;
  if (!accountId) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('deal.needAccount')}</MessageBarBody>
      </MessageBar>
    );
  }
  const amount = parseAmount(draft.amount);
  const save = action('save', async () => {
      await api.createOpportunity(
        {
          name: draft.name.trim(),
          accountId,
          contactId: contact.id,
          amount: amount ?? 0,
          currency: draft.currency.trim().toUpperCase() || 'USD',
          expectedCloseDate: draft.closeDate,
        },
        draft.submission,
      );
      clear();
      onSaved(t('deal.saved'));
    });
  return (
    <ActionForm
      label={t('quick.newDeal')}
      onSubmit={() => void save()}
      submitLabel={t('action.save')}
      submitDisabled={busy || !draft.name.trim() || !draft.closeDate || amount === null}
      onCancel={onCancel}
      cancelLabel={t('action.cancel')}
      footer={error ? <ProblemBar error={error} onRetry={retry} onSignIn={signIn} /> : null}
    >
      <Field label={t('deal.name')} required>
        <Input value={draft.name} onChange={(_, d) => update({ name: d.value })} required />
      </Field>
      <div className={styles.row}>
        <Field label={t('deal.amount')} validationState={amount === null ? 'error' : 'none'} validationMessage={amount === null ? t('deal.badAmount') : undefined}>
          <Input inputMode="decimal" value={draft.amount} onChange={(_, d) => update({ amount: d.value })} />
        </Field>
        <Field label={t('deal.currency')}>
          <Input value={draft.currency} maxLength={3} onChange={(_, d) => update({ currency: d.value })} style={{ width: '5em' }} />
        </Field>
      </div>
      <Field label={t('deal.closeDate')} required>
        <Input type="date" value={draft.closeDate} onChange={(_, d) => update({ closeDate: d.value })} required />
      </Field>
    </ActionForm>
  );
}
