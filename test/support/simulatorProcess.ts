/** `npm run simulator` as a real child process, for tests that need DealPOS outside their own event loop. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

export interface SimulatorProcessOptions {
  /**
   * Run it under Linux's SCHED_IDLE (util-linux's chrt), for benches that time the counter while
   * the simulator works flat out: DealPOS's servers are not on the counter's CPU, so here the
   * simulator takes only the CPU the app under test leaves. Elsewhere than Linux it runs as usual.
   */
  readonly idlePriority?: boolean;
}

export function spawnSimulator(args: readonly string[], { idlePriority = false }: SimulatorProcessOptions = {}): ChildProcess {
  const script = ['main/simulator/cli.ts', ...args];
  const run = (file: string, argv: readonly string[]): ChildProcess => spawn(file, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return idlePriority && process.platform === 'linux' ? run('chrt', ['--idle', '0', tsx, ...script]) : run(tsx, script);
}

/** The URL the child prints once it listens; rejects if it exits first. */
export function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /DealPOS simulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code} before listening: ${out}`)));
  });
}
