/**
 * Browser test host: serves the built renderer and the contract over HTTP on 127.0.0.1, with events
 * over Server-Sent Events, guarded by a random per-run token. Playwright drives Debian's Chromium
 * against it with the same services the Electron host uses.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { build } from 'esbuild';
import { contentTypeOf } from '../app/contentTypes';
import { SECURITY_HEADERS } from '../app/securityPolicy';
import type { Services } from '../services';
import { acceptKey, serveCallSocket } from './callSocket';
import { parseRequestTarget } from './requestTarget';
import type { PosErrorShape, PosResult } from '../../shared/errors';

export interface BrowserHostOptions {
  readonly services: Services;
  /** Folder with the built renderer (`npm run build:renderer` → dist/renderer). */
  readonly rendererDir: string;
  readonly port?: number;
  readonly token?: string;
  /** Largest accepted request body. */
  readonly maxBodyBytes?: number;
}

export interface BrowserHost {
  /** Open this in a browser: it carries the token in its fragment. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}


const bridgeSource = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../preload/browserBridge.ts');

async function bundleBridge(): Promise<string> {
  const result = await build({ entryPoints: [bridgeSource], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'silent' });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the browser bridge');
  return file.text;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  // A refused request may still have an unread body on the socket: close it rather than reuse it.
  const connection = status === 200 ? {} : { Connection: 'close' };
  const json = JSON.stringify(body);
  // A known length instead of chunked encoding: the browser has the whole answer with the headers.
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(json), ...connection });
  res.end(json);
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * An answer written straight to a socket, for where there is no ServerResponse: refused WebSocket
 * upgrades and requests Node's parser rejected. Same headers as every other answer.
 */
function rawAnswer(status: number, error?: PosErrorShape): string {
  const body = error ? JSON.stringify(errorResult(error)) : '';
  const headers = { ...SECURITY_HEADERS, ...(error ? { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } : {}), Connection: 'close', 'Content-Length': String(Buffer.byteLength(body)) };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

function errorResult(error: PosErrorShape): PosResult<never> {
  return { ok: false, error };
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Collects a request body with plain stream events: every scan waits on this, and an async
 * iterator costs several extra turns of the event loop per call.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: string | null): void => {
      if (done) return;
      done = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(null);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => finish(chunks.length === 1 && chunks[0] ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
  });
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { services } = options;
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const rendererDir = path.resolve(options.rendererDir);
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`No built renderer at ${indexFile}. Run "npm run build:renderer" first.`);
  }
  const bridgeJs = await bundleBridge();
  const indexHtml = fs
    .readFileSync(indexFile, 'utf8')
    // The bridge must define window.pos before the app module runs; classic scripts run first.
    .replace('<head>', '<head>\n    <script src="./pos-bridge.js"></script>');
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const isOwnHost = (host: string | undefined): boolean => host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  // Nagle off: a call's small request and answer go out at once rather than waiting on an ACK.
  const server = http.createServer({ noDelay: true }, (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      services.logger.error('Browser host request failed', error);
      if (!res.headersSent) sendJson(res, 500, errorResult({ code: 'internal', message: 'The browser host failed to answer' }));
      else res.end();
    });
  });

  // Requests Node's parser refuses never reach handle(); answered as Node would, with the same headers.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (socket.writable && 'bytesWritten' in socket && socket.bytesWritten === 0) {
      const [status, message] =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'The request headers are too large']
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [408, 'The request did not arrive in time']
            : [400, 'The request could not be read as HTTP'];
      socket.write(rawAnswer(status, { code: 'validation', message }));
    }
    socket.destroy();
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Refuse DNS-rebinding and cross-site callers before anything else.
    if (!isOwnHost(req.headers.host)) return sendJson(res, 403, errorResult({ code: 'forbidden_sender', message: 'Unknown Host header' }));
    const url = parseRequestTarget(req.url);
    if (!url.ok) return sendJson(res, 400, errorResult({ code: 'validation', message: url.message }));

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${req.headers.host}`) {
        return sendJson(res, 403, errorResult({ code: 'forbidden_sender', message: `Calls from ${origin} are refused` }));
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? url.query.get('token') ?? '';
      if (!tokensMatch(bearer, token)) {
        return sendJson(res, 401, errorResult({ code: 'forbidden_sender', message: 'Missing or wrong host token' }));
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      const call = /^\/api\/call\/([^/]+)$/.exec(url.pathname);
      // segments: '', 'api', 'call', the method name decoded.
      if (call?.[1] && req.method === 'POST') return answerCall(url.segments[3] ?? '', req, res);
      return sendJson(res, 404, errorResult({ code: 'unknown_method', message: `No API route ${req.method} ${url.pathname}` }));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, errorResult({ code: 'validation', message: 'Only GET serves files' }));
    if (url.pathname === '/pos-bridge.js') return sendFile(res, 'pos-bridge.js', bridgeJs);
    if (url.pathname === '/' || url.pathname === '/index.html') return sendFile(res, 'index.html', indexHtml);
    const file = path.resolve(rendererDir, `.${url.segments.join('/')}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end('Not found');
    }
    return sendFile(res, file, fs.readFileSync(file));
  }

  function sendFile(res: http.ServerResponse, file: string, body: string | Buffer): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-store' });
    res.end(body);
  }

  async function answerCall(method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req, maxBody);
    if (body === null) return sendJson(res, 413, errorResult({ code: 'validation', message: `Request body is larger than ${maxBody} bytes` }));
    let input: unknown;
    try {
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, errorResult({ code: 'validation', message: `Input for ${method} is not valid JSON` }));
    }
    sendJson(res, 200, await services.dispatch(method, input));
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }

  // Calls over a WebSocket (see callSocket.ts): same Host, token and dispatcher as /api/call, and the
  // Origin must be this host's own (browsers always send it on a WebSocket handshake).
  const callSockets = new Set<Duplex>();
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, error?: PosErrorShape): void => {
      socket.end(rawAnswer(status, error));
    };
    if (!isOwnHost(req.headers.host)) return refuse(403);
    // A throw here would be uncaught (no request handler's catch around it) and stop the host.
    const url = parseRequestTarget(req.url);
    if (!url.ok) return refuse(400, { code: 'validation', message: url.message });
    if (url.pathname !== '/api/calls') return refuse(404);
    if (req.headers.origin !== `http://${req.headers.host}`) return refuse(403);
    if (!tokensMatch(url.query.get('token') ?? '', token)) return refuse(401);
    const key = req.headers['sec-websocket-key'];
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || req.headers['sec-websocket-version'] !== '13' || typeof key !== 'string' || key === '') {
      return refuse(400);
    }
    if ('setNoDelay' in socket && typeof socket.setNoDelay === 'function') socket.setNoDelay(true);
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(key)}\r\n\r\n`);
    callSockets.add(socket);
    socket.on('close', () => callSockets.delete(socket));
    serveCallSocket(socket, head, { dispatch: (method, input) => services.dispatch(method, input), maxMessageBytes: maxBody });
  });

  const stopForwarding = services.events.onAny((event, payload) => {
    const frame = `event: pos\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    for (const client of sseClients) client.write(frame);
  });
  // Keeps idle SSE connections from being closed by anything in between.
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  // The renderer's connection stays open across a cashier's pauses (Node closes idle ones after 5 s),
  // so the first scan after a pause does not wait for a new TCP connection.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    async close() {
      stopForwarding();
      clearInterval(heartbeat);
      for (const client of sseClients) client.end();
      sseClients.clear();
      // Upgraded sockets are no longer the HTTP server's to close.
      for (const socket of callSockets) socket.destroy();
      callSockets.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
