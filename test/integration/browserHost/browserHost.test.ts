import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../main/browserHost/browserHost';
import { createServices, type Services } from '../../../main/services';

let services: Services;
let host: BrowserHost;
let rendererDir: string;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-host-'));
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
  services = await createServices({ dataDir: path.join(root, 'data'), version: '0.0.1-test', host: 'browser', logToStderr: false });
  host = await startBrowserHost({ services, rendererDir });
});

afterAll(async () => {
  await host.close();
  await services.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const call = (method: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/call/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers }, body });

describe('browser host', () => {
  it('binds to 127.0.0.1 only and hands out a URL with its token in the fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(24);
  });

  it('serves contract methods to a caller with the token', async () => {
    const response = await call('app.info', '{}');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { version: '0.0.1-test', host: 'browser' } });
  });

  it('refuses calls without the right token', async () => {
    const none = await fetch(`${host.origin}/api/call/app.info`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    const wrong = await call('app.info', '{}', { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
  });

  it('answers malformed calls with typed errors and stays up', async () => {
    expect(await (await call('app.info', '{"unexpected": 1}')).json()).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: '' }] } });
    expect(await (await call('nope.nothing', '{}')).json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const broken = await call('app.info', '{not json');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    const huge = await call('app.info', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await (await call('app.info', '{}')).json()).toMatchObject({ ok: true });
  });

  it('refuses other Host headers and cross-site origins', async () => {
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: '/api/call/app.info', method: 'POST', headers: { Host: `evil.example:${host.port}`, Authorization: `Bearer ${host.token}` } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(rebinding).toBe(403);
    expect((await call('app.info', '{}', { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('serves the renderer with the bridge injected and a strict CSP, and nothing outside it', async () => {
    const index = await fetch(`${host.origin}/`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<script src="./pos-bridge.js"></script>');
    const bridge = await fetch(`${host.origin}/pos-bridge.js`);
    expect(await bridge.text()).toContain('api/call');
    expect((await fetch(`${host.origin}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${host.origin}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${host.origin}/assets/..%2f..%2fsecret.txt`)).status).toBe(404);
  });

  it('pushes events over SSE to token holders', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/api/events?token=${host.token}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    await reader.read(); // ": connected"
    services.status.update({ connectivity: 'offline' });
    let text = '';
    while (!text.includes('"offline"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: pos');
    expect(text).toContain('"event":"status"');
    controller.abort();
    expect((await fetch(`${host.origin}/api/events`)).status).toBe(401);
  });
});
