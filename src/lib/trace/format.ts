import { TRACE_FILENAME, type TraceEvent, type TraceResult } from './types';

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

export function formatEvent(event: TraceEvent): string {
  const pad = INDENT.repeat(event.depth);
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
  }
}
