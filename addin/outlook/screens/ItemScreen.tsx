import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import type { MailItem } from '../../office/mail-item';
import { AppointmentScreen } from './AppointmentScreen';
import { ComposeScreen } from './ComposeScreen';
import { ReadScreen } from './ReadScreen';

/** The screen for the selected item; `undefined` while Office reads it, `null` when none. */
export function ItemScreen({ item, itemError }: { item: MailItem | null | undefined; itemError: unknown }) {
  const { t } = useI18n();
  if (itemError) return <ProblemBar error={itemError} />;
  if (item === undefined) return <Spinner size="small" label={t('app.loading')} />;
  if (item === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          <Text>{t('app.noItem')}</Text>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (item.kind === 'message-read') return <ReadScreen key={item.itemId} item={item} />;
  if (item.kind === 'appointment') return <AppointmentScreen key={item.key || 'unsaved'} item={item} />;
  return <ComposeScreen item={item} />;
}
