/** Merge fields: the syntax, what a reader of the rendered e-mail sees, and the values taken from CRM records. */
import fc from 'fast-check';
import type { AccountRecord } from '../../shared/domain/account';
import type { ContactRecord } from '../../shared/domain/contact';
import { fieldPolicyFor } from '../../shared/domain/field-security';
import { MERGE_FIELDS, mergeFieldsOf, mergeLookup, mergeSyntaxIssues, parseMergeTemplate, renderMergeTemplate, type MergeValue } from '../../shared/domain/mail-merge';
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

  it('leaves a lone closing as text', () => {
    expect(text('a }} b').output).toBe('a }} b');
    expect(text('a }} b').fields).toEqual([]);
  });

  it.each([
    ['words with a space', 'Dear {{first name}},', 'Dear [Unknown field: first name],'],
    ['a hyphenated name', 'Dear {{contact.first-name}},', 'Dear [Unknown field: contact.first-name],'],
    ['a placeholder missing a closing brace', 'Dear {{ contact.firstName },', 'Dear [Unknown field: contact.firstName],'],
    ['an opening never closed', 'a {{contact.firstName b', 'a [Unknown field: contact.firstName] b'],
    ['a lone opening', 'a {{', 'a [Unknown field]'],
    ['empty braces', 'a {{ }} b', 'a [Unknown field] b'],
    ['a dangling dot', '{{contact.}}', '[Unknown field: contact.]'],
    ['a brace in the fallback', 'Hi {{contact.jobTitle | {friend}}}!', 'Hi [Unknown field: contact.jobTitle]}!'],
  ])('shows %s (a template stored before such were refused) as an unknown-field marker, never as written', (_case, template, shown) => {
    expect(text(template).output).toBe(shown);
    expect(text(template).fields.map((use) => use.status)).toEqual(['unknown']);
    expect(mergeFieldsOf(template)).toEqual([]);
    expect(html(template).output).not.toContain('{{');
    expect(html(template).output).toContain('data-merge-status="unknown"');
  });

  it('pairs a closing with the nearest opening: a stray brace before a field stays text, an opening left unclosed before it is marked', () => {
    expect(text('{{{contact.firstName}}}').output).toBe('{Olivia}');
    expect(text('{{ oops {{contact.firstName}}').output).toBe('[Unknown field: oops] Olivia');
  });

  it('never joins two braces around a field written as nothing into a {{', () => {
    const missing = (): MergeValue => ({ status: 'missing' });
    expect(renderMergeTemplate('{{{contact.jobTitle|}}{', missing, 'text').output).toBe('{[Job title]{');
    expect(renderMergeTemplate('{{{contact.jobTitle|}}!', missing, 'text').output).toBe('{!');
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

  it('shows a marker for a malformed placeholder in an attribute as plain text', () => {
    expect(html('<a title="{{first name}}">x</a>').output).toBe('<a title="[Unknown field: first name]">x</a>');
  });

  it('treats an empty value as missing rather than leaving a gap', () => {
    expect(renderMergeTemplate('Dear {{contact.firstName}},', () => ({ status: 'value', value: ' ' }), 'text').output).toBe('Dear [First name],');
  });

  it('reports a field used with and without fallback as missing when it has no value', () => {
    expect(html('{{contact.jobTitle | x}} {{contact.jobTitle}}').fields).toEqual([{ field: 'contact.jobTitle', status: 'missing' }]);
    expect(html('{{contact.firstName}} {{contact.firstName|x}}').fields).toEqual([{ field: 'contact.firstName', status: 'resolved' }]);
  });
});

describe('values in attributes', () => {
  const valued = (value: string) => (): MergeValue => ({ status: 'value', value });
  const render = (template: string, value: string) => renderMergeTemplate(template, valued(value), 'html').output;

  it('escapes quotes, angle brackets, ampersands, backticks and = in a quoted attribute value', () => {
    expect(render('<img alt="{{account.name}}" src="a.png">', `a"b'c<d>e&f\`g=h`)).toBe('<img alt="a&quot;b&#39;c&lt;d&gt;e&amp;f&#96;g&#61;h" src="a.png">');
  });

  it('keeps a value with spaces inside an unquoted attribute value (templates stored before those were refused)', () => {
    expect(render('<img alt={{account.name}} src="a.png">', 'Acme onmouseover=alert(1) x')).toBe('<img alt=Acme&#32;onmouseover&#61;alert(1)&#32;x src="a.png">');
    expect(render('<img alt={{account.name}}>', 'a\tb\nc>d')).toBe('<img alt=a&#9;b&#10;c&gt;d>');
  });

  it('writes a marker in an unquoted attribute value as one value', () => {
    const missing = (): MergeValue => ({ status: 'missing' });
    expect(renderMergeTemplate('<img alt={{account.name}}>', missing, 'html').output).toBe('<img alt=[Account&#32;name]>');
  });

  it('knows that a > inside a quoted attribute value does not end the tag', () => {
    expect(render('<a title="x > y" href="{{account.website}}">site</a>', 'javascript:alert(1)')).toBe('<a title="x > y" href="[Website]">site</a>');
    expect(render(`<a title='say "hi" > bye' href="{{account.website}}">site</a>`, 'javascript:alert(1)')).toBe(`<a title='say "hi" > bye' href="[Website]">site</a>`);
  });

  it.each(['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'cite'])('never makes %s a vbscript: or data: URL', (attribute) => {
    for (const value of ['vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==']) {
      expect(render(`<a ${attribute}="{{account.website}}">x</a>`, value)).toBe(`<a ${attribute}="[Website]">x</a>`);
    }
  });

  it.each([
    ['in capitals after spaces', ' \t VbScRiPt:msgbox(1)'],
    ['split by control characters', 'vb\u0001script:msgbox(1)'],
    ['written with character references', '&#118;bscript&colon;msgbox(1)'],
    ['with a padded hexadecimal reference', 'DA&#x00054;A:text/html,x'],
  ])('recognises a refused URL %s', (_case, value) => {
    expect(render('<a href="{{account.website}}">x</a>', value)).toBe('<a href="[Website]">x</a>');
  });

  it('judges a value together with the template text around it in the attribute', () => {
    expect(render('<a href="&{{account.website}}">x</a>', '#106;avascript:alert(1)')).toBe('<a href="&[Website]">x</a>');
    expect(render('<a href="java{{account.website}}">x</a>', 'script:alert(1)')).toBe('<a href="java[Website]">x</a>');
    expect(render('<a href="{{account.website}}script:alert(1)">x</a>', 'java')).toBe('<a href="[Website]script:alert(1)">x</a>');
  });

  it('leaves ordinary URLs, and a data: value outside URL attributes, as they are', () => {
    expect(render('<a href="{{account.website}}">x</a>', 'https://northwind.example/?a=1&b=2')).toBe('<a href="https://northwind.example/?a&#61;1&amp;b&#61;2">x</a>');
    expect(render('<a href="https://crm.example/find?q={{account.name}}">x</a>', 'data:x')).toBe('<a href="https://crm.example/find?q=data:x">x</a>');
    expect(render('<p title="{{account.name}}">x</p>', 'Data: Analytics')).toBe('<p title="Data: Analytics">x</p>');
  });

  it('never writes a value inside a tag outside an attribute value', () => {
    expect(render('<p {{account.name}}>x</p>', 'onclick=alert(1)')).toBe('<p [Account&#32;name]>x</p>');
    expect(render('<{{account.name}}>', 'img src=x onerror=alert(1)')).toBe('<[Account&#32;name]>');
    expect(render('<p on{{account.name|}}click="alert(1)">', 'x')).toBe('<p on[Account&#32;name]click="alert(1)">');
  });

  it("does not let a fallback leave the attribute it stands in, nor make it a script URL (templates stored before such were refused)", () => {
    const missing = (): MergeValue => ({ status: 'missing' });
    expect(renderMergeTemplate('<a title="{{contact.jobTitle | x" onclick="alert(1)}}">y</a>', missing, 'html').output).toBe('<a title="[Job title]">y</a>');
    expect(renderMergeTemplate('<a href="java{{account.website|}}script:alert(1)">y</a>', missing, 'html').output).toBe('<a href="java[Website]script:alert(1)">y</a>');
  });

  it('reads style and title content as text, but svg content as markup', () => {
    const missing = (): MergeValue => ({ status: 'missing' });
    expect(renderMergeTemplate('<title>For {{contact.jobTitle}}</title>', missing, 'html').output).toBe('<title>For [Job title]</title>');
    expect(render('<svg><style><a href="</style>{{account.website}}">x</a></style></svg>', 'javascript:alert(1)')).toContain('href="</style>[Website]"');
  });

  it('renders a field in a style attribute or style element as its marker, never the value (templates stored before those were refused)', () => {
    const css = 'red;background:url(https://evil.example/x)';
    expect(render('<p style="color:{{account.city}}">x</p>', css)).toBe('<p style="color:[City]">x</p>');
    expect(render("<p STYLE='color:{{account.city | blue}}'>x</p>", css)).toBe("<p STYLE='color:[City]'>x</p>");
    expect(render('<p style=color:{{account.city}}>x</p>', css)).toBe('<p style=color:[City]>x</p>');
    expect(render('<style>p { color: {{account.city}} }</style><p title="{{account.city}}">x</p>', css)).toBe(
      '<style>p { color: [City] }</style><p title="red;background:url(https://evil.example/x)">x</p>',
    );
    expect(render('<svg><style>a { fill: {{account.city}} }</style></svg>{{account.city}}', css)).toBe(`<svg><style>a { fill: [City] }</style></svg>${css}`);
    expect(renderMergeTemplate('<p style="color:{{account.city}}">{{contact.shoeSize}}<i style="{{contact.shoeSize}}"></i></p>', lookup, 'html').fields).toEqual([
      { field: 'account.city', status: 'missing' },
      { field: 'contact.shoeSize', status: 'unknown' },
    ]);
  });

  it('for any value, a quoted attribute value stays one value', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(render('<img alt="{{account.name}}" src="a.png">', value)).toMatch(/^<img alt="[^"'<>`={}]*" src="a\.png">$/);
        expect(render('<img alt={{account.name}} src="a.png">', value)).toMatch(/^<img alt=[^\s"'<>`={}]+ src="a\.png">$/);
      }),
    );
  });

  it('for any spelling of a script URL, in any URL attribute', () => {
    const code = (character: string) => character.codePointAt(0) ?? 0;
    const cased = (character: string) => fc.constantFrom(character, character.toUpperCase());
    const referenced = (character: string) =>
      character === ':'
        ? fc.constantFrom(':', '&colon;', '&#58;', '&#x3A;', '&#0058')
        : fc.constantFrom(character, character.toUpperCase(), `&#${code(character)};`, `&#x${code(character).toString(16)};`, `&#000${code(character)}`);
    const padding = fc.constantFrom('', ' ', '\t', '\n', '\r', '\u0001', '\u001f');
    const scheme = fc.constantFrom('javascript:', 'vbscript:', 'data:');
    /** The scheme as parts, each character spelt by `spell`, whitespace or a control character somewhere (all ignored by a browser). */
    const spelling = (spell: (character: string) => fc.Arbitrary<string>) =>
      fc.tuple(scheme, padding, fc.nat()).chain(([name, pad, at]) =>
        fc.tuple(...[...name].map(spell)).map((parts) => parts.map((part, index) => (index === at % parts.length ? pad + part : part)).join('') + 'alert(1)'),
      );
    const attribute = fc.constantFrom('href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'cite');
    const template = (name: string, prefix: string) => `<a title="x > y" ${name}="${prefix}{{account.website}}">x</a>`;
    fc.assert(
      fc.property(spelling(referenced), attribute, (value, name) => {
        expect(render(template(name, ''), value)).toBe(`<a title="x > y" ${name}="[Website]">x</a>`);
      }),
    );
    // A value is escaped, so its own references stay text; but one the template begins (`&` + `#106;...`) is decoded.
    fc.assert(
      fc.property(spelling(cased), attribute, (value, name) => {
        const rest = `#${code(value.trimStart()[0] ?? 'j')};${value.trimStart().slice(1)}`;
        expect(render(template(name, '&'), rest)).toBe(`<a title="x > y" ${name}="&[Website]">x</a>`);
      }),
    );
  });
});

describe('checking a template before it is saved', () => {
  it('accepts fields in text and in quoted attribute values, markup in a fallback between tags, and style sheets', () => {
    const template =
      '<style>@media (max-width: 600px) { p { margin: 0 }}</style><p title="x > y">Dear {{contact.firstName | <i>there</i>}},</p>' +
      `<a href="{{account.website}}" title='{{account.name | it"s}}'>{{ Account.Name }}</a>`;
    expect(mergeSyntaxIssues(template, 'html')).toEqual([]);
    expect(mergeSyntaxIssues('Offer for {{account.name | you}}: {{opportunity.amount}} {{opportunity.currency}}', 'text')).toEqual([]);
  });

  it('refuses a {{ that is no merge field, naming it and suggesting the field meant', () => {
    expect(mergeSyntaxIssues('<p>Dear {{first name}},</p>', 'html')).toEqual([
      '`{{first name}}` is not a merge field; use {{contact.firstName}} — see GET /api/email-templates/merge-fields',
    ]);
    expect(mergeSyntaxIssues('Dear {{contact.first-name}}', 'text')).toEqual([
      '`{{contact.first-name}}` is not a merge field; use {{contact.firstName}} — see GET /api/email-templates/merge-fields',
    ]);
    expect(mergeSyntaxIssues('For {{Account Name}}', 'text')).toEqual([
      '`{{Account Name}}` is not a merge field; use {{account.name}} — see GET /api/email-templates/merge-fields',
    ]);
    expect(mergeSyntaxIssues('Reply to {{e mail}}', 'text')).toEqual([
      '`{{e mail}}` is not a merge field; use {{contact.email}} or {{user.email}} — see GET /api/email-templates/merge-fields',
    ]);
  });

  it('refuses an unclosed {{, a lone one included', () => {
    expect(mergeSyntaxIssues('<p>Dear {{ contact.firstName },</p>', 'html')).toEqual([
      '`{{ contact.firstName }` is not closed with }}; use {{contact.firstName}} — see GET /api/email-templates/merge-fields',
    ]);
    expect(mergeSyntaxIssues('Price {{', 'text')[0]).toMatch(/^`\{\{` is not closed with \}\}; write \{\{entity\.field\}\}/);
  });

  it('refuses empty braces, words that are no catalogue field, braces in a fallback and a brace too many, explaining the syntax', () => {
    const syntax = 'write {{entity.field}}, e.g. {{contact.firstName}}, or with a fallback {{contact.firstName | there}} — see GET /api/email-templates/merge-fields';
    expect(mergeSyntaxIssues('{{ }}', 'text')).toEqual([`\`{{ }}\` is an empty merge field; ${syntax}`]);
    expect(mergeSyntaxIssues('{{your shoe size}}', 'text')).toEqual([`\`{{your shoe size}}\` is not a merge field; ${syntax}`]);
    expect(mergeSyntaxIssues('{{contact.firstName | {friend}}}', 'text')[0]).toContain('no brace may stand inside one, fallback included; use {{contact.firstName}}');
    expect(mergeSyntaxIssues('{{{contact.firstName}}}', 'text')).toEqual(['`{{{contact.firstName}}` has a brace too many; write {{contact.firstName}}']);
  });

  it('still accepts a well-formed field the catalogue does not know (rendered as an unknown-field marker)', () => {
    expect(mergeSyntaxIssues('{{contact.shoeSize | -}}', 'text')).toEqual([]);
  });

  it('refuses a field as an unquoted attribute value, naming the attribute and how to quote it', () => {
    expect(mergeSyntaxIssues('<img alt={{account.name}} src="a.png">', 'html')).toEqual([
      '`{{account.name}}` is the unquoted value of alt=: a value with spaces would add attributes to the tag; put it in quotes: alt="{{account.name}}"',
    ]);
    expect(mergeSyntaxIssues('<a title="x > y" href={{account.website}}>x</a>', 'html')[0]).toContain('unquoted value of href=');
  });

  it('refuses a field inside a tag outside an attribute value', () => {
    for (const template of ['<p {{contact.firstName}}>', '<{{contact.firstName}}>', '<a title="x > y" on{{contact.firstName}}="x">', '<a title="a"{{contact.firstName}}>']) {
      expect(mergeSyntaxIssues(template, 'html')).toEqual([
        '`{{contact.firstName}}` stands inside a tag but outside an attribute value; put merge fields in the text or in a quoted attribute value, e.g. title="{{contact.fullName}}"',
      ]);
    }
  });

  it('refuses a fallback that would end its attribute value or leave a tag open', () => {
    expect(mergeSyntaxIssues('<a title="{{contact.jobTitle | a"b}}">x</a>', 'html')).toEqual([
      'the fallback of `{{contact.jobTitle | a"b}}` would end the attribute value it stands in; leave quotes and < > out of it',
    ]);
    expect(mergeSyntaxIssues('<p>{{contact.jobTitle | <b}}</p>', 'html')).toEqual(['the fallback of `{{contact.jobTitle | <b}}` would leave a tag open; leave quotes and < > out of it']);
  });

  it('refuses a field in a style attribute or in a style element, whatever the quoting or fallback', () => {
    const message = 'stands in a style: merge fields cannot go into styles';
    for (const template of [
      '<p style="color:{{account.city}}">x</p>',
      "<p title='a' Style='color:{{account.city | red}}'>x</p>",
      '<p style=color:{{account.city}}>x</p>',
      '<style>p { color: {{account.city}} }</style>',
      '<STYLE media="screen">a{}</STYLE><style>b { background: url({{account.city}}) }</style>',
      '<svg><style>a { fill: {{account.city}} }</style></svg>',
    ]) {
      const issues = mergeSyntaxIssues(template, 'html');
      expect(issues).toHaveLength(1);
      expect(issues[0]).toContain(message);
    }
    expect(mergeSyntaxIssues('<style>p { color: red }</style><p style="color:red" title="{{account.city}}">{{account.city}}</p><svg><style/></svg>{{account.city}}', 'html')).toEqual([]);
  });

  it('does not apply HTML rules to a subject', () => {
    expect(mergeSyntaxIssues('alt={{account.name}} <{{contact.firstName}}>', 'text')).toEqual([]);
  });

  it('names each offending text once, ten at most', () => {
    expect(mergeSyntaxIssues('{{a b}} {{a b}}', 'text')).toHaveLength(1);
    expect(mergeSyntaxIssues(Array.from({ length: 30 }, (_, index) => `{{x ${index}}}`).join(' '), 'text')).toHaveLength(10);
  });

  it('accepts a template exactly when its rendering has nothing to mark as malformed, and no {{ then survives', () => {
    const everyField = (): MergeValue => ({ status: 'value', value: 'V' });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('{{', '}}', '{', '}', 'contact.firstName', 'first name', ' ', '|', 'there', '-'), { maxLength: 10 }), (parts) => {
        const template = parts.join('');
        const issues = mergeSyntaxIssues(template, 'text').filter((issue) => !issue.includes('a brace too many'));
        const output = renderMergeTemplate(template, everyField, 'text').output;
        expect(issues.length > 0).toBe(output.includes('[Unknown field'));
        if (issues.length === 0) expect(output).not.toContain('{{');
      }),
      { numRuns: 300 },
    );
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
  const value = (content: fc.Arbitrary<string>): fc.Arbitrary<MergeValue> =>
    fc.oneof(
      content.map((raw) => ({ status: 'value' as const, value: raw })),
      fc.constant({ status: 'missing' as const }),
      fc.constant({ status: 'unknown' as const }),
    );
  const placeholder = fc
    .record({ name, spaces: fc.constantFrom('', ' ', '  '), fallback: fc.option(plain, { nil: undefined }) })
    .map(({ name: field, spaces, fallback }) => `{{${spaces}${field}${fallback === undefined ? '' : ` | ${fallback}`}${spaces}}}`);
  /** Any text: arbitrary strings, braces alone and in pairs, bars, names and whole placeholders, in any order, so braces stand around and inside anything. */
  const template = fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom('{{', '}}', '{', '}', '|', ' ', '.', '-', '<', '>', '"', '=', '\n'),
        name,
        placeholder,
      ),
      { maxLength: 14 },
    )
    .map((parts) => parts.join(''));

  it('for any text around and inside braces, any field status and fallback, in both formats', () => {
    fc.assert(
      fc.property(template, fc.func(value(fc.string())), fc.func(value(plain)), (source, htmlAnswer, textAnswer) => {
        expect(renderMergeTemplate(source, htmlAnswer, 'html').output).not.toContain('{{');
        // Plain text cannot escape: what a value holds is its own (values here hold no braces); all that comes of the template never holds {{.
        expect(renderMergeTemplate(source, textAnswer, 'text').output).not.toContain('{{');
      }),
      { numRuns: 500 },
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
