import { Checkbox } from '@fluentui/react-components';

/** Which of the item's known contacts an action regards (tracking, meeting links). */
export function ContactChecklist({ legend, contacts, selected, onChange }: {
  legend: string;
  contacts: { id: string; displayName: string }[];
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  return (
    <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
      <legend>{legend}</legend>
      {contacts.map((contact) => (
        <Checkbox
          key={contact.id}
          label={contact.displayName}
          checked={selected.includes(contact.id)}
          onChange={(_, data) => onChange(data.checked ? [...selected, contact.id] : selected.filter((id) => id !== contact.id))}
        />
      ))}
    </fieldset>
  );
}
