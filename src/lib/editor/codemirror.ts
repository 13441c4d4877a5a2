import { EditorState, Prec } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { classHighlighter } from '@lezer/highlight';

export interface EditorHandle {
  setValue(value: string): void;
  focus(): void;
  destroy(): void;
}

/** A Python editor; loaded on demand so CodeMirror stays out of the initial bundle. */
export function createPythonEditor(
  parent: HTMLElement,
  options: {
    value: string;
    label: string;
    /** The id of the text that tells how to leave the editor with the keyboard. */
    describedBy?: string;
    onChange: (value: string) => void;
    onRun: () => void;
  },
): EditorHandle {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }])),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        python(),
        // PEP 8: four spaces per level, for Tab, Enter and the indentation Python code expects.
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        // Token classes (tok-keyword, ...) are coloured by the app's theme variables.
        syntaxHighlighting(classHighlighter),
        // Tab indents here (indentWithTab); Escape then Tab leaves the editor, as CodeMirror
        // documents. tabindex makes the scrolling content count as keyboard-reachable.
        EditorView.contentAttributes.of({
          'aria-label': options.label,
          tabindex: '0',
          ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setValue(value) {
      if (value === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
