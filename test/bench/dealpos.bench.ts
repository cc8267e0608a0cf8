/**
 * DealPOS client and simulator on loopback: client overhead per request against raw fetch to the
 * same simulator (one run, interleaved), client round-trip percentiles, simulator throughput,
 * budget bookkeeping cost and a 500-row catalog page from a 500,000-variant simulator.
 */
import { performance } from 'node:perf_hooks';
import { DealPosClient } from '../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../main/dealpos/requestBudget';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FIXTURES, startSimulator } from '../../main/simulator/simulatorServer';
import { percentile, type BenchRow } from './benchRow';

const UNLIMITED = { count: 1_000_000_000, seconds: 180 };

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const sim = await startSimulator({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, variants: 5000, rateLimit: UNLIMITED });
  try {
    const budget = new RequestBudget({ limit: 1_000_000_000 });
    const client = new DealPosClient({ baseUrl: sim.url, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, budget });
    await client.getToken({ priority: 'interactive' });
    const token = [...sim.state.tokens.keys()][0] ?? '';
    const code = DEMO_FIXTURES.variants.indomie.code;
    const rawUrl = `${sim.url}/api/v3/Variant/Detail?Code=${code}`;
    const raw = async (): Promise<void> => {
      const response = await fetch(rawUrl, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
      await response.json();
    };
    const viaClient = async (): Promise<void> => {
      await client.variantDetail({ code }, { priority: 'interactive' });
    };

    // Warm up both paths (JIT, keep-alive sockets).
    for (let i = 0; i < 200; i++) {
      await raw();
      await viaClient();
    }
    // Alternate one raw and one client request so both see the same machine noise; compare medians
    // (on a shared machine the means measure the neighbours more than the code).
    const rawTimes: number[] = [];
    const clientTimes: number[] = [];
    const deadline = performance.now() + 6_000;
    for (let i = 0; i < 2000 && performance.now() < deadline; i++) {
      const t0 = performance.now();
      await raw();
      const t1 = performance.now();
      await viaClient();
      const t2 = performance.now();
      rawTimes.push(t1 - t0);
      clientTimes.push(t2 - t1);
    }
    const rawSorted = [...rawTimes].sort((a, b) => a - b);
    const sorted = [...clientTimes].sort((a, b) => a - b);
    const rawP50 = percentile(rawSorted, 50);
    const ratio = percentile(sorted, 50) / rawP50;
    rows.push({
      name: `client overhead vs raw fetch (Variant/Detail, loopback, ${clientTimes.length} each, p50)`,
      area: 'dealpos',
      value: ratio,
      unit: `× raw (${rawP50.toFixed(3)} ms)`,
      goal: '≤ 1.5× raw',
      ok: ratio <= 1.5,
    });
    rows.push({ name: 'client round trip p50 (Variant/Detail)', area: 'dealpos', value: percentile(sorted, 50), unit: 'ms', goal: '≤ 5 ms', ok: percentile(sorted, 50) <= 5 });
    // Informational: on a shared 2-core machine the tail mostly measures the neighbours.
    rows.push({ name: 'client round trip p99 (Variant/Detail)', area: 'dealpos', value: percentile(sorted, 99), unit: 'ms', goal: '-', ok: null });

    // Simulator throughput: 16 concurrent raw callers for a bounded time.
    let served = 0;
    const until = performance.now() + 2_000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (performance.now() < until) {
          await raw();
          served++;
        }
      }),
    );
    const perSecond = served / ((performance.now() - started) / 1000);
    rows.push({ name: 'simulator throughput (16 concurrent, Variant/Detail)', area: 'dealpos', value: perSecond, unit: 'req/s', goal: '-', ok: null });
    budget.close();
  } finally {
    await sim.close();
  }

  // Budget bookkeeping: acquire + settle without waiting.
  const budget = new RequestBudget({ limit: 1_000_000_000 });
  const ops = 100_000;
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) budget.settle(await budget.acquire(i % 3 === 0 ? 'interactive' : 'background'), { remaining: 1_000_000_000 - i });
  const perOpUs = ((performance.now() - t0) * 1000) / ops;
  rows.push({ name: 'budget acquire + settle (no wait)', area: 'dealpos', value: perOpUs, unit: 'µs/op', goal: '≤ 20 µs', ok: perOpUs <= 20 });
  budget.close();

  // Large catalog: start-up and one 500-row page from the far end of a 500,000-variant catalog.
  const bigStart = performance.now();
  const big = await startSimulator({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, variants: 500_000, rateLimit: UNLIMITED });
  const startupMs = performance.now() - bigStart;
  try {
    const bigBudget = new RequestBudget({ limit: 1_000_000_000 });
    const bigClient = new DealPosClient({ baseUrl: big.url, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, budget: bigBudget });
    await bigClient.getToken({ priority: 'interactive' });
    const lastPage = Math.ceil(big.state.catalog.size / 500) - 1;
    const pageTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await bigClient.listVariants({ pageNumber: lastPage - i, pageSize: 500 }, { priority: 'background' });
      pageTimes.push(performance.now() - t);
    }
    pageTimes.sort((a, b) => a - b);
    rows.push({ name: 'simulator start-up, 500,000 variants', area: 'dealpos', value: startupMs, unit: 'ms', goal: '≤ 2000 ms', ok: startupMs <= 2000 });
    rows.push({ name: '500-row Variant page via client (500k catalog), p50', area: 'dealpos', value: percentile(pageTimes, 50), unit: 'ms', goal: '≤ 100 ms', ok: percentile(pageTimes, 50) <= 100 });
    bigBudget.close();
  } finally {
    await big.close();
  }
  return rows;
}
