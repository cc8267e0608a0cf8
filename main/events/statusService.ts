import { INITIAL_STATUS, type AppStatus } from '../../shared/contract/app';
import type { EventHub } from './eventHub';

type StatusPatch = {
  readonly connectivity?: AppStatus['connectivity'];
  readonly queue?: Partial<AppStatus['queue']>;
  readonly scanner?: Partial<AppStatus['scanner']>;
  readonly mainLoop?: AppStatus['mainLoop'];
  readonly disk?: AppStatus['disk'];
};

/** Holds the one `status` every screen shows; each service patches its own part and it is pushed at once. */
export class StatusService {
  private current: AppStatus = INITIAL_STATUS;

  constructor(private readonly events: EventHub) {}

  get(): AppStatus {
    return this.current;
  }

  update(patch: StatusPatch): void {
    const next: AppStatus = {
      connectivity: patch.connectivity ?? this.current.connectivity,
      queue: { ...this.current.queue, ...patch.queue },
      mainLoop: patch.mainLoop !== undefined ? patch.mainLoop : this.current.mainLoop,
      scanner: { ...this.current.scanner, ...patch.scanner },
      disk: patch.disk !== undefined ? patch.disk : this.current.disk,
    };
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.events.emit('status', next);
  }
}
