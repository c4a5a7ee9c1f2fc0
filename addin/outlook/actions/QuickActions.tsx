/** Follow-up, note, new opportunity: the three things a rep does right after reading a mail. */
import { Button, MessageBar, MessageBarBody, Subtitle2, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AccountPanel, ContactCard } from '../../api/crm-api';
import { useI18n } from '../../i18n/i18n';
import { FollowUpForm } from './FollowUpForm';
import { NewOpportunityForm } from './NewOpportunityForm';
import { NoteForm } from './NoteForm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Action = 'follow-up' | 'note' | 'deal';

export interface QuickActionProps {
  itemKey: string;
  contact: ContactCard;
  account: AccountPanel | undefined;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function QuickActions({ itemKey, contact, account, onSaved }: { itemKey: string; contact: ContactCard; account: AccountPanel | undefined; onSaved: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState<Action | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const props: QuickActionProps = {
    itemKey,
    contact,
    account,
    onSaved: (message) => {
      setOpen(null);
      setSaved(message);
      onSaved();
    },
    onCancel: () => setOpen(null),
  };
  const toggle = (action: Action) => {
    setSaved(null);
    setOpen((current) => (current === action ? null : action));
  };
  return (
    <section className={styles.root} aria-label={t('quick.title')}>
      <Subtitle2 as="h3">{t('quick.title')}</Subtitle2>
      <div className={styles.row} role="group" aria-label={t('quick.title')}>
        <ToggleButton size="small" checked={open === 'follow-up'} onClick={() => toggle('follow-up')} data-testid="quick-follow-up">
          {t('quick.followUp')}
        </ToggleButton>
        <ToggleButton size="small" checked={open === 'note'} onClick={() => toggle('note')} data-testid="quick-note">
          {t('quick.note')}
        </ToggleButton>
        <ToggleButton size="small" checked={open === 'deal'} onClick={() => toggle('deal')} data-testid="quick-deal">
          {t('quick.newDeal')}
        </ToggleButton>
      </div>
      {open === 'follow-up' ? <FollowUpForm {...props} /> : null}
      {open === 'note' ? <NoteForm {...props} /> : null}
      {open === 'deal' ? <NewOpportunityForm {...props} /> : null}
      {saved ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
          <Button size="small" appearance="transparent" onClick={() => setSaved(null)} aria-label={t('action.close')}>
            ×
          </Button>
        </MessageBar>
      ) : null}
    </section>
  );
}
