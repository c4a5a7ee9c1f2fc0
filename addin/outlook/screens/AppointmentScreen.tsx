/** A meeting: its people in the CRM; link it to contacts and an opportunity, log it, record its outcome. */
import { Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import type { Appointment } from '../../office/mail-item';
import { MeetingPanel } from '../actions/MeetingPanel';
import { usePane } from '../pane-services';
import { useOutlookContext } from '../use-outlook-context';
import { ParticipantList } from './ParticipantList';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function AppointmentScreen({ item: selected }: { item: Appointment }) {
  const { t, formatDateTime } = useI18n();
  const { signIn } = usePane();
  const styles = useStyles();
  // A new meeting gets its id when linking saves it; from then on it is looked up by that id.
  const [savedKey, setSavedKey] = useState(selected.key);
  const item = { ...selected, key: savedKey };
  const context = useOutlookContext(item);
  return (
    <div className={styles.root}>
      <Text size={200}>
        {item.subject} · {formatDateTime(item.start)}
      </Text>
      {context.error ? <ProblemBar error={context.error} onRetry={context.reload} onSignIn={signIn} /> : null}
      {context.data ? <MeetingPanel item={item} context={context.data} onChanged={context.reload} onSaved={setSavedKey} /> : null}
      <Subtitle1 as="h2">{t('read.meetingParticipants')}</Subtitle1>
      {context.loading && !context.data ? <Spinner size="small" label={t('app.loading')} /> : null}
      {context.data ? <ParticipantList itemKey={item.key} context={context.data} onChanged={context.reload} /> : null}
    </div>
  );
}
