/** Raw HTTP for simulator tests: node:http can send a JSON body with GET, which fetch refuses. */
import http from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  readonly json: unknown;
}

export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined) headers['Content-Length'] = Buffer.byteLength(options.body);
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = undefined;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Sends a request the way the docs' curl examples do: bearer token, JSON body, Content-Type. */
export function curlLike(baseUrl: string, token: string, method: string, path: string, body?: string, extraHeaders: Record<string, string> = {}): Promise<RawAnswer> {
  return rawRequest(baseUrl, method, path, {
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...extraHeaders,
    },
    ...(body !== undefined ? { body } : {}),
  });
}

export async function fetchToken(baseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const answer = await rawRequest(baseUrl, 'POST', '/api/v3/Token/OAuth2', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, client_secret: clientSecret }),
  });
  const token = (answer.json as { access_token?: unknown } | undefined)?.access_token;
  if (typeof token !== 'string') throw new Error(`token request failed: ${answer.status} ${answer.text}`);
  return token;
}
