/** Compose (a template filled in for the recipient) and a meeting linked, logged and its outcome recorded. */
import { withScreenshotOnFailure } from './browser';
import { PaneSuite, api, pane, previewUrl, sample, signIn } from './pane-harness';

const suite = new PaneSuite();


test('a template is inserted filled in for the recipient, with a visible marker for an unknown field', async () => {
  await withScreenshotOnFailure(suite.page, 'compose-template', async () => {
    const created = await api(suite.stack)('rep1', 'POST', 'email-templates', {
      name: 'E2E follow-up',
      subject: 'Following up, {{contact.firstName}}',
      html: '<p>Hello {{contact.firstName}} at {{account.name}}, {{contact.shoeSize}}.</p>',
      visibility: 'personal',
    });
    expect(created.status).toBe(201);
    const recipient = sample('compose-new').to[0]?.displayName ?? '';
    const firstName = recipient.split(' ')[0] ?? '';

    await suite.page.goto(previewUrl(suite.stack, 'compose-new'));
    await signIn(suite.page, suite.context, 'rep1');
    const frame = pane(suite.page);
    await frame.getByRole('radio', { name: /E2E follow-up/ }).check({ timeout: 30000 });
    await frame.getByTestId('template-recipient').waitFor();
    await frame.getByTestId('template-insert').click();
    await frame.getByText('Template inserted', { exact: false }).waitFor();
    const body = suite.page.getByTestId('compose-body');
    await body.getByText(`Hello ${firstName}`, { exact: false }).waitFor();
    const text = (await body.innerText()) ?? '';
    expect(text).toContain('[Unknown field: contact.shoeSize]');
    expect(text).not.toContain('{{');
  });
});

test('a meeting is linked to its contacts, logged as an activity, and its outcome recorded', async () => {
  await withScreenshotOnFailure(suite.page, 'meeting-link', async () => {
    await suite.page.goto(previewUrl(suite.stack, 'appt-meeting'));
    await signIn(suite.page, suite.context, 'rep1');
    const frame = pane(suite.page);
    await frame.getByTestId('meeting-link').click({ timeout: 30000 });
    await frame.getByTestId('meeting-linked').waitFor();
    await frame.getByTestId('meeting-outcome-text').fill('Agreed on a pilot in March.');
    await frame.getByTestId('meeting-complete').click();
    await frame.getByTestId('meeting-outcome').waitFor();

    const appointment = sample('appt-meeting');
    const view = await api(suite.stack)<{ meeting: { activityId: string } | null }>('rep1', 'POST', 'outlook/context', {
      participants: [{ email: appointment.organizer?.emailAddress ?? '', role: 'organizer' }],
      item: { kind: 'appointment', key: appointment.itemId },
    });
    const activityId = view.body.meeting?.activityId ?? '';
    const logged = (await api(suite.stack)<{ status: string; completion?: { result: string } }>('rep1', 'GET', `activities/${activityId}`)).body;
    expect(logged?.status).toBe('completed');
    expect(logged?.completion?.result).toBe('Agreed on a pilot in March.');
  });
});

test('"track when sent" tracks the message as it leaves, and the sent copy shows it tracked', async () => {
  await withScreenshotOnFailure(suite.page, 'track-when-sent', async () => {
    const subject = `Your renewal quote ${Date.now()}`;
    await suite.page.goto(previewUrl(suite.stack, 'compose-new'));
    await signIn(suite.page, suite.context, 'rep1');
    await suite.page.getByTestId('compose-subject').fill(subject);
    await suite.page.getByTestId('compose-body').fill('Please find the quote for the two-year renewal attached.');
    const frame = pane(suite.page);
    await frame.getByTestId('track-when-sent').check({ timeout: 30000 });
    await frame.getByText('This message will be tracked when sent.').waitFor();

    await suite.page.getByTestId('send').click();
    await suite.page.getByTestId('send-status').getByText('Sent:', { exact: false }).waitFor({ timeout: 30000 });
    // The sent copy is selected: the pinned pane recognises it by the tracking header.
    await frame.getByTestId('tracked').waitFor({ timeout: 30000 });

    const recipient = sample('compose-new').to[0]?.emailAddress ?? '';
    const lookup = await api(suite.stack)<{ matches: { contact: { id: string } }[] }>('rep1', 'GET', `contacts/lookup?email=${encodeURIComponent(recipient)}`);
    const history = await api(suite.stack)<{ items: { kind: string; title: string }[] }>('rep1', 'GET', `contacts/${lookup.body.matches[0]?.contact.id ?? ''}/history?limit=50`);
    expect(history.body.items.filter((entry) => entry.kind === 'email' && entry.title === subject)).toHaveLength(1);
  });
});
