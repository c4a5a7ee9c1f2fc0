import { Field, Select } from '@fluentui/react-components';

/** An optional opportunity to link, among the open deals of the item's accounts. */
export function DealPicker({ label, noneLabel, deals, value, onChange, testId }: {
  label: string;
  noneLabel: string;
  deals: { id: string; name: string }[];
  value: string;
  onChange: (id: string) => void;
  testId?: string;
}) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChange(data.value)} data-testid={testId}>
        <option value="">{noneLabel}</option>
        {deals.map((deal) => (
          <option key={deal.id} value={deal.id}>
            {deal.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
