import type { Reliability } from './reliability';
import reliability from './reliability.json';

/** The shipped tagger's measured reliability (written by `npm run eval:tags -- --write`). */
export const shippedReliability = reliability as unknown as Reliability;
