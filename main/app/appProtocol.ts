/**
 * The renderer's own origin, `app://counter`: maps its URLs to the built files in the renderer
 * folder and answers them. Unlike file://, the page gets a real origin, so `'self'` in the CSP and
 * the sender checks mean this app's files and nothing else on disk. Pure Node (fs and fetch's
 * `Response`), so it is unit-tested against real files; electronMain.ts hands it to `protocol.handle`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '../errorCode';
import { SECURITY_HEADERS } from './securityPolicy';
import { contentTypeOf } from './contentTypes';

export const APP_SCHEME = 'app';
export const APP_HOST = 'counter';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * For `protocol.registerSchemesAsPrivileged`: standard (an origin, relative URLs resolve), secure
 * (treated like https, so secure-context APIs work), and fetch() may load its files.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

export type AppFile = { readonly file: string } | { readonly status: 403 | 404 };

/** A segment that could leave the folder or name another drive once decoded. */
function isUnsafeSegment(segment: string): boolean {
  return segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment);
}

/**
 * The file an app:// URL names inside `rendererDir`, or why not: 403 for another scheme or host and
 * for anything that tries to climb out (`..`, `%2e%2e`, encoded separators, drive letters, `//`),
 * 404 for a URL that does not parse or decode.
 */
export function resolveAppFile(url: string, rendererDir: string): AppFile {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 404 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { status: 403 };
  const raw = parsed.pathname === '/' || parsed.pathname === '' ? 'index.html' : parsed.pathname.slice(1);
  let segments: string[];
  try {
    segments = raw.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return { status: 404 };
  }
  if (segments.some(isUnsafeSegment)) return { status: 403 };
  const root = path.resolve(rendererDir);
  const file = path.join(root, ...segments);
  // The checks above already keep the path inside; this holds even if one of them is wrong.
  if (!file.startsWith(root + path.sep)) return { status: 403 };
  return { file };
}

function headers(contentType: string): Headers {
  return new Headers({ ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
}

const REFUSALS = { 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed' } as const;

function refusal(status: keyof typeof REFUSALS): Response {
  return new Response(REFUSALS[status], { status, headers: headers('text/plain; charset=utf-8') });
}

function isNotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** Answers one request of the app:// scheme from `rendererDir`; every answer carries SECURITY_HEADERS. */
export async function serveAppRequest(request: { readonly url: string; readonly method: string }, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
  const resolved = resolveAppFile(request.url, rendererDir);
  if ('status' in resolved) return refusal(resolved.status);
  let body: NonSharedBuffer;
  try {
    body = await fs.readFile(resolved.file);
  } catch (error) {
    if (isNotFound(error)) return refusal(404);
    throw error;
  }
  const contentType = contentTypeOf(resolved.file);
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: headers(contentType) });
}
