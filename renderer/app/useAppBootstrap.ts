import { useEffect } from 'react';
import { pos } from '../api/pos';
import { useStore } from '../state/store';

/** Loads what the frame needs and keeps `status` and catalog progress live while the app is mounted. */
export function useAppBootstrap(): void {
  useEffect(() => {
    const { loadApp, loadSettings, loadCatalogState, setStatus, setCatalogProgress } = useStore.getState();
    // Subscribe before asking, so no change between the answer and the subscription is missed.
    const offStatus = pos.on('status', setStatus);
    const offCatalog = pos.on('catalogProgress', setCatalogProgress);
    void loadApp();
    void loadSettings();
    void loadCatalogState();
    return () => {
      offStatus();
      offCatalog();
    };
  }, []);
}
