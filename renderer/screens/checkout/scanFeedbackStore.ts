import { create } from 'zustand';
import type { CatalogItem } from '../../../shared/contract/catalog';
import { playTone, type FeedbackKind } from '../../feedback/tones';

export type FeedbackFollowUp =
  | { readonly kind: 'search'; readonly code: string }
  | { readonly kind: 'discontinued'; readonly item: CatalogItem }
  | null;

export interface Feedback {
  readonly kind: FeedbackKind;
  readonly message: string;
  /** Rises with every message (never reset), so the flash restarts and tests can await the next one. */
  readonly sequence: number;
  readonly followUp: FeedbackFollowUp;
}

interface FeedbackStore {
  readonly feedback: Feedback | null;
  show(kind: FeedbackKind, message: string, followUp?: FeedbackFollowUp): void;
  clear(): void;
}

let sequence = 0;

/**
 * The last scan's feedback. Transient screen state kept apart from the sale slices so that only
 * the feedback line re-renders when it changes, not the whole checkout.
 */
export const useFeedbackStore = create<FeedbackStore>()((set) => ({
  feedback: null,
  show: (kind, message, followUp = null) => {
    playTone(kind);
    sequence += 1;
    set({ feedback: { kind, message, sequence, followUp } });
  },
  clear: () => set({ feedback: null }),
}));
