import { BEHAVIOURS, BEHAVIOUR_NAMES } from '../tagger/labels';
import type { GroupStats } from './stats';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * A plain-language paragraph of what differs between groups and by how much, from the figures
 * only: groups ordered by accuracy, each behaviour's prevalence and the crucial-token rate at the
 * two ends, whether their 95% intervals overlap, whether the figure rises at every step, and the
 * length of correct against wrong transcripts.
 */
export function readout(list: readonly GroupStats[]): string {
  const graded = list.filter((s) => s.values.accuracy !== null && s.counts.n > 0);
  if (list.length === 0) return '';
  if (graded.length < 2) return single(list);
  const byAccuracy = [...graded].sort(
    (a, b) => (a.values.accuracy ?? 0) - (b.values.accuracy ?? 0),
  );
  const low = byAccuracy[0] as GroupStats;
  const high = byAccuracy.at(-1) as GroupStats;
  const sentences = [
    `Accuracy ranges from ${pct(low.values.accuracy ?? 0)} (${low.group}, ${low.counts.n} transcripts) to ${pct(high.values.accuracy ?? 0)} (${high.group}, ${high.counts.n}).`,
  ];
  const parts = BEHAVIOURS.map((b) =>
    trend(byAccuracy, `prevalence.${b}`, BEHAVIOUR_NAMES[b].toLowerCase(), pct),
  );
  sentences.push(
    `From the least to the most accurate group, the share of transcripts showing ${parts.join('; ')}.`,
  );
  sentences.push(
    `Crucial tokens per 1,000 tokens: ${trend(byAccuracy, 'crucial_per_1k', '', (x) => x.toFixed(2)).trim()}.`,
  );
  sentences.push(lengths(list));
  return sentences.filter(Boolean).join(' ');
}

function trend(
  ordered: readonly GroupStats[],
  figure: string,
  name: string,
  fmt: (x: number) => string,
): string {
  const values = ordered.map((s) => s.values[figure] ?? null);
  const first = values[0];
  const last = values.at(-1);
  if (first === null || first === undefined || last === null || last === undefined)
    return `${name} cannot be measured`;
  const a = ordered[0]?.ci[figure];
  const b = ordered.at(-1)?.ci[figure];
  const apart = a && b ? a[1] < b[0] || b[1] < a[0] : false;
  const steps = values.slice(1).map((v, i) => (v ?? 0) - (values[i] ?? 0));
  const direction = last > first ? 'rises' : last < first ? 'falls' : 'stays';
  const monotone =
    ordered.length > 2 &&
    (steps.every((d) => d > 0)
      ? ', at every step'
      : steps.every((d) => d < 0)
        ? ', at every step'
        : ', not at every step');
  const overlap = apart ? 'intervals apart' : 'intervals overlap';
  return `${name} ${direction} from ${fmt(first)} to ${fmt(last)} (${overlap}${monotone || ''})`;
}

function lengths(list: readonly GroupStats[]): string {
  const both = list.filter(
    (s) => s.values.tokens_mean_correct !== null && s.values.tokens_mean_wrong !== null,
  );
  if (!both.length) return '';
  const longer = both.filter(
    (s) => (s.values.tokens_mean_wrong ?? 0) > (s.values.tokens_mean_correct ?? 0),
  );
  const apart = longer.filter((s) => {
    const c = s.ci.tokens_mean_correct;
    const w = s.ci.tokens_mean_wrong;
    return c && w && w[0] > c[1];
  });
  const example = both[0] as GroupStats;
  return `Wrong transcripts are longer than correct ones in ${longer.length} of ${both.length} groups (${apart.length} with intervals apart); in ${example.group}, ${Math.round(example.values.tokens_mean_wrong ?? 0)} against ${Math.round(example.values.tokens_mean_correct ?? 0)} estimated tokens on average.`;
}

function single(list: readonly GroupStats[]): string {
  return list
    .map((s) => {
      const accuracy = s.values.accuracy ?? null;
      const acc = accuracy === null ? 'no known outcomes' : `accuracy ${pct(accuracy)}`;
      const top = [...BEHAVIOURS].sort(
        (a, b) => (s.values[`prevalence.${b}`] ?? 0) - (s.values[`prevalence.${a}`] ?? 0),
      )[0];
      const share = top ? s.values[`prevalence.${top}`] : null;
      return `${s.group}: ${s.counts.n} transcripts, ${acc}; the most common behaviour is ${top ? BEHAVIOUR_NAMES[top].toLowerCase() : '–'} (${share === null || share === undefined ? '–' : pct(share)} of transcripts), and ${(s.values.crucial_per_1k ?? 0).toFixed(2)} crucial tokens per 1,000 tokens.`;
    })
    .join(' ');
}
