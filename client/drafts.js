// Unsaved editor text kept in this browser (localStorage), one draft per scene id, so that a reload or a closed tab
// loses nothing. Only MJCF text is kept here: never a key or a token.

const PREFIX = 'simcast.draft.';

export function loadDraft(sceneId) {
  return localStorage.getItem(PREFIX + sceneId);
}

export function saveDraft(sceneId, text) {
  try {
    localStorage.setItem(PREFIX + sceneId, text);
  } catch {
    // storage full or refused: the text is still in the editor
  }
}

export function dropDraft(sceneId) {
  localStorage.removeItem(PREFIX + sceneId);
}
