import { MARKERS, type ProtocolId } from '../transcript/format';

export type { ProtocolId };

export interface Protocol {
  id: ProtocolId;
  name: string;
  systemPrompt: string;
  /** The model stops here when it wants its code run. */
  runStop: string;
  /** Stops that mean "I am about to finish", for crucial-token intervention. */
  endStops: string[];
  /** The last code block the model wrote, or null. */
  lastCode(text: string): string | null;
  /** Text appended after the model's own text: the stop string it was cut at, then the output. */
  splice(output: string): string;
}

/**
 * The last ```python block: from its opening line to a line that is only ``` (so backticks
 * inside the code's strings do not end it), or to the end when it is not closed.
 */
export function lastPython(text: string): string | null {
  const lines = text.split('\n');
  let open = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\s*```(python|py)\s*$/.test(lines[i] as string)) {
      open = i;
      break;
    }
  }
  if (open === -1) return null;
  const body: string[] = [];
  for (let i = open + 1; i < lines.length; i++) {
    if (/^\s*```\s*$/.test(lines[i] as string)) break;
    body.push(lines[i] as string);
  }
  return body.join('\n');
}

export const PROTOCOLS: Record<ProtocolId, Protocol> = {
  'markdown-tir': {
    id: 'markdown-tir',
    name: 'Markdown TIR (Qwen2.5-Math, ToRA)',
    systemPrompt:
      'Please integrate natural language reasoning with programs to solve the problem above, and put your final answer within \\boxed{}.',
    runStop: MARKERS.outputOpen,
    endStops: [MARKERS.boxedOpen],
    lastCode: lastPython,
    splice: (output) => `\`\`\`output\n${output}\n\`\`\`\n`,
  },
  think: {
    id: 'think',
    name: 'Think-style (Qwen3)',
    systemPrompt:
      'Think step by step inside <think> </think>. You can run Python by writing a ```python code block; its result appears in an ```output block. Put your final answer within \\boxed{}.',
    runStop: MARKERS.outputOpen,
    endStops: [MARKERS.thinkClose],
    lastCode: lastPython,
    splice: (output) => `\`\`\`output\n${output}\n\`\`\`\n`,
  },
  tagged: {
    id: 'tagged',
    name: 'Tagged (ReTool)',
    systemPrompt:
      'Solve the problem step by step. To run Python, write <code>```python\n...\n```</code>; the result appears in <interpreter></interpreter>. Give the final answer as <answer>\\boxed{...}</answer>.',
    runStop: MARKERS.codeClose,
    endStops: [MARKERS.answerOpen],
    lastCode: (text) => {
      const start = text.lastIndexOf(MARKERS.codeOpen);
      return start === -1 ? null : lastPython(text.slice(start));
    },
    splice: (output) => `</code>\n<interpreter>\n${output}\n</interpreter>\n`,
  },
};
