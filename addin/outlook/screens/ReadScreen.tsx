/** A message being read: its people in the CRM, and tracking it. */
import { Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import type { MessageRead } from '../../office/mail-item';
import { usePane } from '../pane-services';
import { TrackBar } from '../actions/TrackBar';
import { useOutlookContext } from '../use-outlook-context';
import { ParticipantList } from './ParticipantList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  subject: { color: tokens.colorNeutralForeground2 },
});

export function ReadScreen({ item }: { item: MessageRead }) {
  const { t } = useI18n();
  const { host, signIn } = usePane();
  const styles = useStyles();
  // The tracking header is read beside the context request, not before it: the card comes first.
  const [trackingId, setTrackingId] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    host
      .readTrackingHeader()
      .then((id) => live && setTrackingId(id))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host, item.itemId]);
  const context = useOutlookContext(item, trackingId);
  return (
    <div className={styles.root}>
      <Text className={styles.subject} size={200} truncate wrap={false} title={item.subject}>
        {item.subject}
      </Text>
      {context.error ? <ProblemBar error={context.error} onRetry={context.reload} onSignIn={signIn} /> : null}
      {context.data ? <TrackBar item={item} context={context.data} trackingId={trackingId} onTracked={context.reload} /> : null}
      <Subtitle1 as="h2">{t('read.participants')}</Subtitle1>
      {context.loading && !context.data ? <Spinner size="small" label={t('app.loading')} /> : null}
      {context.data ? <ParticipantList itemKey={item.itemId} context={context.data} onChanged={context.reload} /> : null}
    </div>
  );
}
