import { createPosClient } from '../../shared/contract/bridge';
import type { PosClient } from '../../shared/contract';

/** The renderer's only door to main: typed from the contract, throws `PosError` on failure. */
export const pos: PosClient = createPosClient(window.pos);
