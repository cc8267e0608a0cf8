/** The app:// protocol against real files in a temp folder: real reads, real `Response`s. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PAGE_URL, resolveAppFile, serveAppRequest } from '../../../main/app/appProtocol';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../main/app/securityPolicy';

let base = '';
let rendererDir = '';
const SECRET = 'outside the renderer folder';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-app-protocol-'));
  rendererDir = path.join(base, 'renderer');
  const files: Record<string, string | Buffer> = {
    'index.html': '<!doctype html><script type="module" src="./assets/index-abc.js"></script>',
    'assets/index-abc.js': 'console.log("app");',
    'assets/index-abc.css': 'body{margin:0}',
    'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/icon.png': PNG,
    'assets/font.woff2': 'wOF2',
    'assets/beep.wav': 'RIFF',
    'assets/strings.json': '{"hello":"world"}',
    'assets/blob.bin': 'raw',
  };
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(rendererDir, name)), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, name), body);
  }
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  // A sibling whose name starts like the renderer folder: a prefix check alone would let it through.
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'secret.txt'), SECRET);
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET'): Promise<Response> => serveAppRequest({ url, method }, rendererDir);

describe('app:// protocol', () => {
  it('serves the page with the CSP and no sniffing', async () => {
    const response = await get(APP_PAGE_URL);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8'));
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin and ignores query and fragment', async () => {
    for (const url of ['app://counter/', 'app://counter', 'app://counter/index.html?x=1#top']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text(), url).toContain('<!doctype html>');
    }
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/icon.png', 'image/png'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/beep.wav', 'audio/wav'],
    ['assets/strings.json', 'application/json'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s, with the CSP', async (file, type) => {
    const response = await get(`app://counter/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(fs.readFileSync(path.join(rendererDir, file)));
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('app://counter/assets/icon.png', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(await response.text()).toBe('');
  });

  it.each([
    // Encoded separators, backslashes, drive letters, NUL and empty segments never reach the disk.
    ['app://counter/..%2fsecret.txt', 403],
    ['app://counter/%2e%2e%2fsecret.txt', 403],
    ['app://counter/%2E%2E%2Frenderer-evil%2Fsecret.txt', 403],
    ['app://counter/..%5csecret.txt', 403],
    ['app://counter/%2fetc%2fpasswd', 403],
    ['app://counter//etc/passwd', 403],
    ['app://counter/C:/Windows/win.ini', 403],
    ['app://counter/index.html%00.png', 403],
    ['app://counter/assets/', 403],
    // Other origins, even when the path names a real file.
    ['app://evil.example/index.html', 403],
    ['file:///etc/passwd', 403],
    ['https://counter/index.html', 403],
    // `..` and `%2e%2e` as whole segments are resolved by the URL parser, so they stay inside.
    ['app://counter/../secret.txt', 404],
    ['app://counter/%2e%2e/secret.txt', 404],
    ['app://counter/assets/%2e%2e/%2e%2e/renderer-evil/secret.txt', 404],
    // Missing, a folder, undecodable.
    ['app://counter/missing.js', 404],
    ['app://counter/assets', 404],
    ['app://counter/%E0%A4%A', 404],
    ['not a url', 404],
  ])('refuses %s with %i, still with the CSP', async (url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('gives every answer the same security headers as the browser host', async () => {
    const answers = [await get(APP_PAGE_URL), await get('app://counter/assets/index-abc.js'), await get('app://evil.example/index.html'), await get('app://counter/missing.js'), await get(APP_PAGE_URL, 'POST')];
    expect(answers.map((response) => response.status)).toEqual([200, 200, 403, 404, 405]);
    for (const response of answers) {
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('permissions-policy')).toContain('camera=(), ');
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get(APP_PAGE_URL, 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('maps a URL to a file inside the renderer folder', () => {
    expect(resolveAppFile('app://counter/assets/index-abc.js', rendererDir)).toEqual({ file: path.join(rendererDir, 'assets', 'index-abc.js') });
    expect(resolveAppFile('app://counter/assets/%69ndex-abc.js', rendererDir)).toEqual({ file: path.join(rendererDir, 'assets', 'index-abc.js') });
  });
});
