/** A recorded transcript, as Loupe imports it. */
export interface ImportedTranscript {
  id: string;
  question: string | null;
  text: string;
  /** The expected answer, when the file gives one. */
  expected: string | null;
}

export interface ImportError {
  line: number;
  message: string;
}

/**
 * Reads transcripts from a file or a paste: JSONL with `{question, transcript}` (ToRA style, `gt`
 * as the expected answer), the labelled-set format `{id, text, units}`, `{id, text}`; anything
 * that is not JSONL is taken as one pasted Markdown transcript. Bad lines are reported and skipped.
 */
export function importTranscripts(
  content: string,
  name = 'pasted',
): { transcripts: ImportedTranscript[]; errors: ImportError[] } {
  const trimmed = content.trim();
  if (!trimmed) return { transcripts: [], errors: [{ line: 1, message: 'the file is empty' }] };
  if (!trimmed.startsWith('{')) {
    return {
      transcripts: [{ id: name, question: null, text: content, expected: null }],
      errors: [],
    };
  }
  const transcripts: ImportedTranscript[] = [];
  const errors: ImportError[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const line = index + 1;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      errors.push({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const text = typeof record?.text === 'string' ? record.text : record?.transcript;
    if (typeof text !== 'string') {
      errors.push({ line, message: 'no "text" or "transcript" string' });
      return;
    }
    const id = record.id ?? record.idx ?? line;
    const expected = record.gt ?? record.expected ?? record.answer;
    transcripts.push({
      id: String(id),
      question: typeof record.question === 'string' ? record.question : null,
      text,
      expected:
        typeof expected === 'string' || typeof expected === 'number' ? String(expected) : null,
    });
  });
  return { transcripts, errors };
}
