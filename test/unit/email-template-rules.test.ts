/** E-mail template rules: who sees and changes which template, which HTML is refused, the plain-text alternative. */
import { assertCanWriteTemplate, canSeeTemplate, htmlToPlainText, unsafeHtmlIssues } from '../../shared/domain/email-template';
import { AppError } from '../../shared/domain/errors';
import type { Role } from '../../shared/domain/principal';

const who = (userId: string, ...roles: Role[]) => ({ userId, roles });
const rep = who('rep-1', 'sales-rep');
const marketing = who('mk-1', 'marketing');
const personalOf = (ownerId: string) => ({ visibility: 'personal' as const, ownerId });
const sharedBy = (ownerId: string) => ({ visibility: 'shared' as const, ownerId });

function refusal(action: () => void): AppError | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('who sees a template', () => {
  it('shows shared templates to everyone and a personal one to its owner alone, administrators included', () => {
    expect(canSeeTemplate(rep, sharedBy('mk-1'))).toBe(true);
    expect(canSeeTemplate(rep, personalOf('rep-1'))).toBe(true);
    expect(canSeeTemplate(rep, personalOf('rep-2'))).toBe(false);
    expect(canSeeTemplate(who('admin-1', 'admin'), personalOf('rep-1'))).toBe(false);
  });
});

describe('who writes a template', () => {
  it('lets a rep create, change and keep personal templates of their own', () => {
    expect(refusal(() => assertCanWriteTemplate(rep, undefined, 'personal'))).toBeUndefined();
    expect(refusal(() => assertCanWriteTemplate(rep, personalOf('rep-1'), 'personal'))).toBeUndefined();
  });

  it('refuses a rep publishing a template, naming visibility, whether new or switched', () => {
    for (const current of [undefined, personalOf('rep-1')]) {
      const error = refusal(() => assertCanWriteTemplate(rep, current, 'shared'));
      expect(error?.code).toBe('FORBIDDEN');
      expect(error?.issues.map((issue) => issue.field)).toEqual(['visibility']);
    }
  });

  it('refuses a rep changing or deleting a shared template, even one they once created', () => {
    expect(refusal(() => assertCanWriteTemplate(rep, sharedBy('mk-1'), 'shared'))?.code).toBe('FORBIDDEN');
    expect(refusal(() => assertCanWriteTemplate(rep, sharedBy('rep-1'), 'personal'))?.code).toBe('FORBIDDEN');
  });

  it('lets marketing, managers and administrators publish and maintain shared templates', () => {
    for (const caller of [marketing, who('mgr', 'sales-manager'), who('adm', 'admin')]) {
      expect(refusal(() => assertCanWriteTemplate(caller, undefined, 'shared'))).toBeUndefined();
      expect(refusal(() => assertCanWriteTemplate(caller, sharedBy('someone-else'), 'shared'))).toBeUndefined();
    }
  });

  it("refuses anyone changing someone else's personal template", () => {
    expect(refusal(() => assertCanWriteTemplate(who('adm', 'admin'), personalOf('rep-1'), 'shared'))?.code).toBe('FORBIDDEN');
  });
});

describe('HTML safety', () => {
  it('accepts ordinary e-mail HTML, including words that merely start with "on"', () => {
    expect(unsafeHtmlIssues('<p style="color:red">Join us <a href="https://example.com/online">online</a> = fun. Only {{contact.firstName}}</p>')).toEqual([]);
  });

  it.each([
    ['a script element', '<p>x</p><SCRIPT>alert(1)</SCRIPT>', 'script'],
    ['a frame', '<iframe src="https://x.example">', 'iframe'],
    ['an object', '<object data="x">', 'object'],
    ['an embed', '<Embed src="x">', 'embed'],
    ['a form', '<form action="https://x.example"><input></form>', 'form'],
    ['an event handler', '<img src="x" ONERROR="alert(1)">', 'event handler'],
    ['an event handler after a slash', '<svg/onload=alert(1)>', 'event handler'],
    ['a javascript: URL', '<a href="JavaScript:alert(1)">x</a>', 'javascript:'],
    ['a javascript: URL split by whitespace', '<a href="java\tscript:alert(1)">x</a>', 'javascript:'],
    ['a javascript: URL written with entities', '<a href="&#106;avascript&colon;alert(1)">x</a>', 'javascript:'],
  ])('refuses %s', (_case, html, reason) => {
    const issues = unsafeHtmlIssues(html);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(reason);
  });

  it('accepts merge fields in text and quoted attribute values', () => {
    expect(unsafeHtmlIssues('<a href="{{account.website}}" title="{{account.name | our site}}">{{contact.firstName | there}}</a>')).toEqual([]);
  });

  it.each([
    ['an event handler after a > inside a quoted value', '<a title="x > y" onclick="alert(1)">x</a>', 'event handler'],
    ['an event handler straight after a closing quote', "<a title='x > y'onmouseover=alert(1)>x</a>", 'event handler'],
    ['a javascript: URL after a > inside a quoted value', '<a title="x > y" href="java&#x09;script:alert(1)">x</a>', 'javascript:'],
  ])('is not fooled by quoting: refuses %s', (_case, html, reason) => {
    expect(unsafeHtmlIssues(html)).toEqual([expect.stringContaining(reason)]);
  });

  it.each([
    ['a script element split by a field with an empty fallback', '<scr{{contact.firstName|}}ipt>alert(1)</script>', 'script'],
    ['an event handler split by a field', '<p on{{contact.firstName|}}click="alert(1)">x</p>', 'event handler'],
    ['a javascript: URL split by a field', '<a href="java{{account.website|}}script:alert(1)">x</a>', 'javascript:'],
    ['a javascript: URL completed by a fallback', '<a href="java{{account.website | scr}}ipt:alert(1)">x</a>', 'javascript:'],
  ])('refuses %s (the HTML as it reads with fallbacks)', (_case, html, reason) => {
    expect(unsafeHtmlIssues(html)).toEqual([expect.stringContaining(reason)]);
  });

  it('does not fail on entities beyond Unicode', () => {
    expect(unsafeHtmlIssues('<p>&#99999999999;</p>')).toEqual([]);
  });
});

describe('the plain-text alternative', () => {
  it('turns blocks and line breaks into lines and list items into dashes, keeping merge fields', () => {
    const html = '<html><head><title>T</title><style>p { color: red }</style></head><body><p>Dear   {{contact.firstName | there}},</p>' +
      '<div>Line one<br>Line two</div><ul><li>First</li><li>Second</li></ul><!-- note --><p>Tom &amp; Jerry&nbsp;&lt;3</p></body></html>';
    expect(htmlToPlainText(html)).toBe('Dear {{contact.firstName | there}},\n\nLine one\nLine two\n\n- First\n- Second\n\nTom & Jerry <3');
  });

  it('drops a tag whole even when a quoted attribute value holds a >', () => {
    expect(htmlToPlainText('<p><a title="x > y" href="{{account.website}}">Our site</a> and <img alt=\'a>b\' src="x.png">more</p>')).toBe('Our site and more');
  });

  it('reads a quote outside an attribute value as part of the tag, as a browser does', () => {
    expect(htmlToPlainText("<p don't>Hi</p>")).toBe('Hi');
  });

  it('copes with unclosed comments and tags quickly', () => {
    const started = performance.now();
    expect(htmlToPlainText('a <!-- b')).toBe('a');
    htmlToPlainText('<br'.repeat(30_000) + '<style'.repeat(10_000));
    htmlToPlainText('<a title="x'.repeat(30_000));
    htmlToPlainText('<a b= "c" d='.repeat(30_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
