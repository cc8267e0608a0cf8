import type { CatalogItem } from '../../../shared/contract/catalog';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';

/** Items the test simulator's catalog has, at its prices (the crash test's register sells these). */
export const CRASH_CATALOG: readonly CatalogItem[] = [DEMO_FIXTURES.variants.indomie, DEMO_FIXTURES.variants.cardiganL, DEMO_FIXTURES.variants.bakery].map((v) => ({
  code: v.code,
  name: v.name,
  product: v.name,
  price: v.price,
  discontinued: false,
  updatedAt: '2026-12-04T10:00:00+07:00',
}));
