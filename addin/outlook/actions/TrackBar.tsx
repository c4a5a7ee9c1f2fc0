/**
 * "Track this e-mail": logs the message once to the history of its contacts, their account and an
 * opportunity. The tracked state comes with the context, so reopening the message shows it.
 */
import { Badge, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { OutlookContext, TrackedEmail } from '../../api/crm-api';
import { ContactChecklist } from '../../components/ContactChecklist';
import { DealPicker } from '../../components/DealPicker';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import type { MessageRead } from '../../office/mail-item';
import { usePane } from '../pane-services';
import { useSubmit } from '../use-submit';
import { accountOfChoice } from './regarding';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function TrackBar({ item, context, trackingId, onTracked }: { item: MessageRead; context: OutlookContext; trackingId?: string; onTracked: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { api, host, signIn } = usePane();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>(() => context.contacts.map((c) => c.id));
  const [opportunityId, setOpportunityId] = useState('');
  const { busy, error, action, retry } = useSubmit();
  const [result, setResult] = useState<TrackedEmail | null>(null);
  const tracked = result ?? context.tracked;

  if (tracked) {
    return (
      <div className={styles.row} data-testid="tracked">
        <Badge appearance="tint" color="success">
          {t('track.tracked', { date: formatDateTime(tracked.trackedAt) })}
        </Badge>
        {result ? <span role="status">{result.alreadyTracked ? t('track.already') : t('track.done', { count: result.regarding.length })}</span> : null}
      </div>
    );
  }
  if (context.contacts.length === 0) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('track.needContact')}</MessageBarBody>
      </MessageBar>
    );
  }
  const deals = context.accounts.flatMap((account) => account.openOpportunities);
  const track = action('track', async () => {
      const chosen = context.contacts.filter((c) => selected.includes(c.id));
      const accountId = accountOfChoice(chosen, deals, opportunityId);
      const bodyExcerpt = await host.readBodyText(2000);
      const response = await api.trackEmail({
        ...(item.internetMessageId ? { internetMessageId: item.internetMessageId } : {}),
        ...(trackingId ? { trackingId } : {}),
        ...(item.conversationId ? { conversationId: item.conversationId } : {}),
        subject: item.subject.slice(0, 400),
        from: item.from ?? { email: host.owner()?.email ?? 'unknown@invalid' },
        to: item.to.slice(0, 100),
        cc: item.cc.slice(0, 100),
        sentAt: item.sentAt,
        bodyExcerpt,
        contactIds: chosen.map((c) => c.id).slice(0, 20),
        ...(accountId ? { accountId } : {}),
        ...(opportunityId ? { opportunityId } : {}),
      });
      setResult(response.body);
      setOpen(false);
      onTracked();
    });
  return (
    <div className={styles.root}>
      {!open ? (
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => setOpen(true)} data-testid="track-open">
            {t('track.button')}
          </Button>
        </div>
      ) : (
        <form
          className={styles.root}
          aria-label={t('track.title')}
          onSubmit={(event) => {
            event.preventDefault();
            void track();
          }}
        >
          <ContactChecklist legend={t('track.contacts')} contacts={context.contacts} selected={selected} onChange={setSelected} />
          <DealPicker label={t('track.opportunity')} noneLabel={t('track.noOpportunity')} deals={deals} value={opportunityId} onChange={setOpportunityId} testId="track-opportunity" />
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabled={busy || selected.length === 0} data-testid="track-submit">
              {busy ? t('track.tracking') : t('track.button')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('action.cancel')}</Button>
          </div>
        </form>
      )}
      {error ? <ProblemBar error={error} onRetry={retry} onSignIn={signIn} /> : null}
    </div>
  );
}
