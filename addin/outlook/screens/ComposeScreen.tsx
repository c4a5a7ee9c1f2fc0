/** Writing a message: insert a template filled in for a recipient, and "track when sent". */
import { Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import type { MessageCompose } from '../../office/mail-item';
import { TemplateInserter } from '../actions/TemplateInserter';
import { TrackWhenSentSwitch } from '../actions/TrackWhenSentSwitch';
import { usePane } from '../pane-services';
import { useOutlookContext } from '../use-outlook-context';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function ComposeScreen({ item }: { item: MessageCompose }) {
  const { t } = useI18n();
  const { host, signIn } = usePane();
  const styles = useStyles();
  const [current, setCurrent] = useState(item);
  const context = useOutlookContext(current);
  const { reload } = context;
  // Recipients change while the user writes; Outlook sends no event for that, so re-read on demand.
  const refresh = useCallback(() => {
    host
      .readItem()
      .then((next) => {
        if (next?.kind === 'message-compose') setCurrent(next);
        reload();
      })
      .catch(() => reload());
  }, [host, reload]);
  useEffect(() => host.onRecipientsChanged(refresh), [host, refresh]);
  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">{t('compose.templates')}</Subtitle1>
      <Button size="small" onClick={refresh} style={{ alignSelf: 'flex-start' }} data-testid="compose-refresh">
        {t('action.refresh')}
      </Button>
      {context.error ? <ProblemBar error={context.error} onRetry={reload} onSignIn={signIn} /> : null}
      <TemplateInserter contacts={context.data?.contacts ?? []} accounts={context.data?.accounts ?? []} />
      <TrackWhenSentSwitch contacts={context.data?.contacts ?? []} />
    </div>
  );
}
