import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
});

/** A titled list with its empty state; items are ReactNodes keyed by the caller. */
export function SectionList({ title, empty, items, testId }: { title: string; empty: string; items: { key: string; node: ReactNode }[]; testId?: string }) {
  const styles = useStyles();
  return (
    <section className={styles.section} data-testid={testId}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      {items.length === 0 ? (
        <Caption1>{empty}</Caption1>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.key} className={styles.item}>
              {item.node}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
