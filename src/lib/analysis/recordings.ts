import { extractAnswer, sameAnswer } from '../core/answer';
import { revealHidden } from '../core/visible';
import { BEHAVIOURS, type Behaviour } from '../tagger/labels';
import { tagText } from '../tagger/tagger';

/** What a picker shows of a recording, so people choose by content rather than by id. */
export interface RecordingSummary {
  id: string;
  /** The question's first line, or a note that the recording has none. */
  headline: string;
  answer: string | null;
  expected: string | null;
  correct: boolean | null;
  counts: Record<Behaviour, number>;
}

interface RecordingLike {
  id: string;
  question: string | null;
  text: string;
  expected: string | null;
}

export function summarise(
  recording: RecordingLike,
  crucialTokens?: readonly string[],
): RecordingSummary {
  const answer = extractAnswer(recording.text);
  const counts = tagText(recording.text, { crucialTokens }).counts;
  const firstLine = recording.question?.trim().split('\n')[0]?.trim();
  return {
    id: recording.id,
    headline: firstLine ? revealHidden(firstLine) : '(no question in the recording)',
    answer,
    expected: recording.expected,
    correct:
      recording.expected === null
        ? null
        : answer !== null && sameAnswer(answer, recording.expected),
    counts: { ...counts },
  };
}

const LETTERS: Record<Behaviour, string> = {
  verification: 'V',
  backtracking: 'B',
  subgoal_setting: 'S',
  backward_chaining: 'C',
};

/** One line for a list: "#dev-006 · Who is at the front…? · answer Ben ✓ · V2 B1 S0 C0". */
export function summaryLine(summary: RecordingSummary, maxQuestion = 70): string {
  const question =
    summary.headline.length > maxQuestion
      ? `${summary.headline.slice(0, maxQuestion - 1)}…`
      : summary.headline;
  const verdict = summary.correct === null ? '' : summary.correct ? ' ✓ right' : ' ✗ wrong';
  const answer = summary.answer === null ? 'no answer' : `answer ${summary.answer}${verdict}`;
  const tags = BEHAVIOURS.map((b) => `${LETTERS[b]}${summary.counts[b]}`).join(' ');
  return `#${revealHidden(summary.id)} · ${question} · ${answer} · ${tags}`;
}

/** True when every word of the search appears in the recording's id, question or answer. */
export function matchesSearch(summary: RecordingSummary, search: string): boolean {
  const haystack = `${summary.id} ${summary.headline} ${summary.answer ?? ''}`.toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * A title for what is replayed: a pasted transcript has no file or id of its own, so it is
 * "a pasted transcript" rather than "pasted #pasted".
 */
export function recordingTitle(source: string, id: string): string {
  if (source === 'pasted' && (id === 'pasted' || id === '1')) return 'a pasted transcript';
  if (source === id) return revealHidden(source);
  return `${revealHidden(source)} #${revealHidden(id)}`;
}

/** The engine label as shown: "Replay: pasted #pasted" becomes "Replay: a pasted transcript". */
export function displayEngineLabel(label: string): string {
  const replay = /^Replay: (.*) #([^#]*)$/.exec(label);
  return replay ? `Replay: ${recordingTitle(replay[1]!, replay[2]!)}` : revealHidden(label);
}

/** A model id without its build jargon: "Qwen2.5-1.5B-Instruct-q4f16_1-MLC" → "Qwen2.5-1.5B-Instruct". */
export function plainModelName(id: string): string {
  return id.replace(/-q\d+f\d+(_\d+)?(-MLC)?$/i, '').replace(/-MLC$/i, '');
}
