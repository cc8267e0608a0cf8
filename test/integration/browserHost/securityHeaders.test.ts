/**
 * The browser host's answers over real HTTP and raw sockets: every kind of answer carries the same
 * security headers, and request targets it cannot decode get a typed 400 (not a 500, not a stack
 * trace in the log) while the host keeps serving.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../../main/app/securityPolicy';
import { startBrowserHost, type BrowserHost } from '../../../main/browserHost/browserHost';
import { logsDir } from '../../../main/config';
import { createLogger } from '../../../main/logging/logger';
import { listLogFiles } from '../../../main/logging/rollingFileSink';
import { createServices, type Services } from '../../../main/services';

let services: Services;
let host: BrowserHost;
/** Same renderer, but its dispatcher rejects: the only way to get the host's own 500. */
let failingHost: BrowserHost;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-host-headers-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{margin:0}');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'strings.json'), '{"hello":"world"}');
  services = await createServices({ dataDir: path.join(root, 'data'), version: '0.0.1-headers', host: 'browser', logToStderr: false });
  host = await startBrowserHost({ services, rendererDir, maxBodyBytes: 1024 });
  failingHost = await startBrowserHost({
    services: { ...services, logger: createLogger(() => undefined), dispatch: () => Promise.reject(new Error('dispatcher broke')) },
    rendererDir,
  });
});

afterAll(async () => {
  await failingHost.close();
  await host.close();
  await services.close();
  fs.rmSync(root, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One request with the target sent byte for byte (fetch would not re-encode it either, but this is certain). */
function request(target: string, options: { method?: string; headers?: Record<string, string>; body?: string; port?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: options.port ?? host.port, path: target, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers[name] = value;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** What a raw socket gets back for `text`: for WebSocket handshakes and requests Node's parser refuses. */
function rawExchange(text: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const whole = Buffer.concat(chunks).toString('utf8');
      const end = whole.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = whole.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(statusLine)?.[1] ?? 0), headers, body: whole.slice(end + 4) });
    });
  });
}

function handshake(target: string, token = host.token): string {
  return [
    `GET ${target}${target.includes('?') ? '&' : '?'}token=${token} HTTP/1.1`,
    `Host: 127.0.0.1:${host.port}`,
    `Origin: ${host.origin}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
}

const bearer = (): Record<string, string> => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

function expectSecurityHeaders(answer: Answer, label: string): void {
  expect(answer.headers['referrer-policy'], label).toBe('no-referrer');
  expect(answer.headers['cross-origin-opener-policy'], label).toBe('same-origin');
  expect(answer.headers['cross-origin-resource-policy'], label).toBe('same-origin');
  expect(answer.headers['x-content-type-options'], label).toBe('nosniff');
  expect(answer.headers['content-security-policy'], label).toContain("default-src 'none'");
  const policy = answer.headers['permissions-policy'] ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'usb', 'hid', 'serial', 'payment', 'clipboard-read', 'display-capture']) {
    expect(policy, `${label}: ${feature}`).toContain(`${feature}=()`);
  }
  // Every entry denies: no allowlist anywhere, not even self.
  for (const entry of policy.split(', ')) expect(entry, label).toMatch(/^[a-z-]+=\(\)$/);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name.toLowerCase()], `${label}: ${name}`).toBe(value);
}

describe('browser host security headers', () => {
  it('are on files of every type, with their own content types', async () => {
    const kinds: Array<[string, string]> = [
      ['/', 'text/html; charset=utf-8'],
      ['/pos-bridge.js', 'text/javascript; charset=utf-8'],
      ['/assets/app.js', 'text/javascript; charset=utf-8'],
      ['/assets/app.css', 'text/css; charset=utf-8'],
      ['/assets/strings.json', 'application/json'],
    ];
    for (const [target, type] of kinds) {
      const answer = await request(target);
      expect(answer.status, target).toBe(200);
      expect(answer.headers['content-type'], target).toBe(type);
      expectSecurityHeaders(answer, target);
    }
  });

  it('are on API answers and every refusal: 401, 403, 404, 405, 413, 400 and 500', async () => {
    const answers: Array<[string, number, Answer]> = [
      ['call', 200, await request('/api/call/app.info', { method: 'POST', headers: bearer(), body: '{}' })],
      ['no token', 401, await request('/api/call/app.info', { method: 'POST', body: '{}' })],
      ['other Host', 403, await request('/', { headers: { Host: `evil.example:${host.port}` } })],
      ['cross-site call', 403, await request('/api/call/app.info', { method: 'POST', headers: { ...bearer(), Origin: 'https://evil.example' }, body: '{}' })],
      ['missing file', 404, await request('/assets/missing.js')],
      ['missing API route', 404, await request('/api/nothing', { headers: bearer() })],
      ['POST to a file', 405, await request('/', { method: 'POST', body: '' })],
      ['huge body', 413, await request('/api/call/app.info', { method: 'POST', headers: bearer(), body: JSON.stringify({ pad: 'x'.repeat(4096) }) })],
      ['not JSON', 400, await request('/api/call/app.info', { method: 'POST', headers: bearer(), body: '{not json' })],
      ['dispatcher failure', 500, await request('/api/call/app.info', { method: 'POST', headers: { ...bearer(), Authorization: `Bearer ${failingHost.token}` }, body: '{}', port: failingHost.port })],
    ];
    for (const [label, status, answer] of answers) {
      expect(answer.status, label).toBe(status);
      expectSecurityHeaders(answer, label);
      if (answer.headers['content-type'] === 'application/json') expect(JSON.parse(answer.body), label).toHaveProperty('ok');
    }
    // 500 is the host's typed error, not a stack trace.
    expect(JSON.parse(answers.at(-1)?.[2].body ?? '')).toEqual({ ok: false, error: { code: 'internal', message: 'The browser host failed to answer' } });
  });

  it('are on the event stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/api/events?token=${host.token}`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expectSecurityHeaders({ status: response.status, headers: Object.fromEntries(response.headers), body: '' }, 'event stream');
    controller.abort();
  });

  it('are on refused WebSocket upgrades and on requests Node cannot parse', async () => {
    const refusals: Array<[string, number, Answer]> = [
      ['wrong token', 401, await rawExchange(handshake('/api/calls', 'nope'))],
      ['wrong path', 404, await rawExchange(handshake('/api/other'))],
      ['not HTTP', 400, await rawExchange('NOT A REQUEST\r\n\r\n')],
    ];
    for (const [label, status, answer] of refusals) {
      expect(answer.status, label).toBe(status);
      expectSecurityHeaders(answer, label);
    }
    // A good handshake still upgrades.
    const upgraded = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(host.port, '127.0.0.1', () => socket.write(handshake('/api/calls')));
      socket.once('data', (chunk: Buffer) => {
        resolve(chunk.toString('latin1'));
        socket.destroy();
      });
      socket.on('error', reject);
    });
    expect(upgraded).toMatch(/^HTTP\/1\.1 101 /);
  });
});

describe('browser host and malformed percent-encoding', () => {
  const malformed: Array<[string, string, Record<string, string>?]> = [
    ['/%E0%A4%A', '%E0%A4%A'],
    ['/assets/%zz', '%zz'],
    ['/assets/ok/%E0%A4%A.js', '%E0%A4%A.js'],
    ['/api/%', '%'],
    ['/api/%', '%', { Authorization: `Bearer token-not-needed-to-refuse` }],
    ['/api/call/%E0%A4%A', '%E0%A4%A'],
    ['/api/events%zz?token=x', 'events%zz'],
  ];

  it.each(malformed)('GET/POST %s gets a typed 400 naming the segment', async (target, segment, headers) => {
    for (const method of ['GET', 'POST']) {
      const answer = await request(target, { method, headers: { ...bearer(), ...headers }, body: method === 'POST' ? '{}' : undefined });
      expect(answer.status, `${method} ${target}`).toBe(400);
      expectSecurityHeaders(answer, `${method} ${target}`);
      expect(answer.headers['content-type']).toBe('application/json');
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'validation', message: `Path segment "${segment}" is not valid percent-encoding` } });
    }
  });

  it('refuses a WebSocket handshake on a malformed path with the same typed 400', async () => {
    const answer = await rawExchange(handshake('/api/%E0%A4%A'));
    expect(answer.status).toBe(400);
    expectSecurityHeaders(answer, 'upgrade');
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'validation', message: 'Path segment "%E0%A4%A" is not valid percent-encoding' } });
  });

  it('reads a scheme-relative or backslash target as a path on this host, not as a URL that fails', async () => {
    for (const target of ['//[', '/\\[', '//evil.example/index.html']) {
      const answer = await request(target);
      expect(answer.status, target).toBe(404);
      expectSecurityHeaders(answer, target);
    }
    expect((await rawExchange(handshake('//['))).status).toBe(404);
  });

  it('stays up afterwards, serves good requests, and logs no stack trace for any of it', async () => {
    await request('/%E0%A4%A');
    await rawExchange(handshake('//['));
    expect((await request('/')).status).toBe(200);
    expect((await request('/assets/%61pp.js')).body).toBe('console.log(1)');
    const call = await request('/api/call/app%2Einfo', { method: 'POST', headers: bearer(), body: '{}' });
    expect(JSON.parse(call.body)).toMatchObject({ ok: true, value: { version: '0.0.1-headers' } });

    const logs = listLogFiles(logsDir(path.join(root, 'data')));
    expect(logs.length).toBeGreaterThan(0);
    const text = logs.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    expect(text).not.toContain('Browser host request failed');
    expect(text).not.toContain('URIError');
    expect(text).not.toMatch(/^\s+at /m);
  });
});
