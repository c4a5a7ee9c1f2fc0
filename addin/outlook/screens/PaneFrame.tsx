import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { SignedInUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  main: { flexGrow: 1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  footer: {
    display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function PaneFrame({ user, onSignOut, children }: { user: SignedInUser; onSignOut: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <main className={styles.main}>{children}</main>
      <footer className={styles.footer}>
        <Caption1>{t('auth.signedInAs', { name: user.name })}</Caption1>
        <Button size="small" appearance="subtle" onClick={onSignOut}>
          {t('auth.signOut')}
        </Button>
      </footer>
    </div>
  );
}
