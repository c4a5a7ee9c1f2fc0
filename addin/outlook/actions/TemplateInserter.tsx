import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AccountPanel, ContactCard, EmailTemplate } from '../../api/crm-api';
import { DealPicker } from '../../components/DealPicker';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import { usePane } from '../pane-services';
import { useSubmit } from '../use-submit';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { maxHeight: '240px', overflowY: 'auto' },
});

/**
 * Templates are rendered by the API for the chosen recipient (field rules applied there); the pane
 * inserts the result and names every field that had no value, highlighted in the text.
 */
export function TemplateInserter({ contacts, accounts }: { contacts: ContactCard[]; accounts: AccountPanel[] }) {
  const { t } = useI18n();
  const { api, host, signIn } = usePane();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [templates, setTemplates] = useState<EmailTemplate[] | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [contactId, setContactId] = useState('');
  const [opportunityId, setOpportunityId] = useState('');
  const { busy, error: insertError, action, retry } = useSubmit();
  const [listError, setListError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Spaces around the words ask the same question: only a changed search reloads the list.
  const search = query.trim();

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .listTemplates(search || undefined)
        .then((list) => live && setTemplates(list))
        .catch((failure: unknown) => live && setListError(failure));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, search, attempt]);

  const recipient = contacts.find((c) => c.id === contactId) ?? contacts[0];
  const deals = accounts.find((a) => a.id === recipient?.accountId)?.openOpportunities ?? [];
  // Only a deal of the recipient's own account is ever merged into their e-mail.
  const dealId = deals.some((d) => d.id === opportunityId) ? opportunityId : '';

  // Retried with the recipient and deal chosen now, never the ones of the failed attempt.
  const insert = action('insert', async () => {
      const chosen = recipient;
      if (!chosen || !templateId) return;
      setDone(null);
      const rendered = await api.renderTemplate(templateId, chosen.id, dealId || undefined);
      await host.setSubjectIfEmpty(rendered.subject);
      await host.insertRendered(rendered);
      const gaps = rendered.fields.filter((f) => f.status === 'missing' || f.status === 'unknown').map((f) => f.field);
      setDone(gaps.length ? `${t('compose.inserted')} ${t('compose.fallbacks', { count: gaps.length, fields: gaps.join(', ') })}` : t('compose.inserted'));
    });

  return (
    <div className={styles.root}>
      <Field label={t('compose.search')}>
        <Input value={query} onChange={(_, d) => setQuery(d.value)} type="search" data-testid="template-search" />
      </Field>
      {templates && templates.length === 0 ? <Caption1>{t('compose.noTemplates')}</Caption1> : null}
      {templates && templates.length > 0 ? (
        <RadioGroup className={styles.list} value={templateId} onChange={(_, d) => setTemplateId(d.value)} aria-label={t('compose.templates')}>
          {templates.map((template) => (
            <Radio key={template.id} value={template.id} label={`${template.name} (${t(template.visibility === 'shared' ? 'compose.shared' : 'compose.personal')})`} />
          ))}
        </RadioGroup>
      ) : null}
      {contacts.length === 0 ? (
        <Caption1>{t('compose.noRecipient')}</Caption1>
      ) : (
        <Field label={t('compose.recipient')}>
          <Select
            value={recipient?.id ?? ''}
            onChange={(_, d) => {
              setContactId(d.value);
              setOpportunityId('');
            }}
            data-testid="template-recipient"
          >
            {contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.displayName}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {deals.length > 0 ? (
        <DealPicker label={t('track.opportunity')} noneLabel={t('track.noOpportunity')} deals={deals} value={dealId} onChange={setOpportunityId} />
      ) : null}
      <Button appearance="primary" disabled={busy || !templateId || !recipient} onClick={insert} data-testid="template-insert">
        {busy ? t('compose.inserting') : t('compose.insert')}
      </Button>
      {listError ? (
        <ProblemBar
          error={listError}
          onRetry={() => {
            setListError(null);
            setAttempt((n) => n + 1);
          }}
          onSignIn={signIn}
        />
      ) : null}
      {insertError ? <ProblemBar error={insertError} onRetry={retry} onSignIn={signIn} /> : null}
      {done ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
