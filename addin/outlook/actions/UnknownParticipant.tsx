/**
 * A participant the CRM does not know. Suggestions come first (the account of the same e-mail
 * domain, people with a similar name or with this address as an alternate), so one click does not
 * create a duplicate: the user may add the address to an existing contact instead.
 */
import { Body1Strong, Button, Caption1, Card, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ParticipantContext } from '../../api/crm-api';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages-en';
import { usePane } from '../pane-services';
import { newSubmissionKey, useDraft } from '../use-draft';
import { useSubmit } from '../use-submit';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  suggestions: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface ContactDraft {
  open: boolean;
  firstName: string;
  lastName: string;
  jobTitle: string;
  accountId: string;
  submission: string;
}

function reasonKey(reason: string): MessageKey {
  return reason === 'alternate-email' || reason === 'similar-name' ? (`add.reason.${reason}` as MessageKey) : 'add.reason.other';
}

export function UnknownParticipant({ itemKey, participant, onAdded }: { itemKey: string; participant: ParticipantContext; onAdded: () => void }) {
  const { t } = useI18n();
  const { api, signIn } = usePane();
  const styles = useStyles();
  const suggestions = participant.suggestions;
  const prefill = suggestions?.prefill;
  const [draft, update, clear] = useDraft<ContactDraft>(`add:${itemKey}:${participant.email}`, {
    open: false,
    firstName: prefill?.firstName ?? '',
    lastName: prefill?.lastName ?? '',
    jobTitle: '',
    accountId: prefill?.accountId ?? suggestions?.accounts[0]?.id ?? '',
    submission: newSubmissionKey(),
  });
  // Retry repeats the action that failed: retrying a failed "use this contact" never creates one.
  const { busy, error, action, retry } = useSubmit();
  const [done, setDone] = useState<string | null>(null);

  const create = action('create', async () => {
      const created = await api.createContact(
        {
          lastName: draft.lastName.trim(),
          ...(draft.firstName.trim() ? { firstName: draft.firstName.trim() } : {}),
          ...(draft.jobTitle.trim() ? { jobTitle: draft.jobTitle.trim() } : {}),
          ...(draft.accountId ? { accountId: draft.accountId } : {}),
          emails: [{ address: participant.email, label: 'work' }],
        },
        draft.submission,
      );
      clear();
      setDone(t('add.created', { name: [created.body.firstName, created.body.lastName].filter(Boolean).join(' ') }));
      onAdded();
    });

  const linkTo = (contactId: string, name: string) =>
    action(`link:${contactId}`, async () => {
      const current = await api.getContact(contactId);
      const emails = [...current.body.emails.map((e) => ({ address: e.address, label: e.label })), { address: participant.email, label: 'other' as const }];
      await api.updateContact(contactId, current.etag ?? current.body.etag, { emails });
      clear();
      setDone(t('add.linked', { name }));
      onAdded();
    })();

  const contactSuggestions = suggestions?.contacts ?? [];
  const accountSuggestions = suggestions?.accounts ?? [];
  return (
    <Card data-testid="unknown-participant" aria-label={participant.name ?? participant.email}>
      <div className={styles.row}>
        <div>
          <Body1Strong>{participant.name ?? participant.email}</Body1Strong>
          <Caption1 block>
            {t(`read.role.${participant.role}` as MessageKey)} · {participant.email} · {t('read.notInCrm')}
          </Caption1>
        </div>
        {!draft.open ? (
          <Button size="small" onClick={() => update({ open: true })} data-testid="add-to-crm">
            {t('add.button')}
          </Button>
        ) : null}
      </div>
      {accountSuggestions.length > 0 || contactSuggestions.length > 0 ? (
        <section aria-label={t('add.suggestionsTitle')} data-testid="suggestions">
          <Subtitle2 as="h3">{t('add.suggestionsTitle')}</Subtitle2>
          <ul className={styles.suggestions}>
            {accountSuggestions.map((account) => (
              <li key={`a:${account.id}`} data-testid="suggested-account">
                <Caption1>{t('add.suggestAccount', { name: account.name })}</Caption1>
              </li>
            ))}
            {contactSuggestions.map((contact) => (
              <li key={`c:${contact.id}`} className={styles.row} data-testid="suggested-contact">
                <Caption1>{t('add.suggestContact', { name: contact.displayName, reason: t(reasonKey(contact.reason)) })}</Caption1>
                <Button size="small" disabled={busy} onClick={() => void linkTo(contact.id, contact.displayName)}>
                  {t('add.useContact', { name: contact.displayName })}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {draft.open ? (
        <form
          className={styles.form}
          aria-label={t('add.title', { email: participant.email })}
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <Field label={t('add.firstName')}>
            <Input value={draft.firstName} onChange={(_, d) => update({ firstName: d.value })} />
          </Field>
          <Field label={t('add.lastName')} required>
            <Input value={draft.lastName} onChange={(_, d) => update({ lastName: d.value })} required />
          </Field>
          <Field label={t('add.jobTitle')}>
            <Input value={draft.jobTitle} onChange={(_, d) => update({ jobTitle: d.value })} />
          </Field>
          <Field label={t('add.account')}>
            <Select value={draft.accountId} onChange={(_, d) => update({ accountId: d.value })}>
              <option value="">{t('add.noAccount')}</option>
              {accountSuggestions.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabled={busy || draft.lastName.trim() === ''} data-testid="create-contact">
              {busy ? t('add.creating') : t('add.create')}
            </Button>
            <Button onClick={() => update({ open: false })}>{t('action.cancel')}</Button>
          </div>
        </form>
      ) : null}
      {error ? <ProblemBar error={error} onRetry={retry ?? undefined} onSignIn={signIn} /> : null}
      {done ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Card>
  );
}
