import { Button, MessageBar, MessageBarBody, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXL, maxWidth: '420px' },
});

export function SignInScreen({ busy, error, onSignIn }: { busy: boolean; error: string | undefined; onSignIn: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.root} aria-busy={busy}>
      <Title3 as="h1">{t('auth.title')}</Title3>
      <Text>{t('auth.intro')}</Text>
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('auth.failed', { reason: error })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {busy ? (
        <Spinner size="small" label={t('auth.signingIn')} />
      ) : (
        <Button appearance="primary" onClick={onSignIn} data-testid="sign-in">
          {t('auth.signIn')}
        </Button>
      )}
    </main>
  );
}
