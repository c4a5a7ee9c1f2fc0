import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-en';

export interface ProblemBarProps {
  error: unknown;
  onRetry?: () => void;
  onSignIn?: () => void;
}

const KEYS: Record<ApiError['kind'], MessageKey> = {
  offline: 'error.offline',
  unreachable: 'error.unreachable',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  'not-found': 'error.notFound',
  conflict: 'error.conflict',
  validation: 'error.validation',
  'too-large': 'error.tooLarge',
  server: 'error.server',
};

/** One message per kind of failure, each with its way forward. */
export function ProblemBar({ error, onRetry, onSignIn }: ProblemBarProps) {
  const { t } = useI18n();
  if (!error) return null;
  let text: string;
  let kind: ApiError['kind'] | 'office' = 'office';
  if (error instanceof ApiError) {
    kind = error.kind;
    const detail = error.issues.length ? error.issues.map((i) => `${i.field}: ${i.message}`).join('; ') : error.message;
    // A 409 is explained by the server (a link someone else owns, a request still running): show its reason.
    text = error.status === 409 ? t('error.refused', { detail }) : t(KEYS[error.kind], { detail: error.kind === 'server' ? (error.traceId ?? `HTTP ${error.status}`) : detail });
  } else {
    text = t('error.office', { detail: error instanceof Error ? error.message : String(error) });
  }
  const intent = kind === 'offline' || kind === 'unreachable' || kind === 'conflict' ? 'warning' : 'error';
  return (
    <MessageBar intent={intent} role="alert" data-testid={`problem-${kind}`}>
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions>
        {kind === 'unauthorized' && onSignIn ? <Button size="small" onClick={onSignIn}>{t('action.signIn')}</Button> : null}
        {kind !== 'unauthorized' && kind !== 'forbidden' && onRetry ? <Button size="small" onClick={onRetry}>{t('action.retry')}</Button> : null}
      </MessageBarActions>
    </MessageBar>
  );
}
