import type { Binding } from './tree';

/** How many values a list in the reasoning shows before it is cut in the middle. */
export const SUMMARY_VALUES = 12;

/** Sentences of a reasoning, each tied to the trace event it was written from. */
export class Writer {
  readonly sentences: { text: string; event: number; paragraph?: boolean }[] = [];
  readonly lines: string[];
  /** The generator whose steps are being told, if any. */
  gen: number | undefined;
  /** Iterations told so far of each generator's loops, by `gen:line`: they go on across resumes. */
  readonly generatorLoops = new Map<string, number>();

  constructor(source: string) {
    this.lines = source.split('\n');
  }

  /** Last line number of the block that starts at `line` (1-based), from the program's source. */
  blockEnd(line: number): number {
    const header = this.lines[line - 1];
    if (header === undefined) return line;
    const indent = indentOf(header);
    let end = line;
    for (let i = line; i < this.lines.length; i++) {
      const text = this.lines[i] as string;
      if (text.trim() === '') continue;
      if (indentOf(text) <= indent) break;
      end = i + 1;
    }
    return end;
  }

  say(text: string, event: number, paragraph = false): void {
    this.sentences.push(paragraph ? { text, event, paragraph } : { text, event });
  }

  text(): string {
    let out = '';
    for (const sentence of this.sentences) {
      if (out) out += sentence.paragraph ? '\n\n' : ' ';
      out += sentence.text;
    }
    return out;
  }
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

export function capList(values: string[]): string {
  const shown =
    values.length > SUMMARY_VALUES
      ? [...values.slice(0, SUMMARY_VALUES / 2), '…', ...values.slice(-SUMMARY_VALUES / 2)]
      : values;
  return shown.join(', ');
}

export function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An object of the program's own classes: its attributes are told as `name.attribute`. */
const OBJECT = /^<(\w+) object>$/;

export function describe(binding: Binding): string {
  const object = OBJECT.exec(binding.value);
  if (object) return `${/^[AEIOU]/i.test(object[1] ?? '') ? 'an' : 'a'} ${object[1]} object`;
  return binding.length === undefined
    ? binding.value
    : `${binding.value} (length ${binding.length})`;
}

export function listBindings(bindings: readonly Binding[]): string {
  return joinAnd(
    bindings.map((b) =>
      OBJECT.test(b.value) ? `${b.name} (${describe(b)})` : `${b.name} = ${describe(b)}`,
    ),
  );
}
