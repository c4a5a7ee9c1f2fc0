/** One known participant: the contact card, the account's open deals, what is planned and what happened. */
import { Caption1, Text } from '@fluentui/react-components';
import type { AccountPanel, ContactCard, ParticipantContext, SalesStage } from '../../api/crm-api';
import { ContactCardView } from '../../components/ContactCardView';
import { SectionList } from '../../components/SectionList';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages-en';
import { usePane } from '../pane-services';
import { QuickActions } from '../actions/QuickActions';
import { StageMover } from '../actions/StageMover';

export interface ContactPanelProps {
  itemKey: string;
  contact: ContactCard;
  account: AccountPanel | undefined;
  participant: ParticipantContext;
  stages: SalesStage[];
  expanded: boolean;
  onToggle: () => void;
  onChanged: () => void;
}

export function ContactPanel({ itemKey, contact, account, participant, stages, expanded, onToggle, onChanged }: ContactPanelProps) {
  const { t, formatDate, formatDateTime, formatMoney } = useI18n();
  const { user } = usePane();
  const stageName = (id: string) => stages.find((s) => s.id === id)?.name ?? id;
  return (
    <ContactCardView
      facts={{
        name: contact.displayName,
        email: participant.email,
        roleLabel: t(`read.role.${participant.role}` as MessageKey),
        ...(contact.jobTitle ? { jobTitle: contact.jobTitle } : {}),
        ...(contact.accountName ? { accountName: contact.accountName } : {}),
        ...(contact.phone ? { phone: contact.phone } : {}),
        // A field rule may hide the owner: then the card has no owner row at all.
        ...(contact.ownerId ? { owner: contact.ownerId === user.userId ? t('card.ownerYou') : (contact.ownerName ?? t('card.ownerUnknown')) } : {}),
      }}
      labels={{
        title: t('card.title'),
        account: t('card.account'),
        phone: t('card.phone'),
        owner: t('card.owner'),
        toggle: t(expanded ? 'card.hideDetails' : 'card.showDetails', { name: contact.displayName }),
      }}
      expanded={expanded}
      onToggle={onToggle}
    >
      <SectionList
        testId="open-deals"
        title={t('card.openDeals')}
        empty={t('card.noOpenDeals')}
        items={(account?.openOpportunities ?? []).map((deal) => ({
          key: deal.id,
          node: (
            <div>
              <Text weight="semibold">{deal.name}</Text>
              <Caption1 block>
                {stageName(deal.stage)} · {formatMoney(deal.amount, deal.currency)}
                {deal.expectedCloseDate ? ` · ${t('card.closeDate', { date: formatDate(deal.expectedCloseDate) })}` : ''}
              </Caption1>
              <StageMover deal={deal} stages={stages} onMoved={onChanged} />
            </div>
          ),
        }))}
      />
      <SectionList
        testId="upcoming"
        title={t('card.upcoming')}
        empty={t('card.noUpcoming')}
        items={contact.upcomingActivities.map((activity) => ({
          key: activity.id,
          node: (
            <Caption1>
              {formatDateTime(activity.start) || formatDate(activity.dueDate)} · {activity.subject}
            </Caption1>
          ),
        }))}
      />
      <SectionList
        testId="history"
        title={t('card.history')}
        empty={t('card.noHistory')}
        items={contact.recentHistory.map((entry) => ({
          key: entry.id,
          node: (
            <Caption1>
              {formatDate(entry.occurredAt)} · {entry.title}
            </Caption1>
          ),
        }))}
      />
      <QuickActions itemKey={itemKey} contact={contact} account={account} onSaved={onChanged} />
    </ContactCardView>
  );
}
