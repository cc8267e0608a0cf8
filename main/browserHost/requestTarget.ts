/**
 * Reads an HTTP request target (`req.url`) without throwing: the browser host answers a target it
 * cannot read with a typed 400 rather than a 500 and a stack trace in the log.
 */

/** Longest piece of a bad target quoted back in an error message. */
const QUOTE_LIMIT = 80;

export type RequestTarget =
  | {
      readonly ok: true;
      /** The path as sent, still percent-encoded, for matching routes. */
      readonly pathname: string;
      /** The path's segments, percent-decoded; the first is the empty one before the leading `/`. */
      readonly segments: readonly string[];
      readonly query: URLSearchParams;
    }
  | { readonly ok: false; readonly message: string };

function quote(text: string): string {
  return JSON.stringify(text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);
}

/**
 * Only origin-form targets (`/path?query`) are read. The origin is fixed before parsing, so a target
 * such as `//[` or `/\evil.example` is a path here, never another host or a URL that fails to parse.
 */
export function parseRequestTarget(target: string | undefined): RequestTarget {
  const raw = target ?? '/';
  if (!raw.startsWith('/')) return { ok: false, message: `Request target ${quote(raw)} is not a path` };
  let url: URL;
  try {
    url = new URL(`http://127.0.0.1${raw}`);
  } catch {
    return { ok: false, message: `Request target ${quote(raw)} is not a valid URL path` };
  }
  const segments: string[] = [];
  for (const segment of url.pathname.split('/')) {
    try {
      segments.push(decodeURIComponent(segment));
    } catch {
      return { ok: false, message: `Path segment ${quote(segment)} is not valid percent-encoding` };
    }
  }
  return { ok: true, pathname: url.pathname, segments, query: url.searchParams };
}
