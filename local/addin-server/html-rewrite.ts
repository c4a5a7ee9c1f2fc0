/**
 * What the add-in server changes in the HTML it serves: the pane's runtime configuration, and,
 * inside the local preview only, Microsoft's Office.js swapped for the browser stand-in.
 */

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const STANDIN_URL = '/preview/office-standin.js';
export const PREVIEW_COOKIE = 'office-preview';

const CONFIG_SCRIPT = /(<script\b[^>]*\bid\s*=\s*["']?crm-config["']?[^>]*>)[\s\S]*?(<\/script\s*>)/i;
/** The CDN script tag, whatever the quoting or extra attributes a minifier leaves. */
const OFFICE_SCRIPT = /<script\b[^>]*\bsrc\s*=\s*["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js["']?[^>]*>\s*<\/script\s*>/gi;

/** JSON that cannot end the script element it sits in (nor open a comment in it). */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface RewriteOptions {
  config: Record<string, unknown>;
  /** The request carries the preview cookie: serve the Office.js stand-in. */
  preview: boolean;
}

export function rewriteHtml(html: string, options: RewriteOptions): string {
  // A replacer function: `$` sequences in the JSON must stay literal.
  let out = html.replace(CONFIG_SCRIPT, (_match, open: string, close: string) => `${open}${inlineJson(options.config)}${close}`);
  if (options.preview) out = out.replace(OFFICE_SCRIPT, `<script src="${STANDIN_URL}"></script>`);
  return out;
}

/** Whether the Cookie header holds `office-preview=1`. */
export function hasPreviewCookie(cookieHeader: string | undefined): boolean {
  return (cookieHeader ?? '').split(';').some((pair) => {
    const [name, value] = pair.split('=').map((part) => part.trim());
    return name === PREVIEW_COOKIE && value === '1';
  });
}

/**
 * Session cookie, this site only. Outlook on the web embeds a real pane cross-site, where a
 * SameSite=Strict cookie is never sent: a sideloaded add-in always gets Microsoft's Office.js.
 */
export const PREVIEW_SET_COOKIE = `${PREVIEW_COOKIE}=1; Path=/; Secure; SameSite=Strict`;
