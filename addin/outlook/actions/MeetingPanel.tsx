import { Badge, Button, Caption1, Card, Field, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { OutlookContext } from '../../api/crm-api';
import { ApiError } from '../../api/api-error';
import { ContactChecklist } from '../../components/ContactChecklist';
import { DealPicker } from '../../components/DealPicker';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import type { Appointment } from '../../office/mail-item';
import { usePane } from '../pane-services';
import { useDraft } from '../use-draft';
import { useSubmit } from '../use-submit';
import { accountOfChoice, localTimeZone } from './regarding';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export function MeetingPanel({ item, context, onChanged, onSaved }: { item: Appointment; context: OutlookContext; onChanged: () => void; onSaved: (key: string) => void }) {
  const { t, formatDateTime } = useI18n();
  const { api, host, signIn } = usePane();
  const styles = useStyles();
  const meeting = context.meeting;
  const deals = context.accounts.flatMap((a) => a.openOpportunities);
  const linkedContacts = meeting?.regarding.filter((r) => r.entity === 'contact').map((r) => r.id);
  const linkedDeal = meeting?.regarding.find((r) => r.entity === 'opportunity')?.id ?? '';
  const linkedAccount = meeting?.regarding.find((r) => r.entity === 'account')?.id;
  const [selected, setSelected] = useState<string[]>(() => linkedContacts ?? context.contacts.map((c) => c.id));
  const [opportunityId, setOpportunityId] = useState(linkedDeal);
  const [outcome, updateOutcome, clearOutcome] = useDraft(`outcome:${item.key}`, { text: '' });
  const { busy, error, retry, action } = useSubmit();
  /** After the action, the view is reloaded; a 412 reloads too and the next press uses the new version. */
  const run = (name: string, act: () => Promise<void>) =>
    action(
      name,
      async () => {
        await act();
        onChanged();
      },
      (failure) => {
        const stale = failure instanceof ApiError && failure.status === 412;
        if (stale) onChanged();
        return !stale;
      },
    );

  const link = run('link', async () => {
      // The links as chosen, including contacts a colleague linked who are not in this copy's attendees.
      const chosen = context.contacts.filter((c) => selected.includes(c.id));
      const accountId = linkedAccount ?? accountOfChoice(chosen, deals, opportunityId);
      const key = item.key || (await host.saveItem());
      if (key !== item.key) onSaved(key);
      await api.linkMeeting({
        key,
        subject: item.subject || '(no subject)',
        start: item.start,
        end: item.end,
        timeZone: localTimeZone(),
        ...(item.location ? { location: item.location.slice(0, 200) } : {}),
        contactIds: selected,
        ...(accountId ? { accountId } : {}),
        ...(opportunityId ? { opportunityId } : {}),
      });
    });

  const complete = run('complete', async () => {
      if (!meeting) return;
      await api.completeActivity(meeting.activityId, meeting.etag, outcome.text.trim());
      clearOutcome();
    });

  return (
    <Card className={styles.root} data-testid="meeting-panel">
      <Subtitle2 as="h2">{t('meeting.title')}</Subtitle2>
      {meeting ? (
        <Badge appearance="tint" color="success" data-testid="meeting-linked">
          {t('meeting.linked', { date: formatDateTime(meeting.linkedAt) })}
        </Badge>
      ) : null}
      {context.contacts.length > 0 ? (
        <ContactChecklist legend={t('meeting.contacts')} contacts={context.contacts} selected={selected} onChange={setSelected} />
      ) : null}
      <DealPicker label={t('meeting.opportunity')} noneLabel={t('track.noOpportunity')} deals={deals} value={opportunityId} onChange={setOpportunityId} testId="meeting-opportunity" />
      <div className={styles.row}>
        <Button appearance={meeting ? 'secondary' : 'primary'} disabled={busy || (!item.key && !item.canSave)} onClick={() => void link()} data-testid="meeting-link">
          {meeting ? t('meeting.update') : t('meeting.link')}
        </Button>
      </div>
      {!item.key && !item.canSave ? <Caption1>{t('meeting.saveFirst')}</Caption1> : null}
      {meeting?.completion ? (
        <Badge appearance="outline" data-testid="meeting-outcome">
          {t('meeting.completed', { result: meeting.completion.result })}
        </Badge>
      ) : meeting ? (
        <form
          className={styles.root}
          onSubmit={(event) => {
            event.preventDefault();
            void complete();
          }}
        >
          <Field label={t('meeting.outcome')} required>
            <Textarea value={outcome.text} placeholder={t('meeting.outcomePlaceholder')} onChange={(_, d) => updateOutcome({ text: d.value })} data-testid="meeting-outcome-text" />
          </Field>
          <Button type="submit" disabled={busy || !outcome.text.trim()} data-testid="meeting-complete">
            {t('meeting.recordOutcome')}
          </Button>
        </form>
      ) : null}
      {error ? <ProblemBar error={error} onRetry={retry} onSignIn={signIn} /> : null}
    </Card>
  );
}
