// The scene editor's CodeMirror 6: XML colours, MJCF completion from the host's schema, find and replace, undo,
// folding, and MuJoCo's refusal marked on the line it names. Loaded only when the editor panel first opens (its own
// chunk of the bundle), so a page that never edits never downloads it.

import { EditorState, Prec } from '@codemirror/state';
import {
  EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { xml, xmlLanguage } from '@codemirror/lang-xml';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { forEachDiagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { oneDark } from '@codemirror/theme-one-dark';
import { mjcfCompletion } from './mjcf-completion.js';

/**
 * An editor in `parent` holding `text`. `onChange(text)` hears every edit; `onApply()` runs on Ctrl+Enter (Cmd+Enter).
 * `outline` is the schema from GET /api/scene/schema.
 */
export function createEditor(parent, { text, outline, onChange, onApply }) {
  // CodeMirror styles itself at run time. In a document it would add <style> elements, which the page's
  // Content-Security-Policy (style-src 'self') refuses; in a shadow root it uses constructed style sheets instead.
  const root = parent.attachShadow({ mode: 'open' });
  const view = new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc: text,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (onApply(), true) }])),
        lineNumbers(), highlightActiveLineGutter(), foldGutter(), lintGutter(),
        highlightSpecialChars(), history(), drawSelection(), indentOnInput(), bracketMatching(),
        highlightActiveLine(), highlightSelectionMatches(),
        xml(), xmlLanguage.data.of({ autocomplete: mjcfCompletion(outline) }), autocompletion(),
        search({ top: true }),
        keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap,
          indentWithTab]),
        oneDark, EditorView.theme({ '&': { height: '100%', fontSize: '0.85rem' }, '.cm-scroller': { overflow: 'auto' } }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    /** Replaces the whole text (an undoable change, like any edit). */
    setText(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    /** Marks `line` (1-based, as MuJoCo counts) with `message` and scrolls to it. */
    markError(line, message) {
      const doc = view.state.doc;
      const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
      view.dispatch(setDiagnostics(view.state, [{ from: at.from, to: at.to, severity: 'error', source: 'MuJoCo', message }]));
      view.dispatch({ effects: EditorView.scrollIntoView(at.from, { y: 'center' }) });
    },
    clearErrors() {
      view.dispatch(setDiagnostics(view.state, []));
    },
    /** The marks shown now: [{line, message}]. */
    errors() {
      const marks = [];
      forEachDiagnostic(view.state, (d, from) => marks.push({ line: view.state.doc.lineAt(from).number, message: d.message }));
      return marks;
    },
  };
}
