/**
 * A clock for the benches that project real-quota hours in milliseconds: the app's RequestBudget
 * (or anything taking a BudgetClock) runs on it, and time moves only to the next timer.
 */
import type { BudgetClock } from '../../main/dealpos/requestBudget';

/** Timers fire in time order; between two, every promise reaction that is ready runs. */
export class VirtualClock implements BudgetClock {
  private time = 0;
  private timers: Array<{ at: number; seq: number; callback: () => void }> = [];
  private seq = 0;
  now(): number {
    return this.time;
  }
  setTimer(callback: () => void, ms: number): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(resolve, ms));
  }
  /** Runs timers in order until `done()` holds, letting ready promise reactions run before each. */
  async runUntil(done: () => boolean): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done()) return;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('the virtual clock stalled: nothing is left to run');
      this.time = Math.max(this.time, next.at);
      next.callback();
    }
  }
}
