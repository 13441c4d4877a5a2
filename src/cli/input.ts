/**
 * How every command reads its JSONL input: a leading byte-order mark is dropped, an empty,
 * binary or non-JSONL file is refused with a sentence, and each malformed line is reported with
 * its number and skipped. Pure: no Node APIs, so it is tested without files.
 */

/** A file that cannot be read as JSONL at all; the message is one sentence, shown as is. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A line that could not be used, and why (1-based line numbers). */
export interface LineError {
  line: number;
  message: string;
}

export interface JsonRecord {
  line: number;
  value: unknown;
}

const BOM = '\uFEFF';

/** Bytes as UTF-8 text, or an InputError saying why the file is not a text file. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) {
    throw new InputError(`${name} is a binary file (it contains NUL bytes); give a JSONL file.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not UTF-8 text; give a JSONL file (one JSON object a line).`);
  }
}

/**
 * The text of a JSONL file, checked: the byte-order mark removed (line numbers are unchanged),
 * and an InputError for a file with no lines, a JSON array, or text that is not JSON lines.
 */
export function checkJsonl(text: string, name: string): string {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === undefined) throw new InputError(`${name} is empty: there is nothing to read.`);
  if (first === '[') {
    throw new InputError(
      `${name} holds a JSON array; give one JSON object a line (JSONL), for example with ` +
        `jq -c '.[]' ${name}.`,
    );
  }
  if (first !== '{') {
    throw new InputError(
      `${name} is not JSONL: its first line does not start with "{". Give one JSON object a line.`,
    );
  }
  return body;
}

/** Every non-blank line parsed as JSON; lines that are not JSON are reported and skipped. */
export function jsonLines(text: string): { records: JsonRecord[]; errors: LineError[] } {
  const records: JsonRecord[] = [];
  const errors: LineError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const line = index + 1;
    try {
      records.push({ line, value: JSON.parse(raw) });
    } catch (error) {
      errors.push({ line, message: `not valid JSON (${(error as Error).message})` });
    }
  });
  return { records, errors };
}

// C0 and C1 controls (tab and newline handled by the caller's choice), DEL, and the bidirectional
// and zero-width characters that change how a line reads on a terminal.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const UNSAFE_ONE_LINE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Text from a file (an id, an exception message) made safe to print: control characters and
 * terminal escape sequences become visible escapes (`\x1b`, `\u202e`) instead of acting on the
 * terminal. With `oneLine`, tabs and newlines are escaped too.
 */
export function terminalSafe(text: string, oneLine = true): string {
  return text.replace(oneLine ? UNSAFE_ONE_LINE : UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    if (char === '\n') return '\\n';
    if (char === '\t') return '\\t';
    if (char === '\r') return '\\r';
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** One line per skipped line of input, ready for standard error. */
export function lineErrorMessages(name: string, errors: LineError[]): string[] {
  return errors.map((e) => `${terminalSafe(name)}:${e.line}: skipped: ${terminalSafe(e.message)}`);
}
