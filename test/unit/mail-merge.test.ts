/** Merge fields: the syntax, what a reader of the rendered e-mail sees, and the values taken from CRM records. */
import fc from 'fast-check';
import type { AccountRecord } from '../../shared/domain/account';
import type { ContactRecord } from '../../shared/domain/contact';
import { fieldPolicyFor } from '../../shared/domain/field-security';
import { MERGE_FIELDS, mergeFieldsOf, mergeLookup, parseMergeTemplate, renderMergeTemplate, type MergeValue } from '../../shared/domain/mail-merge';
import type { OpportunityRecord } from '../../shared/domain/opportunity';

const values: Record<string, string> = { 'contact.firstName': 'Olivia', 'account.name': 'Northwind & Sons', 'contact.lastName': '<b>Andersen</b>' };
const known = new Set<string>(MERGE_FIELDS.map((definition) => definition.field));
const lookup = (field: string): MergeValue => {
  if (!known.has(field)) return { status: 'unknown' };
  const value = values[field];
  return value === undefined ? { status: 'missing' } : { status: 'value', value };
};
const html = (template: string) => renderMergeTemplate(template, lookup, 'html');
const text = (template: string) => renderMergeTemplate(template, lookup, 'text');

describe('merge-field syntax', () => {
  it('fills {{entity.field}}, with or without spaces inside the braces', () => {
    expect(text('Dear {{contact.firstName}}, hello {{ contact.firstName }}!').output).toBe('Dear Olivia, hello Olivia!');
  });

  it('accepts a field name in any case and reports it as the catalogue spells it', () => {
    expect(text('Hi {{Contact.FIRSTNAME}}').output).toBe('Hi Olivia');
    expect(mergeFieldsOf('{{CONTACT.firstname}}')).toEqual(['contact.firstName']);
  });

  it('takes the text after | as the fallback, trimmed', () => {
    const result = text('Hi {{ contact.jobTitle | dear colleague }}!');
    expect(result.output).toBe('Hi dear colleague!');
    expect(result.fields).toEqual([{ field: 'contact.jobTitle', status: 'fallback' }]);
  });

  it('lets an empty fallback drop a missing value silently', () => {
    expect(text('Hi {{contact.firstName}}{{contact.jobTitle|}}.').output).toBe('Hi Olivia.');
  });

  it.each([
    ['empty braces', 'a {{ }} b'],
    ['an unclosed opening', 'a {{contact.firstName b'],
    ['words that are not a field name', 'a {{not a name}} b'],
    ['a lone closing', 'a }} b'],
    ['a dangling dot', '{{contact.}}'],
  ])('leaves %s as text without failing', (_case, template) => {
    expect(text(template).output).toBe(template);
    expect(text(template).fields).toEqual([]);
  });

  it('pairs a closing with the nearest opening, so stray braces around a field stay text', () => {
    expect(text('{{{contact.firstName}}}').output).toBe('{Olivia}');
    expect(text('{{ oops {{contact.firstName}}').output).toBe('{{ oops Olivia');
  });

  it('lists the distinct fields a subject and body use, in order of first use, unknown ones included', () => {
    expect(mergeFieldsOf('Offer for {{account.name}}', '<p>{{contact.firstName}} {{account.name}} {{contact.shoeSize | -}}</p>')).toEqual([
      'account.name',
      'contact.firstName',
      'contact.shoeSize',
    ]);
  });

  it('parses a long template full of braces quickly (no quadratic rescans)', () => {
    const hostile = '{{'.repeat(50_000) + 'x}}' + '{{ a'.repeat(20_000);
    const started = performance.now();
    parseMergeTemplate(hostile);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('rendering HTML', () => {
  it('escapes values, so a name with markup is shown, not interpreted', () => {
    expect(html('<p>{{contact.lastName}} at {{account.name}}</p>').output).toBe('<p>&lt;b&gt;Andersen&lt;/b&gt; at Northwind &amp; Sons</p>');
  });

  it('keeps the template markup and the fallback as written', () => {
    expect(html('<p>Hi {{contact.jobTitle | <i>there</i>}}</p>').output).toBe('<p>Hi <i>there</i></p>');
  });

  it('marks a missing value without fallback with a visible, labelled highlight', () => {
    const result = renderMergeTemplate('<p>Hi {{contact.firstName}}</p>', () => ({ status: 'missing' }), 'html');
    expect(result.output).toBe(
      '<p>Hi <span data-merge-field="contact.firstName" data-merge-status="missing" style="background-color:#fff4ce;color:#3b2e00">[First name]</span></p>',
    );
    expect(result.fields).toEqual([{ field: 'contact.firstName', status: 'missing' }]);
  });

  it('marks an unknown field, even with a fallback, so the author notices the typo', () => {
    const result = html('{{contact.firstNmae | there}}');
    expect(result.output).toBe(
      '<span data-merge-field="contact.firstNmae" data-merge-status="unknown" style="background-color:#fff4ce;color:#3b2e00">[Unknown field: contact.firstNmae]</span>',
    );
    expect(result.fields).toEqual([{ field: 'contact.firstNmae', status: 'unknown' }]);
  });

  it('writes a marker inside a tag as plain text, keeping the tag intact', () => {
    expect(html('<a title="{{contact.jobTitle}}">x</a>').output).toBe('<a title="[Job title]">x</a>');
  });

  it('never puts a javascript: value into an attribute', () => {
    const evil = (): MergeValue => ({ status: 'value', value: 'javascript:alert(1)' });
    expect(renderMergeTemplate('<a href="{{account.website}}">site</a>', evil, 'html').output).toBe('<a href="[Website]">site</a>');
    expect(renderMergeTemplate('<p>{{account.website}}</p>', evil, 'html').output).toBe('<p>javascript:alert(1)</p>');
  });

  it('treats an empty value as missing rather than leaving a gap', () => {
    expect(renderMergeTemplate('Dear {{contact.firstName}},', () => ({ status: 'value', value: ' ' }), 'text').output).toBe('Dear [First name],');
  });

  it('reports a field used with and without fallback as missing when it has no value', () => {
    expect(html('{{contact.jobTitle | x}} {{contact.jobTitle}}').fields).toEqual([{ field: 'contact.jobTitle', status: 'missing' }]);
    expect(html('{{contact.firstName}} {{contact.firstName|x}}').fields).toEqual([{ field: 'contact.firstName', status: 'resolved' }]);
  });
});

describe('rendering text', () => {
  it('inserts values as they are and marks gaps with [Label]', () => {
    expect(text('{{contact.lastName}} / {{contact.jobTitle}} / {{user.bogus}}').output).toBe('<b>Andersen</b> / [Job title] / [Unknown field: user.bogus]');
  });
});

describe('no placeholder survives rendering', () => {
  const name = fc.oneof(fc.constantFrom(...known), fc.stringMatching(/^[A-Za-z_]\w{0,8}(\.[A-Za-z_]\w{0,8}){0,2}$/));
  const plain = fc.string({ maxLength: 12 }).map((value) => value.replace(/[{}|]/g, ''));
  const value: fc.Arbitrary<MergeValue> = fc.oneof(
    plain.map((content) => ({ status: 'value' as const, value: content })),
    fc.constant({ status: 'missing' as const }),
    fc.constant({ status: 'unknown' as const }),
  );
  const placeholder = fc.record({ name, spaces: fc.constantFrom('', ' ', '  '), fallback: fc.option(plain, { nil: undefined }) });
  const template = fc.array(fc.oneof(plain, placeholder), { maxLength: 8 });

  it('for any field name, status and fallback, in both formats', () => {
    fc.assert(
      fc.property(template, fc.func(value), fc.constantFrom('html' as const, 'text' as const), (parts, answer, format) => {
        const source = parts
          .map((part) => (typeof part === 'string' ? part : `{{${part.spaces}${part.name}${part.fallback === undefined ? '' : ` | ${part.fallback}`}${part.spaces}}}`))
          .join('');
        expect(renderMergeTemplate(source, answer, format).output).not.toContain('{{');
      }),
    );
  });

  it('in HTML even when a value itself holds braces', () => {
    fc.assert(
      fc.property(name, fc.string(), (field, raw) => {
        expect(renderMergeTemplate(`{{${field}}}`, () => ({ status: 'value', value: `{{${raw}}}` }), 'html').output).not.toContain('{{');
      }),
    );
  });
});

describe('values from CRM records', () => {
  const contact = {
    firstName: 'Olivia',
    lastName: 'Andersen',
    emails: [{ address: 'o@home.example', label: 'personal' }, { address: 'olivia@northwind.example', label: 'work' }],
    phones: [{ number: '+44 20 7946 0018', label: 'mobile' }],
    jobTitle: 'Buyer',
  } as ContactRecord;
  const account = { name: 'Northwind', address: { city: 'London', country: 'United Kingdom' } } as AccountRecord;
  const opportunity = { name: 'Fleet renewal', stage: 'propose', amount: 12500, currency: 'EUR', expectedCloseDate: '2027-03-31' } as OpportunityRecord;
  const sources = { contact, account, opportunity, stageNames: new Map([['propose', 'Propose']]), sender: { displayName: 'Riley Rep', email: 'rep1@contoso.example' } };
  const open = fieldPolicyFor([], ['sales-rep']);
  const render = (template: string, policy = open) => renderMergeTemplate(template, mergeLookup(sources, policy), 'text').output;

  it('reads names, the work e-mail, the first phone and the address', () => {
    expect(render('{{contact.fullName}} <{{contact.email}}> {{contact.phone}}, {{account.name}}, {{account.city}}, {{account.country}}')).toBe(
      'Olivia Andersen <olivia@northwind.example> +44 20 7946 0018, Northwind, London, United Kingdom',
    );
  });

  it('reads the deal with its stage name, a grouped amount and the ISO close date', () => {
    expect(render('{{opportunity.name}}: {{opportunity.stage}}, {{opportunity.amount}} {{opportunity.currency}} by {{opportunity.closeDate}}')).toBe(
      'Fleet renewal: Propose, 12,500.00 EUR by 2027-03-31',
    );
  });

  it('signs as the sender', () => {
    expect(render('{{user.displayName}} ({{user.email}})')).toBe('Riley Rep (rep1@contoso.example)');
  });

  it('leaves the fields of an absent record missing', () => {
    expect(renderMergeTemplate('{{opportunity.name}}', mergeLookup({ ...sources, opportunity: undefined }, open), 'text').output).toBe('[Opportunity name]');
  });

  it('renders a field hidden from the caller as missing, never its value, and fields made of it too', () => {
    const policy = fieldPolicyFor([{ entity: 'contact', field: 'jobTitle', role: 'sales-rep', access: 'hidden' }, { entity: 'contact', field: 'firstName', role: 'sales-rep', access: 'hidden' }], ['sales-rep']);
    expect(render('{{contact.jobTitle | n/a}} {{contact.firstName}} {{contact.fullName}} {{contact.lastName}}', policy)).toBe('n/a [First name] [Full name] Andersen');
  });

  it('hides a merge field when a rule names it directly (a rule on the response field fullName)', () => {
    const policy = fieldPolicyFor([{ entity: 'contact', field: 'fullName', role: 'marketing', access: 'hidden' }], ['marketing']);
    expect(render('{{contact.fullName}}', policy)).toBe('[Full name]');
  });
});
