import { TRACE_FILENAME, type FoldedChange, type TraceEvent, type TraceResult } from './types';

const INDENT = '    ';

/** The trace as text, in snoop's layout without timestamps (the format of Jung et al.). */
export function formatTrace(
  events: readonly TraceEvent[],
  result?: Pick<TraceResult, 'status'>,
): string {
  const lines = events.map(formatEvent);
  if (result?.status === 'truncated') lines.push('... trace stopped: the step limit was reached');
  if (result?.status === 'timeout') lines.push('... trace stopped: the time limit was reached');
  return lines.join('\n');
}

/** The values a folded run went through: the first ones, an ellipsis where some are left out, the last. */
export function foldedValues(change: FoldedChange): string {
  const shown = change.head.length + change.tail.length;
  const gap = change.count > shown ? ['...'] : [];
  return [...change.head, ...gap, ...change.tail].join(', ');
}

/** Deeper calls than this are not indented further (a deep recursion would grow quadratically). */
const MAX_INDENT = 20;

function indent(depth: number): string {
  return depth <= MAX_INDENT
    ? INDENT.repeat(depth)
    : `${INDENT.repeat(MAX_INDENT)}[depth ${depth}] `;
}

export function formatEvent(event: TraceEvent): string {
  const pad = indent(event.depth);
  switch (event.kind) {
    case 'call':
      return `${pad}>>> ${event.verb} ${event.func} in File "${TRACE_FILENAME}", line ${event.line}`;
    case 'line':
      return `${pad}${String(event.line).padStart(4)} | ${event.source}`;
    case 'var': {
      const dots = '.'.repeat(event.dots);
      const value = `${pad}${dots} ${event.name} = ${event.value}`;
      return event.length === undefined
        ? value
        : `${value}\n${pad}${dots} len(${event.name}) = ${event.length}`;
    }
    case 'return':
      return `${pad}<<< Return value from ${event.func}: ${event.value}`;
    case 'yield':
      return `${pad}<<< Yield value from ${event.func}: ${event.value}`;
    case 'exception':
      return `${pad}!!! ${event.type}: ${event.message}`;
    case 'unwind':
      return `${pad}!!! Call ended by exception`;
    case 'loop': {
      const range =
        event.first === event.last
          ? `iteration ${event.first}`
          : `iterations ${event.first} to ${event.last}`;
      const changes = event.changes.map((c) => `${c.name} = ${foldedValues(c)}`).join('; ');
      const calls = event.calls.length ? `; calls ${event.calls.join(', ')}` : '';
      return `${pad}... ${range} of line ${event.line} took paths shown above${changes ? `: ${changes}` : ''}${calls}`;
    }
  }
}
