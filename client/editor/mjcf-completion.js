// MJCF completion for CodeMirror from the host's schema (GET /api/scene/schema: MuJoCo's schema as a graph of
// places, the same one the console's editor completes from). Offers the elements that may stand where a tag is
// being typed and the attributes of the element whose tag it is, both in MuJoCo's order. The schema already holds
// MuJoCo's rules (worldbody, include); this module only finds where the cursor is.

import { syntaxTree } from '@codemirror/language';

const NAME = /^[\w.:-]*$/;
const LOOK_BACK = 4000; // a tag longer than this is not being typed by hand
/** Tags and the things that may hold a "<" without being one. */
const TAGS = /<!--[^]*?(?:-->|$)|<\?[^]*?(?:\?>|$)|<!\[CDATA\[[^]*?(?:\]\]>|$)|<!DOCTYPE[^>]*>?|<(\/?)([\w.:-]+)[^>]*?(\/?)>/g;

/** The names of the elements still open at the end of `text`, outermost first. */
function openElements(text) {
  const stack = [];
  for (const [, closing, name, selfClosing] of text.matchAll(TAGS)) {
    if (!name) continue;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else if (!selfClosing) {
      stack.push(name);
    }
  }
  return stack;
}

/** The place of the schema that `path` leads to, or null where the schema does not go. */
function resolve(places, path) {
  let place = places[0];
  for (const name of path) {
    const next = place.children.map((i) => places[i]).find((child) => child.name === name);
    if (!next) return null;
    place = next;
  }
  return place;
}

function childNames(places, path) {
  const place = resolve(places, path);
  return place ? place.children.map((i) => places[i].name) : [];
}

/** An attribute completes as name="" with the cursor between the quotes. */
function attribute(name) {
  return {
    label: name,
    type: 'property',
    apply: (view, completion, from, to) => view.dispatch({
      changes: { from, to, insert: `${name}=""` },
      selection: { anchor: from + name.length + 2 },
    }),
  };
}

/** The CodeMirror completion source for `outline` ({places: [{name, attributes, children}]}). */
export function mjcfCompletion(outline) {
  const { places } = outline;
  return (context) => {
    const { state, pos } = context;
    if (syntaxTree(state).resolveInner(pos, -1).type.name === 'Comment') return null;
    const start = Math.max(0, pos - LOOK_BACK);
    const before = state.sliceDoc(start, pos);
    const lt = before.lastIndexOf('<');
    const inTag = lt > before.lastIndexOf('>');
    const tagStart = inTag ? start + lt : pos;
    const tag = inTag ? before.slice(lt) : '';
    const path = () => openElements(state.sliceDoc(0, tagStart));

    const typingName = /^<([\w.:-]*)$/.exec(tag);
    if (typingName) {
      return {
        from: pos - typingName[1].length,
        options: childNames(places, path()).map((name) => ({ label: name, type: 'type' })),
        validFor: NAME,
      };
    }
    const inOpenTag = /^<([\w.:-]+)\s([^]*)$/.exec(tag);
    if (inOpenTag) {
      const [, element, rest] = inOpenTag;
      if ((rest.match(/"/g) ?? []).length % 2 || (rest.match(/'/g) ?? []).length % 2) return null; // in a value
      const typed = /(?:^|\s)([\w.:-]*)$/.exec(rest);
      if (!typed) return null;
      const present = new Set([...rest.matchAll(/([\w.:-]+)\s*=/g)].map((m) => m[1]));
      const place = resolve(places, [...path(), element]);
      return {
        from: pos - typed[1].length,
        options: (place?.attributes ?? []).filter((name) => !present.has(name)).map(attribute),
        validFor: NAME,
      };
    }
    if (!inTag && context.explicit) {
      return { from: pos, options: childNames(places, path()).map((name) => ({ label: `<${name}`, type: 'type' })) };
    }
    return null;
  };
}
