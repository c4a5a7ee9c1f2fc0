/**
 * What a rep sees in the Outlook pane, in the local preview (the Office.js stand-in) in Chromium:
 * the sender's card, tracking, an unknown sender's company suggested, a stale deal's conflict.
 */
import { withScreenshotOnFailure } from './browser';
import { PaneSuite, api, pane, previewUrl, sample, select, signIn } from './pane-harness';

const suite = new PaneSuite();


const known = sample('msg-known');
const knownName = known.from?.displayName ?? '';
const knownEmail = known.from?.emailAddress ?? '';

async function contactIdOf(email: string): Promise<string> {
  const found = await api(suite.stack)<{ matches: { contact: { id: string } }[] }>('rep1', 'GET', `contacts/lookup?email=${encodeURIComponent(email)}`);
  const id = found.body.matches[0]?.contact.id;
  if (!id) throw new Error(`No seeded contact with ${email}`);
  return id;
}

test('a message from a known contact shows the contact card with the account', async () => {
  await withScreenshotOnFailure(suite.page, 'known-contact-card', async () => {
    await suite.page.goto(previewUrl(suite.stack, 'msg-known'));
    await signIn(suite.page, suite.context, 'rep1');
    const card = pane(suite.page).getByTestId('contact-card').filter({ hasText: knownName }).first();
    await card.waitFor({ timeout: 30000 });
    const contact = await api(suite.stack)<{ accountName?: string; jobTitle?: string; phones: { number: string }[] }>('rep1', 'GET', `contacts/${await contactIdOf(knownEmail)}`);
    // The seeded sender has all of these; the card must show each.
    expect(contact.body.accountName && contact.body.jobTitle && contact.body.phones[0]).toBeTruthy();
    await card.getByText(contact.body.accountName ?? '', { exact: false }).first().waitFor();
    await card.getByText(contact.body.jobTitle ?? '', { exact: false }).first().waitFor();
    await card.getByText(contact.body.phones[0]?.number ?? '', { exact: false }).first().waitFor();
    await card.getByTestId('open-deals').waitFor();
    await card.getByTestId('upcoming').waitFor();
    await card.getByTestId('history').waitFor();
    // The seeded sender's contact is rep1's own.
    await card.getByText('You', { exact: true }).waitFor();
  });
});

test('tracking the message puts it in the contact history once, and reopening shows it tracked', async () => {
  await withScreenshotOnFailure(suite.page, 'track-email', async () => {
    await suite.page.goto(previewUrl(suite.stack, 'msg-known'));
    await signIn(suite.page, suite.context, 'rep1');
    const frame = pane(suite.page);
    await frame.getByTestId('track-open').click();
    await frame.getByTestId('track-submit').click();
    await frame.getByTestId('tracked').waitFor();

    const contactId = await contactIdOf(knownEmail);
    const history = await api(suite.stack)<{ items: { kind: string; title: string }[] }>('rep1', 'GET', `contacts/${contactId}/history?limit=50`);
    const emails = history.body.items.filter((entry) => entry.kind === 'email' && entry.title === known.subject);
    expect(emails).toHaveLength(1);

    // The pinned pane follows the selection: away and back, the message is shown tracked.
    await select(suite.page, 'msg-stranger');
    await frame.getByTestId('unknown-participant').first().waitFor();
    await select(suite.page, 'msg-known');
    await frame.getByTestId('tracked').waitFor();
  });
});

test('an unknown sender from a known company gets that company suggested before adding', async () => {
  await withScreenshotOnFailure(suite.page, 'unknown-sender-suggestion', async () => {
    await suite.page.goto(previewUrl(suite.stack, 'msg-unknown-company'));
    await signIn(suite.page, suite.context, 'rep1');
    const sender = sample('msg-unknown-company').from?.emailAddress ?? '';
    const domain = sender.split('@')[1] ?? '';
    const accounts = await api(suite.stack)<{ items: { name: string; emailDomains?: string[] }[] }>('rep1', 'GET', `accounts?q=${encodeURIComponent(domain.split('.')[0] ?? '')}`);
    const account = accounts.body.items.find((a) => a.emailDomains?.includes(domain));
    expect(account).toBeDefined();
    const unknown = pane(suite.page).getByTestId('unknown-participant').filter({ hasText: sender });
    await unknown.getByTestId('suggested-account').filter({ hasText: account?.name ?? '' }).waitFor({ timeout: 30000 });
  });
});

test('moving a deal someone else changed shows the conflict, and applying on the latest version works', async () => {
  await withScreenshotOnFailure(suite.page, 'stage-conflict', async () => {
    const contactId = await contactIdOf(knownEmail);
    const contact = await api(suite.stack)<{ accountId: string }>('rep1', 'GET', `contacts/${contactId}`);
    const stages = await api(suite.stack)<{ stages: { id: string; name: string; kind: string }[] }>('rep1', 'GET', 'settings/sales-stages');
    const open = stages.body.stages.filter((s) => s.kind === 'open');
    const [first, second, third] = open;
    if (!first || !second || !third) throw new Error('The default stage list has fewer than three open stages');
    const created = await api(suite.stack)<{ id: string; etag: string }>('rep1', 'POST', 'opportunities', {
      name: 'Conflict check deal',
      accountId: contact.body.accountId,
      stage: first.id,
      amount: 1000,
      expectedCloseDate: new Date(Date.now() + 86400000 * 20).toISOString().slice(0, 10),
    });
    expect(created.status).toBe(201);

    await suite.page.goto(previewUrl(suite.stack, 'msg-known'));
    await signIn(suite.page, suite.context, 'rep1');
    const frame = pane(suite.page);
    await frame.getByTestId(`stage-select-${created.body.id}`).selectOption(third.id);

    // Someone else moves the deal while the pane shows the old version.
    const current = await api(suite.stack)<{ etag: string }>('rep1', 'GET', `opportunities/${created.body.id}`);
    const moved = await api(suite.stack)('manager', 'POST', `opportunities/${created.body.id}/stage`, { stage: second.id }, { 'If-Match': current.headers.get('etag') ?? current.body.etag });
    expect(moved.status).toBe(200);

    await frame.getByTestId(`stage-move-${created.body.id}`).click();
    const conflict = frame.getByTestId('stage-conflict');
    await conflict.waitFor();
    await conflict.getByText(second.name, { exact: false }).first().waitFor();
    await frame.getByTestId('stage-apply-mine').click();
    await conflict.waitFor({ state: 'detached' });
    const after = await api(suite.stack)<{ stage: string }>('rep1', 'GET', `opportunities/${created.body.id}`);
    expect(after.body.stage).toBe(third.id);
  });
});

test('a note typed while offline is kept, explained, and saved once the network is back', async () => {
  await withScreenshotOnFailure(suite.page, 'offline-note', async () => {
    await suite.page.goto(previewUrl(suite.stack, 'msg-known'));
    await signIn(suite.page, suite.context, 'rep1');
    const frame = pane(suite.page);
    const card = frame.getByTestId('contact-card').filter({ hasText: knownName }).first();
    await card.getByTestId('quick-note').click();
    const text = `Asked for a two-year renewal quote (${Date.now()})`;
    await card.getByTestId('note-text').fill(text);

    await suite.context.setOffline(true);
    await card.getByTestId('note-save').click();
    await frame.getByTestId('problem-offline').waitFor();
    expect(await card.getByTestId('note-text').inputValue()).toBe(text);

    await suite.context.setOffline(false);
    await frame.getByTestId('problem-offline').getByRole('button', { name: 'Try again' }).click();
    await frame.getByText('Note added to the history.').waitFor();
    const history = await api(suite.stack)<{ items: { kind: string; summary?: string }[] }>('rep1', 'GET', `contacts/${await contactIdOf(knownEmail)}/history?limit=50`);
    expect(history.body.items.filter((entry) => entry.kind === 'note' && entry.summary === text)).toHaveLength(1);
  });
});

test('a read-only user who tries to track is told their role does not allow it, and nothing is written', async () => {
  await withScreenshotOnFailure(suite.page, 'forbidden-track', async () => {
    await suite.page.goto(previewUrl(suite.stack, 'msg-colleagues'));
    await signIn(suite.page, suite.context, 'readonly');
    const frame = pane(suite.page);
    await frame.getByTestId('track-open').click({ timeout: 30000 });
    await frame.getByTestId('track-submit').click();
    const problem = frame.getByTestId('problem-forbidden');
    await problem.getByText('Your role does not allow this', { exact: false }).waitFor();
    // No retry is offered for a refusal that retrying cannot change.
    expect(await problem.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    const sender = sample('msg-colleagues').from?.emailAddress ?? '';
    const history = await api(suite.stack)<{ items: { kind: string; title: string }[] }>('readonly', 'GET', `contacts/${await contactIdOf(sender)}/history?limit=50`);
    expect(history.body.items.filter((entry) => entry.kind === 'email' && entry.title === sample('msg-colleagues').subject)).toHaveLength(0);
  });
});
