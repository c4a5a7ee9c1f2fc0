import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** A small pane form: its fields, Save and Cancel, and what to say below (errors). */
export function ActionForm({ label, onSubmit, submitLabel, submitDisabled, submitTestId, onCancel, cancelLabel, children, footer }: {
  label: string;
  onSubmit: () => void;
  submitLabel: string;
  submitDisabled: boolean;
  submitTestId?: string;
  onCancel: () => void;
  cancelLabel: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <form
      className={styles.form}
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={submitDisabled} data-testid={submitTestId}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{cancelLabel}</Button>
      </div>
      {footer}
    </form>
  );
}
