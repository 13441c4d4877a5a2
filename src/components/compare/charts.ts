import * as Plot from '@observablehq/plot';
import type { TranscriptRow } from '../../lib/compare/row';
import type { GroupStats } from '../../lib/compare/stats';
import { BEHAVIOUR_NAMES, BEHAVIOURS } from '../../lib/tagger/labels';
import { TAG_STYLE } from '../tags/palette';

/** Colours read from the page's theme, so an exported chart carries them without CSS. */
export interface ChartTheme {
  fg: string;
  muted: string;
  font: string;
}

/** Okabe–Ito hues for groups (behaviours keep their own palette). */
const GROUP_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#F0E442',
  '#999999',
];

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function base(theme: ChartTheme, width: number) {
  return {
    width,
    style: { color: theme.fg, background: 'transparent', fontFamily: theme.font, fontSize: '12px' },
  };
}

/**
 * Each behaviour's prevalence (or share of units) per group: horizontal bars, one panel per
 * behaviour, with the 95% interval as a whisker and the counts in each bar's tooltip.
 */
export function behaviourChart(
  stats: readonly GroupStats[],
  measure: 'prevalence' | 'unit_share',
  theme: ChartTheme,
  width: number,
): SVGSVGElement | HTMLElement {
  const groups = stats.map((s) => s.group);
  const data = stats.flatMap((s) =>
    BEHAVIOURS.map((b) => {
      const figure = `${measure}.${b}`;
      const ci = s.ci[figure];
      const count =
        measure === 'prevalence' ? s.counts.withBehaviour[b] : s.counts.behaviourUnits[b];
      const of = measure === 'prevalence' ? s.counts.n : s.counts.units;
      return {
        group: s.group,
        behaviour: BEHAVIOUR_NAMES[b],
        value: s.values[figure] ?? 0,
        low: ci?.[0] ?? null,
        high: ci?.[1] ?? null,
        tip: `${s.group} · ${BEHAVIOUR_NAMES[b]}: ${pct(s.values[figure] ?? 0)} (${count} of ${of} ${measure === 'prevalence' ? 'transcripts' : 'units'})${ci ? `, 95% CI ${pct(ci[0])}–${pct(ci[1])}` : ''}`,
      };
    }),
  );
  return Plot.plot({
    ...base(theme, width),
    height: 60 + BEHAVIOURS.length * (groups.length * 18 + 24),
    marginLeft: Math.min(220, 16 + 7.2 * Math.max(...groups.map((g) => g.length), 4)),
    marginRight: 125,
    x: {
      label:
        measure === 'prevalence' ? 'Transcripts with at least one (%) →' : 'Share of units (%) →',
      percent: true,
      grid: true,
    },
    y: { label: null, domain: groups },
    fy: { label: null, domain: BEHAVIOURS.map((b) => BEHAVIOUR_NAMES[b]) },
    color: { domain: groups, range: GROUP_COLOURS },
    marks: [
      Plot.frame({ stroke: theme.muted, strokeOpacity: 0.3 }),
      Plot.barX(data, { x: 'value', y: 'group', fy: 'behaviour', fill: 'group', title: 'tip' }),
      Plot.ruleY(data, {
        x1: 'low',
        x2: 'high',
        y: 'group',
        fy: 'behaviour',
        stroke: theme.fg,
        strokeWidth: 1.5,
      }),
      Plot.ruleX([0], { stroke: theme.fg }),
    ],
  });
}

/**
 * Accuracy against each behaviour's prevalence across groups: one line per behaviour, groups in
 * order of accuracy, both 95% intervals as crosses, each group named along the top.
 */
export function accuracyChart(
  stats: readonly GroupStats[],
  theme: ChartTheme,
  width: number,
): SVGSVGElement | HTMLElement {
  const graded = [...stats]
    .filter((s) => s.values.accuracy !== null)
    .sort((a, b) => (a.values.accuracy ?? 0) - (b.values.accuracy ?? 0));
  const points = graded.flatMap((s) =>
    BEHAVIOURS.map((b) => ({
      group: s.group,
      behaviour: BEHAVIOUR_NAMES[b],
      accuracy: s.values.accuracy ?? 0,
      accLow: s.ci.accuracy?.[0] ?? null,
      accHigh: s.ci.accuracy?.[1] ?? null,
      value: s.values[`prevalence.${b}`] ?? 0,
      low: s.ci[`prevalence.${b}`]?.[0] ?? null,
      high: s.ci[`prevalence.${b}`]?.[1] ?? null,
      tip: `${s.group}: accuracy ${pct(s.values.accuracy ?? 0)}, ${BEHAVIOUR_NAMES[b].toLowerCase()} in ${pct(s.values[`prevalence.${b}`] ?? 0)} of transcripts (${s.counts.withBehaviour[b]} of ${s.counts.n})`,
    })),
  );
  const last = points.filter((p) => p.group === graded.at(-1)?.group);
  // Names without their shared prefix, on alternating rows so close accuracies do not collide.
  const short = shortNames(graded.map((s) => s.group));
  const labels = graded.map((s, i) => ({
    accuracy: s.values.accuracy,
    label: short[i],
    row: i % 2,
  }));
  return Plot.plot({
    ...base(theme, width),
    height: 360,
    marginTop: 42,
    marginRight: 130,
    x: { label: 'Accuracy (%) →', percent: true, grid: true, inset: 10 },
    y: {
      label: '↑ Transcripts with the behaviour (%)',
      percent: true,
      grid: true,
      domain: [0, 100],
    },
    color: {
      domain: BEHAVIOURS.map((b) => BEHAVIOUR_NAMES[b]),
      range: BEHAVIOURS.map((b) => TAG_STYLE[b].colour),
    },
    marks: [
      Plot.ruleX(graded, {
        x: (s: GroupStats) => s.values.accuracy,
        stroke: theme.muted,
        strokeOpacity: 0.4,
        strokeDasharray: '3,3',
      }),
      ...[0, 1].map((row) =>
        Plot.text(
          labels.filter((d) => d.row === row),
          {
            x: 'accuracy',
            text: 'label',
            frameAnchor: 'top',
            dy: -8 - 14 * row,
            fill: theme.muted,
          },
        ),
      ),
      Plot.line(points, { x: 'accuracy', y: 'value', stroke: 'behaviour', strokeWidth: 2 }),
      Plot.ruleX(points, { x: 'accuracy', y1: 'low', y2: 'high', stroke: 'behaviour' }),
      Plot.ruleY(points, {
        y: 'value',
        x1: 'accLow',
        x2: 'accHigh',
        stroke: 'behaviour',
        strokeOpacity: 0.6,
      }),
      Plot.dot(points, { x: 'accuracy', y: 'value', fill: 'behaviour', r: 4, title: 'tip' }),
      Plot.text(last, {
        x: 'accuracy',
        y: 'value',
        text: 'behaviour',
        textAnchor: 'start',
        dx: 8,
        fill: 'behaviour',
        fontWeight: 600,
      }),
    ],
  });
}

/**
 * Token length of correct against wrong transcripts in each group: box plots on a log scale (the
 * box is the middle half, the whiskers 1.5 IQR, dots beyond), with each mean as a diamond.
 */
export function tokensChart(
  groups: readonly { name: string; rows: readonly TranscriptRow[] }[],
  theme: ChartTheme,
  width: number,
): SVGSVGElement | HTMLElement {
  const data = groups.flatMap((g) =>
    g.rows
      .filter((r) => r.correct !== null && r.tokens > 0)
      .map((r) => ({ group: g.name, outcome: r.correct ? 'correct' : 'wrong', tokens: r.tokens })),
  );
  const means = groups
    .flatMap((g) =>
      (['correct', 'wrong'] as const).map((outcome) => {
        const list = data.filter((d) => d.group === g.name && d.outcome === outcome);
        const mean = list.length ? list.reduce((a, d) => a + d.tokens, 0) / list.length : null;
        return {
          group: g.name,
          outcome,
          mean,
          tip: `${g.name}, ${outcome}: mean ${Math.round(mean ?? 0)} estimated tokens over ${list.length} transcripts`,
        };
      }),
    )
    .filter((m) => m.mean !== null);
  return Plot.plot({
    ...base(theme, width),
    height: 50 + groups.length * 70,
    marginRight: 125,
    marginLeft: Math.min(220, 16 + 7.2 * Math.max(...groups.map((g) => g.name.length), 4)) + 50,
    x: {
      type: 'log',
      label: 'Tokens per transcript (estimated: words and symbols; log scale) →',
      grid: true,
    },
    y: { label: null, domain: ['correct', 'wrong'] },
    fy: { label: null, domain: groups.map((g) => g.name) },
    color: { domain: ['correct', 'wrong'], range: ['#009E73', '#D55E00'] },
    marks: [
      Plot.frame({ stroke: theme.muted, strokeOpacity: 0.3 }),
      Plot.boxX(data, {
        x: 'tokens',
        y: 'outcome',
        fy: 'group',
        fill: 'outcome',
        fillOpacity: 0.35,
        stroke: theme.fg,
        r: 1.5,
      }),
      Plot.dot(means, {
        x: 'mean',
        y: 'outcome',
        fy: 'group',
        symbol: 'diamond',
        fill: theme.fg,
        r: 4,
        title: 'tip',
      }),
    ],
  });
}

/** Names without the prefix they all share (`MathCoder-L-7b` → `L-7b`), when something is left. */
export function shortNames(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  let prefix = names[0] ?? '';
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const cut =
    Math.max(prefix.lastIndexOf('-'), prefix.lastIndexOf('_'), prefix.lastIndexOf(' ')) + 1;
  const short = names.map((n) => n.slice(cut));
  return short.every((n) => n.length > 0) ? short : [...names];
}
