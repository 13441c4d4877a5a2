import { extractAnswer, sameAnswer } from '../core/answer';
import { transcriptStats, type TranscriptStats } from '../tagger/stats';
import { tagText, type TagResult } from '../tagger/tagger';
import type { ImportedTranscript } from '../transcript/types';

export interface AnalysedTranscript extends ImportedTranscript {
  tags: TagResult;
  stats: TranscriptStats;
  answer: string | null;
  /** Null when neither a verdict nor an expected answer is known. */
  correct: boolean | null;
}

/**
 * Tags one transcript and works out its answer and whether it is right: the file's verdict when
 * it has one (MathCoder's file name, a Loupe run), else the answer (the file's, else the one the
 * text states) compared with the expected answer.
 */
export function analyseTranscript(
  transcript: ImportedTranscript,
  crucialTokens?: readonly string[],
): AnalysedTranscript {
  const tags = tagText(transcript.text, crucialTokens ? { crucialTokens } : {});
  const answer = transcript.answer ?? extractAnswer(transcript.text);
  const graded =
    transcript.expected === null
      ? null
      : answer !== null && sameAnswer(answer, transcript.expected);
  return {
    ...transcript,
    tags,
    stats: transcriptStats(transcript.text, tags),
    answer,
    correct: transcript.verdict ?? graded,
  };
}
