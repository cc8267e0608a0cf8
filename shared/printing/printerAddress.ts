/** A network printer's address as typed in Settings: `host:port` (IPv6 as `[addr]:port`). Pure. */
export interface PrinterAddress {
  readonly host: string;
  readonly port: number;
}

export type AddressProblem = { readonly ok: false; readonly message: string };

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Parses `host:port`; the message says exactly what is wrong and shows the expected form. */
export function parsePrinterAddress(value: string): { readonly ok: true; readonly address: PrinterAddress } | AddressProblem {
  const text = value.trim();
  const example = 'for example 192.168.1.50:9100';
  if (text === '') return { ok: false, message: `Enter the printer's address as host:port, ${example}` };
  const v6 = /^\[([0-9A-Fa-f:.]+)\]:(\d*)$/.exec(text);
  const v4 = v6 ? null : /^([^:\s]+):(\d*)$/.exec(text);
  const match = v6 ?? v4;
  if (!match) {
    return text.includes(':') && !v6
      ? { ok: false, message: `"${text}" is not host:port (${example}; write an IPv6 address as [addr]:port)` }
      : { ok: false, message: `"${text}" has no port: write it as host:port, ${example} (9100 is the usual raw printing port)` };
  }
  const [, host = '', portText = ''] = match;
  if (!v6 && !HOST.test(host)) return { ok: false, message: `"${host}" is not a host name or IPv4 address (${example})` };
  if (!/^\d{1,5}$/.test(portText)) return { ok: false, message: `The port after ":" must be a number from 1 to 65535 (${example})` };
  const port = Number(portText);
  if (port < 1 || port > 65_535) return { ok: false, message: `Port ${port} is out of range: use 1 to 65535 (usually 9100)` };
  return { ok: true, address: { host, port } };
}

export const formatPrinterAddress = ({ host, port }: PrinterAddress): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
