import { Avatar, Body1Strong, Button, Caption1, Card, CardHeader, Link, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown20Regular, ChevronUp20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

export interface ContactCardFacts {
  name: string;
  jobTitle?: string;
  accountName?: string;
  phone?: string;
  owner?: string;
  email: string;
  roleLabel: string;
}

export interface ContactCardLabels {
  title: string;
  account: string;
  phone: string;
  owner: string;
  toggle: string;
}

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A CRM contact as the pane shows it: who, where, how to reach them, whose customer. */
export function ContactCardView({ facts, labels, expanded, onToggle, children }: {
  facts: ContactCardFacts;
  labels: ContactCardLabels;
  expanded: boolean;
  onToggle: () => void;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const rows: [string, ReactNode][] = [];
  if (facts.jobTitle) rows.push([labels.title, facts.jobTitle]);
  if (facts.accountName) rows.push([labels.account, facts.accountName]);
  if (facts.phone) rows.push([labels.phone, <Link key="phone" href={`tel:${facts.phone.replace(/\s+/g, '')}`}>{facts.phone}</Link>]);
  if (facts.owner) rows.push([labels.owner, facts.owner]);
  return (
    <Card data-testid="contact-card" aria-label={facts.name}>
      <CardHeader
        image={<Avatar name={facts.name} color="colorful" aria-hidden />}
        header={<Body1Strong>{facts.name}</Body1Strong>}
        description={<Caption1>{facts.roleLabel} · {facts.email}</Caption1>}
        action={<Button appearance="subtle" size="small" aria-expanded={expanded} aria-label={labels.toggle} onClick={onToggle} icon={expanded ? <ChevronUp20Regular /> : <ChevronDown20Regular />} />}
      />
      <dl className={styles.facts}>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {expanded ? <div className={styles.body}>{children}</div> : null}
    </Card>
  );
}
