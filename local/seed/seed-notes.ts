/** Notes on the timelines of some accounts and contacts, so history is not empty on first look. */
import { addNote } from '../../functions/usecases/history/timeline.usecase';
import { seedId } from './seed-data';
import { callWithId, createOnce, type SeedContext } from './seed-support';

const NOTES = [
  'Met at the trade fair; interested in the premium support plan.',
  'Budget approved for next quarter. Follow up after their board meeting.',
  'Prefers e-mail over calls. Decision maker is the CFO.',
  'Asked for references in their industry; sent two case studies.',
];

export async function seedNotes(context: SeedContext): Promise<void> {
  const day = 24 * 60 * 60 * 1000;
  const base = Date.parse('2026-09-01T09:00:00Z');
  for (let index = 0; index < context.contacts.length; index += 3) {
    const contact = context.contacts[index];
    if (!contact?.input.accountId) continue;
    const text = NOTES[index % NOTES.length] as string;
    const occurredAt = new Date(base + (index % 80) * day).toISOString();
    const regarding = [
      { entity: 'contact' as const, id: contact.id },
      { entity: 'account' as const, id: contact.input.accountId },
    ];
    await createOnce(context.report, () => addNote(callWithId(context, seedId(`note:${index}`)), { regarding, text, occurredAt }));
  }
}
