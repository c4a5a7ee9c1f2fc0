/**
 * Move a deal to another stage. The move carries the ETag the pane read; when someone changed the
 * deal meanwhile (412) the user sees what changed and chooses: re-apply on the latest, or keep theirs.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { ApiError } from '../../api/api-error';
import type { OpportunitySummary, SalesStage } from '../../api/crm-api';
import { ProblemBar } from '../../components/ProblemBar';
import { useI18n } from '../../i18n/i18n';
import { usePane } from '../pane-services';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginTop: tokens.spacingVerticalXS },
  status: { marginTop: tokens.spacingVerticalXS },
});

type Conflict = { etag: string; stage: string };

export function StageMover({ deal, stages, onMoved }: { deal: OpportunitySummary; stages: SalesStage[]; onMoved: () => void }) {
  const { t } = useI18n();
  const { api, signIn } = usePane();
  const styles = useStyles();
  const selectId = useId();
  const [wanted, setWanted] = useState(deal.stage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const stageName = (id: string) => stages.find((s) => s.id === id)?.name ?? id;

  const move = async (etag: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api.moveStage(deal.id, etag, wanted);
      setConflict(null);
      setDone(t('stage.moved', { name: deal.name, stage: stageName(wanted) }));
      onMoved();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 412) {
        const latest = await api.getOpportunity(deal.id).catch((readError: unknown) => {
          setError(readError);
          return null;
        });
        if (latest) setConflict({ etag: latest.etag ?? latest.body.etag, stage: latest.body.stage });
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  if (stages.length === 0) return null;
  return (
    <div>
      <div className={styles.row}>
        <Select id={selectId} size="small" value={wanted} onChange={(_, data) => setWanted(data.value)} aria-label={t('stage.label', { name: deal.name })} data-testid={`stage-select-${deal.id}`}>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </Select>
        <Button size="small" disabled={busy || wanted === deal.stage} onClick={() => void move(deal.etag)} data-testid={`stage-move-${deal.id}`}>
          {t('stage.move')}
        </Button>
      </div>
      {conflict ? (
        <MessageBar intent="warning" className={styles.status} role="alert" data-testid="stage-conflict">
          <MessageBarBody>{t('stage.conflict', { name: deal.name, stage: stageName(conflict.stage), wanted: stageName(wanted) })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void move(conflict.etag)} data-testid="stage-apply-mine">
              {t('stage.applyMine')}
            </Button>
            <Button
              size="small"
              disabled={busy}
              onClick={() => {
                setConflict(null);
                setWanted(conflict.stage);
                onMoved();
              }}
            >
              {t('stage.keepTheirs')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {error ? <ProblemBar error={error} onRetry={() => void move(deal.etag)} onSignIn={signIn} /> : null}
      {done ? (
        <MessageBar intent="success" className={styles.status} role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
