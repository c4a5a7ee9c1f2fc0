import { Caption1, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ContactCard } from '../../api/crm-api';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import { usePane } from '../pane-services';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS } });

/**
 * Marks the draft (a custom property and an internet header); the on-send handler
 * (outlook/launch) tracks it when the user presses Send, and the sent copy is recognised by the header.
 */
export function TrackWhenSentSwitch({ contacts }: { contacts: ContactCard[] }) {
  const { t } = useI18n();
  const { host } = usePane();
  const styles = useStyles();
  const [on, setOn] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One write at a time: the switch waits until Outlook has marked (or unmarked) the draft.
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    host
      .readTrackWhenSent()
      .then((value) => setOn(value !== null))
      .catch(() => undefined);
  }, [host]);
  const change = (next: boolean) => {
    setError(null);
    const contactIds = contacts.map((c) => c.id).slice(0, 20);
    const accountId = contacts.find((c) => c.accountId)?.accountId;
    // The switch moves at once and stays disabled until the draft is marked; if Outlook cannot
    // mark it, it moves back and says why.
    setOn(next);
    setSaving(true);
    host
      .writeTrackWhenSent(next ? { trackingId: crypto.randomUUID(), contactIds, ...(accountId ? { accountId } : {}) } : null)
      .catch((failure: unknown) => {
        setOn(!next);
        setError(failure);
      })
      .finally(() => setSaving(false));
  };
  return (
    <div className={styles.root}>
      <Switch checked={on} disabled={saving} label={t('compose.trackWhenSent')} onChange={(_, d) => change(d.checked)} data-testid="track-when-sent" />
      <Caption1 role="status">{saving ? t('compose.trackWhenSentSaving') : on ? t('compose.trackWhenSentOn') : t('compose.trackWhenSentHint')}</Caption1>
      {error ? <ProblemBar error={error} /> : null}
    </div>
  );
}
