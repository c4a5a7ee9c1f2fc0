/** Every participant: a card when the CRM knows them, "add to CRM" with suggestions otherwise. */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { OutlookContext } from '../../api/crm-api';
import { useI18n } from '../../i18n/i18n';
import { ContactPanel } from './ContactPanel';
import { UnknownParticipant } from '../actions/UnknownParticipant';
import { useSalesStages } from '../use-sales-stages';

const useStyles = makeStyles({ list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function ParticipantList({ itemKey, context, onChanged }: { itemKey: string; context: OutlookContext; onChanged: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const stages = useSalesStages();
  const firstKnown = context.participants.find((p) => p.contactIds.length > 0)?.contactIds[0];
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(firstKnown ? [firstKnown] : []));
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  if (context.participants.length === 0) return <Caption1>{t('read.noParticipants')}</Caption1>;
  const shown = new Set<string>();
  return (
    <div className={styles.list}>
      {context.participants.map((participant) => {
        if (participant.contactIds.length === 0) {
          return <UnknownParticipant key={participant.email} itemKey={itemKey} participant={participant} onAdded={onChanged} />;
        }
        return participant.contactIds
          .filter((id) => !shown.has(id) && shown.add(id))
          .map((id) => {
            const contact = context.contacts.find((c) => c.id === id);
            if (!contact) return null;
            const account = context.accounts.find((a) => a.id === contact.accountId);
            return (
              <ContactPanel
                key={`${participant.email}:${id}`}
                itemKey={itemKey}
                contact={contact}
                account={account}
                participant={participant}
                stages={stages}
                expanded={expanded.has(id)}
                onToggle={() => toggle(id)}
                onChanged={onChanged}
              />
            );
          });
      })}
    </div>
  );
}
