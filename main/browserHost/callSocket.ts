/**
 * Contract calls over one WebSocket (RFC 6455, text frames, no extensions) for the browser host.
 * A fetch costs Chromium several process hops per call (loader, headers, then the body pipe); a
 * message on an open socket costs one each way, which is most of a scan's round trip. Calls still
 * go through the same dispatcher, so validation and error mapping are unchanged.
 *
 * Client → host: `{"id": <number>, "method": "<namespace.method>", "input": <any>}`.
 * Host → client: `{"id": <number>, "result": PosResult}`.
 */
import crypto from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { PosResult } from '../../shared/errors';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** Close codes used here (RFC 6455 §7.4.1). */
export const CLOSE_CODE = { normal: 1000, protocol: 1002, unsupported: 1003, invalidData: 1007, tooBig: 1009 } as const;

export interface CallSocketOptions {
  readonly dispatch: (method: string, input: unknown) => Promise<PosResult<unknown>>;
  readonly maxMessageBytes: number;
}

/** The `Sec-WebSocket-Accept` value for a handshake key. */
export function acceptKey(key: string): string {
  return crypto.createHash('sha1').update(key + HANDSHAKE_GUID).digest('base64');
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([0x80 | opcode, length]);
  } else if (length < 0x10000) {
    header = Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

function closeFrame(code: number, reason: string): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return frame(OPCODE.close, payload);
}

interface CallMessage {
  readonly id: number;
  readonly method: string;
  readonly input: unknown;
}

function parseCall(text: string): CallMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, method, input } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof method !== 'string') return null;
  return { id, method, input };
}

/**
 * Serves calls on an upgraded socket (the handshake already checked by the caller). Answers go out
 * in whatever order the calls finish; each carries its call's id.
 */
export function serveCallSocket(socket: Duplex, head: Buffer, options: CallSocketOptions): void {
  let buffered: Buffer = head;
  let fragments: Buffer[] | null = null;
  let fragmentBytes = 0;
  let closed = false;

  const send = (data: Buffer): void => {
    if (!closed && socket.writable) socket.write(data);
  };
  const close = (code: number, reason: string): void => {
    if (closed) return;
    send(closeFrame(code, reason));
    closed = true;
    socket.end();
  };

  const onMessage = (payload: Buffer): void => {
    const call = parseCall(payload.toString('utf8'));
    if (!call) return close(CLOSE_CODE.invalidData, 'Expected {id, method, input}');
    const answer = (result: PosResult<unknown>): void => send(frame(OPCODE.text, Buffer.from(JSON.stringify({ id: call.id, result }))));
    // The dispatcher maps every failure to a result; a rejection would be a bug in it, still answered.
    options.dispatch(call.method, call.input ?? {}).then(answer, () => answer({ ok: false, error: { code: 'internal', message: 'The browser host failed to answer' } }));
  };

  // One frame per loop; returns false when the buffer holds no complete frame yet or the socket closed.
  const nextFrame = (): boolean => {
    if (buffered.length < 2) return false;
    const first = buffered[0] ?? 0;
    const second = buffered[1] ?? 0;
    let length = second & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (buffered.length < 4) return false;
      length = buffered.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (buffered.length < 10) return false;
      const big = buffered.readBigUInt64BE(2);
      if (big > BigInt(options.maxMessageBytes)) {
        close(CLOSE_CODE.tooBig, 'Message too big');
        return false;
      }
      length = Number(big);
      offset = 10;
    }
    if ((first & 0x70) !== 0) {
      close(CLOSE_CODE.protocol, 'No extensions were negotiated');
      return false;
    }
    if ((second & 0x80) === 0) {
      close(CLOSE_CODE.protocol, 'Client frames must be masked');
      return false;
    }
    if (length > options.maxMessageBytes) {
      close(CLOSE_CODE.tooBig, 'Message too big');
      return false;
    }
    if (buffered.length < offset + 4 + length) return false;
    const mask = buffered.subarray(offset, offset + 4);
    const payload = Buffer.from(buffered.subarray(offset + 4, offset + 4 + length));
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    buffered = buffered.subarray(offset + 4 + length);

    const fin = (first & 0x80) !== 0;
    const opcode = first & 0x0f;
    switch (opcode) {
      case OPCODE.text:
      case OPCODE.continuation: {
        if ((opcode === OPCODE.text) === (fragments !== null)) {
          close(CLOSE_CODE.protocol, 'Unexpected frame in a fragmented message');
          return false;
        }
        if (fin && fragments === null) {
          onMessage(payload);
          return !closed;
        }
        fragments ??= [];
        fragments.push(payload);
        fragmentBytes += payload.length;
        if (fragmentBytes > options.maxMessageBytes) {
          close(CLOSE_CODE.tooBig, 'Message too big');
          return false;
        }
        if (fin) {
          const whole = Buffer.concat(fragments);
          fragments = null;
          fragmentBytes = 0;
          onMessage(whole);
        }
        return !closed;
      }
      case OPCODE.ping:
        send(frame(OPCODE.pong, payload));
        return true;
      case OPCODE.pong:
        return true;
      case OPCODE.close:
        close(CLOSE_CODE.normal, '');
        return false;
      default:
        close(CLOSE_CODE.unsupported, 'Only text messages are accepted');
        return false;
    }
  };

  const drain = (): void => {
    while (!closed && nextFrame()) {
      // Each pass consumed one frame.
    }
  };

  socket.on('data', (chunk: Buffer) => {
    if (closed) return;
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    drain();
  });
  socket.on('error', () => {
    // A reset connection: the browser side sees the close and falls back; nothing to answer.
    closed = true;
  });
  socket.on('close', () => {
    closed = true;
  });
  drain();
}
