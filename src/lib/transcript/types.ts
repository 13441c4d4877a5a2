/** Where a transcript came from, as the importer recognised it. */
export type TranscriptFormat =
  'mathcoder' | 'tora' | 'labelled' | 'plain' | 'loupe-export' | 'markdown';

/** A recorded transcript, as Loupe imports it. */
export interface ImportedTranscript {
  id: string;
  question: string | null;
  text: string;
  /** The expected answer, when the file gives one. */
  expected: string | null;
  format?: TranscriptFormat;
  /** The answer the file records for the model (MathCoder's `model_answer`, a Loupe run's). */
  answer?: string | null;
  /** Whether the answer was right, when the file says so (MathCoder's file name, a Loupe run). */
  verdict?: boolean | null;
}

export interface ImportError {
  line: number;
  message: string;
}

export interface ImportResult {
  transcripts: ImportedTranscript[];
  errors: ImportError[];
}
