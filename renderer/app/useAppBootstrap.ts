import { useEffect } from 'react';
import { pos } from '../api/pos';
import { useStore } from '../state/store';

/** Loads what the frame needs and keeps `status` live for as long as the app is mounted. */
export function useAppBootstrap(): void {
  useEffect(() => {
    const { loadApp, setStatus } = useStore.getState();
    // Subscribe before asking, so no change between the answer and the subscription is missed.
    const unsubscribe = pos.on('status', setStatus);
    void loadApp();
    return unsubscribe;
  }, []);
}
