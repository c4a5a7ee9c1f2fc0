// Checks of the Outlook manifest that the Office schemas cannot make (they have no key/keyref,
// take any URI, and know nothing of our build): see ../shared/schemas/office-addin-manifest/README.md.
import { parseXml, walkElements, XmlSyntaxError, type XmlElement } from './xml-reader';

export type ManifestRule = 'xml' | 'guid' | 'version' | 'unique-id' | 'resid' | 'https' | 'url-file' | 'translation';

export interface ManifestProblem {
  readonly rule: ManifestRule;
  readonly message: string;
  readonly line?: number;
}

export interface ManifestLintOptions {
  /** `version` of package.json; the manifest must carry it with a fourth part `.0`. */
  readonly packageVersion: string;
  /** Files the build serves, relative to the served root with `/` separators (`outlook/taskpane.html`). */
  readonly builtFiles: Iterable<string>;
  /** Origin whose URLs must name a built file. Default https://localhost:3000. */
  readonly baseUrl?: string;
  /** Locales every default-locale string must be translated to. Default fr-FR. */
  readonly translatedLocales?: readonly string[];
}

type ResourceKind = 'image' | 'url' | 'short string' | 'long string';

const RESOURCE_COLLECTIONS: Readonly<Record<string, ResourceKind>> = {
  Images: 'image', Urls: 'url', ShortStrings: 'short string', LongStrings: 'long string',
};

/** Which kind of resource a `resid` on each element must name (MailAppVersionOverrides 1.0/1.1 types). */
const RESID_KINDS: Readonly<Record<string, ResourceKind>> = {
  Image: 'image',
  Label: 'short string',
  Title: 'short string',
  Description: 'long string',
  SourceLocation: 'url',
  FunctionFile: 'url',
  Runtime: 'url',
  Override: 'url',
};

const MAX_RESID_LENGTH = 32;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

type Report = (rule: ManifestRule, message: string, element?: XmlElement) => void;

/** Lints a manifest's text; an empty list means every rule holds. */
export function lintManifest(xml: string, options: ManifestLintOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report: Report = (rule, message, element) => problems.push({ rule, message, line: element?.line });
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return [{ rule: 'xml', message: error.message, line: error.line }];
  }
  if (root.localName !== 'OfficeApp') report('xml', `the root element is <${root.name}>, not <OfficeApp>`, root);

  checkIdentity(root, options.packageVersion, report);
  checkUniqueIds(root, report);
  checkResids(root, report);
  checkUrls(root, options.baseUrl ?? 'https://localhost:3000', new Set(options.builtFiles), report);
  checkTranslations(root, options.translatedLocales ?? ['fr-FR'], report);
  return problems;
}

function childNamed(element: XmlElement, localName: string): XmlElement | undefined {
  return element.children.find((child) => child.localName === localName);
}

function checkIdentity(root: XmlElement, packageVersion: string, report: Report): void {
  const id = childNamed(root, 'Id');
  if (!GUID.test(id?.text.trim() ?? '')) report('guid', `<Id> "${id?.text.trim() ?? ''}" is not a GUID`, id ?? root);

  const version = childNamed(root, 'Version');
  const actual = version?.text.trim() ?? '';
  if (!/^\d+\.\d+\.\d+$/.test(packageVersion)) {
    report('version', `package.json version "${packageVersion}" cannot become a manifest version (three numbers, no pre-release)`, version ?? root);
  } else if (actual !== `${packageVersion}.0`) {
    report('version', `<Version> is "${actual}" but package.json says ${packageVersion}: expected ${packageVersion}.0`, version ?? root);
  }
}

function checkUniqueIds(root: XmlElement, report: Report): void {
  const seen = new Map<string, XmlElement>();
  for (const { element } of walkElements(root)) {
    // An OfficeTab id names one of Office's own tabs (TabDefault), so every surface repeats it.
    if (element.localName === 'OfficeTab') continue;
    const id = element.attributes.get('id');
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) report('unique-id', `id "${id}" of <${element.name}> is already used by <${first.name}> on line ${first.line}`, element);
    else seen.set(id, element);
  }
}

function collectResources(root: XmlElement, report: Report): Map<string, ResourceKind> {
  const resources = new Map<string, ResourceKind>();
  for (const { element, parent } of walkElements(root)) {
    const kind = parent ? RESOURCE_COLLECTIONS[parent.localName] : undefined;
    const id = element.attributes.get('id');
    if (!kind || id === undefined) continue;
    if (id.length > MAX_RESID_LENGTH) report('resid', `resource id "${id}" is longer than ${MAX_RESID_LENGTH} characters`, element);
    if (!resources.has(id)) resources.set(id, kind);
  }
  return resources;
}

function checkResids(root: XmlElement, report: Report): void {
  const resources = collectResources(root, report);
  for (const { element } of walkElements(root)) {
    const resid = element.attributes.get('resid');
    if (resid === undefined) continue;
    const wanted = RESID_KINDS[element.localName];
    const defined = resources.get(resid);
    if (!wanted) report('resid', `<${element.name} resid="${resid}">: the lint does not know which resource kind <${element.localName}> takes`, element);
    else if (!defined) report('resid', `<${element.name} resid="${resid}"> names no ${wanted} resource`, element);
    else if (defined !== wanted) report('resid', `<${element.name} resid="${resid}"> needs a ${wanted} resource but "${resid}" is a ${defined}`, element);
  }
}

/** Every absolute URL of the manifest: attribute values (namespace declarations aside) and element text. */
function* urlsOf(root: XmlElement): Generator<{ url: string; element: XmlElement }> {
  for (const { element } of walkElements(root)) {
    for (const [name, value] of element.attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (ABSOLUTE_URL.test(value.trim())) yield { url: value.trim(), element };
    }
    const text = element.text.trim();
    if (ABSOLUTE_URL.test(text)) yield { url: text, element };
  }
}

function checkUrls(root: XmlElement, baseUrl: string, builtFiles: ReadonlySet<string>, report: Report): void {
  const prefix = `${baseUrl.replace(/\/+$/, '')}/`;
  for (const { url, element } of urlsOf(root)) {
    if (!url.toLowerCase().startsWith('https://')) {
      report('https', `<${element.name}> uses ${url}: Office loads add-in resources over https only`, element);
      continue;
    }
    if (!url.startsWith(prefix)) continue;
    const file = decodeURI(url.slice(prefix.length).split(/[?#]/, 1)[0] ?? '');
    if (file !== '' && !builtFiles.has(file)) {
      report('url-file', `<${element.name}> points to ${url} but the build makes no ${file}`, element);
    }
  }
}

/** The strings shown to users in the default locale: DisplayName, Description and the bt:String resources. */
function isDefaultLocaleString(element: XmlElement, parent: XmlElement | undefined): boolean {
  if (!element.attributes.has('DefaultValue')) return false;
  if (element.localName === 'String') return true;
  return parent?.localName === 'OfficeApp' && (element.localName === 'DisplayName' || element.localName === 'Description');
}

function checkTranslations(root: XmlElement, locales: readonly string[], report: Report): void {
  for (const { element, parent } of walkElements(root)) {
    if (!isDefaultLocaleString(element, parent)) continue;
    const label = element.attributes.get('id') ?? element.localName;
    for (const locale of locales) {
      const override = element.children.find((child) => child.localName === 'Override' && child.attributes.get('Locale') === locale);
      if (!override?.attributes.get('Value')?.trim()) report('translation', `"${label}" has no ${locale} override`, element);
    }
  }
}
