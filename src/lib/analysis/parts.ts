import type { AnalysedTranscript } from './analyse';
import type { AnalysisBatch } from './job';

/**
 * Puts transcripts sent in parts back together: hands on every batch as it is, except the parts
 * of a long transcript, which are handed on once, whole, when the last part arrives.
 */
export function joinParts(onBatch: (batch: AnalysisBatch) => void): (batch: AnalysisBatch) => void {
  let partial: AnalysedTranscript | null = null;
  let total = 0;
  return (batch) => {
    if (batch.moreUnits) {
      if (!partial) return;
      partial.tags.units.push(...batch.moreUnits);
    } else if (batch.unitsTotal !== undefined) {
      partial = batch.items[0] ?? null;
      total = batch.unitsTotal;
    } else {
      onBatch(batch);
      return;
    }
    if (partial && partial.tags.units.length >= total) {
      onBatch({ rows: [], items: [partial], errors: [] });
      partial = null;
    }
  };
}
