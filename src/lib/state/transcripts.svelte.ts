import { extractAnswer, sameAnswer } from '../core/answer';
import { BEHAVIOURS, type Behaviour } from '../tagger/labels';
import { transcriptStats, type TranscriptStats } from '../tagger/stats';
import { tagText, type TagResult } from '../tagger/tagger';
import { importTranscripts, type ImportError, type ImportedTranscript } from '../transcript/import';
import { keepAnalysis } from '../library/store.svelte';
import { settings } from './settings.svelte';

export interface AnalysedTranscript extends ImportedTranscript {
  tags: TagResult;
  stats: TranscriptStats;
  answer: string | null;
  /** Null when there is no expected answer to compare with. */
  correct: boolean | null;
}

/** Imported transcripts, tagged, and what the Playground's analysis shows. */
export class TranscriptStore {
  items = $state.raw<AnalysedTranscript[]>([]);
  errors = $state.raw<ImportError[]>([]);
  source = $state('');
  selected = $state(0);
  visible = $state<Record<Behaviour, boolean>>(
    Object.fromEntries(BEHAVIOURS.map((b) => [b, true])) as Record<Behaviour, boolean>,
  );
  showCrucial = $state(true);

  /** Opens a file for analysis; `keep` puts it in the Library (false when it comes from there). */
  load(name: string, content: string, keep = true): void {
    const { transcripts, errors } = importTranscripts(content, name);
    this.items = transcripts.map(analyse);
    this.errors = errors;
    this.source = name;
    this.selected = 0;
    if (keep) keepAnalysis(name, content, this.items.length, errors.length);
  }

  get current(): AnalysedTranscript | undefined {
    return this.items[this.selected];
  }
}

function analyse(transcript: ImportedTranscript): AnalysedTranscript {
  const tags = tagText(transcript.text, { crucialTokens: settings.crucialTokens });
  const answer = extractAnswer(transcript.text);
  return {
    ...transcript,
    tags,
    stats: transcriptStats(transcript.text, tags),
    answer,
    correct:
      transcript.expected === null
        ? null
        : answer !== null && sameAnswer(answer, transcript.expected),
  };
}

export const transcripts = new TranscriptStore();
