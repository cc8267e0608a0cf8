/**
 * The browser host's WebSocket door for calls, driven by a minimal RFC 6455 client over a raw TCP
 * socket (Node 20 has no WebSocket client without a flag), so every frame is visible to the test.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../main/browserHost/browserHost';
import { acceptKey, CLOSE_CODE } from '../../../main/browserHost/callSocket';
import { createServices, type Services } from '../../../main/services';

let services: Services;
let host: BrowserHost;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-host-ws-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  services = await createServices({ dataDir: path.join(root, 'data'), version: '0.0.1-ws', host: 'browser', logToStderr: false });
  host = await startBrowserHost({ services, rendererDir, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await host.close();
  await services.close();
  fs.rmSync(root, { recursive: true, force: true });
});

interface Frame {
  readonly opcode: number;
  readonly payload: Buffer;
}

/** A client frame: masked, as RFC 6455 requires of clients. */
function clientFrame(opcode: number, payload: Buffer, fin = true): Buffer {
  const mask = crypto.randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  const first = (fin ? 0x80 : 0) | opcode;
  let header: Buffer;
  if (payload.length < 126) header = Buffer.from([first, 0x80 | payload.length]);
  else if (payload.length < 0x10000) {
    header = Buffer.from([first, 0x80 | 126, 0, 0]);
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([header, mask, masked]);
}

interface Client {
  readonly status: number;
  readonly accept: string | null;
  send(data: Buffer): void;
  next(): Promise<Frame>;
  closed(): Promise<void>;
  end(): void;
}

async function connect(options: { token?: string; origin?: string | null; path?: string } = {}): Promise<Client> {
  const socket = net.connect(host.port, '127.0.0.1');
  const key = crypto.randomBytes(16).toString('base64');
  const origin = options.origin === undefined ? host.origin : options.origin;
  const lines = [
    `GET ${options.path ?? '/api/calls'}?token=${encodeURIComponent(options.token ?? host.token)} HTTP/1.1`,
    `Host: 127.0.0.1:${host.port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    'Sec-WebSocket-Version: 13',
    ...(origin === null ? [] : [`Origin: ${origin}`]),
  ];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  let buffered = Buffer.alloc(0);
  const frames: Frame[] = [];
  const waiters: Array<() => void> = [];
  const wake = (): void => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  let ended = false;
  socket.on('close', () => {
    ended = true;
    wake();
  });
  const head = await new Promise<string>((resolve) => {
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const text = buffered.subarray(0, end).toString('latin1');
      buffered = buffered.subarray(end + 4);
      resolve(text);
    };
    socket.on('data', onData);
  });
  const parse = (): void => {
    while (buffered.length >= 2) {
      let length = (buffered[1] ?? 0) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      }
      if (buffered.length < offset + length) return;
      frames.push({ opcode: (buffered[0] ?? 0) & 0x0f, payload: buffered.subarray(offset, offset + length) });
      buffered = buffered.subarray(offset + length);
    }
    wake();
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    parse();
  });
  parse();
  return {
    status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0),
    accept: /\r\nSec-WebSocket-Accept: (.+)/i.exec(head)?.[1]?.trim() ?? null,
    send: (data) => socket.write(data),
    next: async () => {
      for (;;) {
        const frame = frames.shift();
        if (frame) return frame;
        if (ended) throw new Error('socket closed before a frame arrived');
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    closed: async () => {
      while (!ended) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    end: () => socket.destroy(),
  };
}

const callFrame = (id: number, method: string, input: unknown): Buffer => clientFrame(0x1, Buffer.from(JSON.stringify({ id, method, input })));

describe('browser host call socket', () => {
  it('answers calls by id through the same dispatcher, typed errors included', async () => {
    const client = await connect();
    expect(client.status).toBe(101);
    expect(client.accept).not.toBeNull();
    client.send(Buffer.concat([callFrame(7, 'app.info', {}), callFrame(8, 'app.info', { unexpected: 1 }), callFrame(9, 'nope.nothing', {})]));
    const answers = new Map<number, unknown>();
    for (let i = 0; i < 3; i++) {
      const frame = await client.next();
      expect(frame.opcode).toBe(0x1);
      const { id, result } = JSON.parse(frame.payload.toString('utf8')) as { id: number; result: unknown };
      answers.set(id, result);
    }
    expect(answers.get(7)).toMatchObject({ ok: true, value: { version: '0.0.1-ws', host: 'browser' } });
    expect(answers.get(8)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(answers.get(9)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    client.end();
  });

  it('reassembles a message sent in fragments and answers pings', async () => {
    const client = await connect();
    const whole = Buffer.from(JSON.stringify({ id: 1, method: 'app.info', input: {} }));
    client.send(Buffer.concat([clientFrame(0x1, whole.subarray(0, 10), false), clientFrame(0x9, Buffer.from('hi')), clientFrame(0x0, whole.subarray(10), true)]));
    const pong = await client.next();
    expect(pong).toMatchObject({ opcode: 0xa });
    expect(pong.payload.toString()).toBe('hi');
    const answer = await client.next();
    expect(JSON.parse(answer.payload.toString('utf8'))).toMatchObject({ id: 1, result: { ok: true } });
    client.end();
  });

  it('refuses a handshake without the token, from another origin, or without an origin', async () => {
    expect((await connect({ token: 'nope' })).status).toBe(401);
    expect((await connect({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await connect({ origin: null })).status).toBe(403);
    expect((await connect({ path: '/api/other' })).status).toBe(404);
  });

  it('closes the socket on malformed or oversized messages and stays up for others', async () => {
    const garbled = await connect();
    garbled.send(clientFrame(0x1, Buffer.from('{not json')));
    const close = await garbled.next();
    expect(close.opcode).toBe(0x8);
    expect(close.payload.readUInt16BE(0)).toBe(CLOSE_CODE.invalidData);
    await garbled.closed();

    const huge = await connect();
    huge.send(clientFrame(0x1, Buffer.from(JSON.stringify({ id: 1, method: 'app.info', input: { pad: 'x'.repeat(100 * 1024) } }))));
    const tooBig = await huge.next();
    expect(tooBig.payload.readUInt16BE(0)).toBe(CLOSE_CODE.tooBig);
    await huge.closed();

    const unmasked = await connect();
    unmasked.send(Buffer.from([0x81, 2, 0x7b, 0x7d]));
    expect((await unmasked.next()).payload.readUInt16BE(0)).toBe(CLOSE_CODE.protocol);

    const fine = await connect();
    fine.send(callFrame(1, 'app.info', {}));
    expect(JSON.parse((await fine.next()).payload.toString('utf8'))).toMatchObject({ id: 1, result: { ok: true } });
    fine.end();
  });

  it('computes the handshake answer RFC 6455 gives as its example', () => {
    expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });
});
