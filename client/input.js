// Input capture: mouse, wheel, keyboard and touch on the stage become the host's raw input events
// (docs/PROTOCOL.md, "Input"). Coordinates are in video pixels. The host owns the key map; the page only
// keeps the browser from acting on keys while the stage has focus.

const WHEEL_LINE_PIXELS = 16;
const PINCH_TO_WHEEL = 2;

/** Maps a client position to video pixels through the letterbox of the video's `object-fit` (contain or scale-down). */
function videoPoint(video, clientX, clientY) {
  const rect = video.getBoundingClientRect();
  const width = video.videoWidth || rect.width;
  const height = video.videoHeight || rect.height;
  const fit = Math.min(rect.width / width, rect.height / height);
  const scale = getComputedStyle(video).objectFit === 'scale-down' ? Math.min(fit, 1) : fit;
  const left = rect.left + (rect.width - width * scale) / 2;
  const top = rect.top + (rect.height - height * scale) / 2;
  return {
    x: Math.round(Math.min(Math.max((clientX - left) / scale, 0), width)),
    y: Math.round(Math.min(Math.max((clientY - top) / scale, 0), height)),
  };
}

function modifiers(event) {
  return { alt: event.altKey, ctrl: event.ctrlKey, shift: event.shiftKey, meta: event.metaKey };
}

/**
 * Starts capturing on `stage` (which holds `video`) and hands each event to `send`.
 * Pointer moves are coalesced to one per animation frame.
 */
export function captureInput(stage, video, send) {
  let pendingMove = null;
  const flushMove = () => {
    if (pendingMove) send(pendingMove);
    pendingMove = null;
  };
  const queueMove = (event) => {
    if (!pendingMove) requestAnimationFrame(flushMove);
    pendingMove = event;
  };

  let dragging = false; // moves and releases count only for drags that began on the stage
  stage.addEventListener('mousedown', (event) => {
    dragging = true;
    stage.focus();
    flushMove();
    send({ type: 'mouse_down', ...videoPoint(video, event.clientX, event.clientY), button: event.button, ...modifiers(event) });
    event.preventDefault();
  });
  window.addEventListener('mousemove', (event) => {
    if (!dragging) return;
    queueMove({ type: 'mouse_move', ...videoPoint(video, event.clientX, event.clientY), buttons: event.buttons, ...modifiers(event) });
  });
  window.addEventListener('mouseup', (event) => {
    if (!dragging) return;
    dragging = event.buttons !== 0;
    flushMove();
    send({ type: 'mouse_up', ...videoPoint(video, event.clientX, event.clientY), button: event.button, ...modifiers(event) });
  });
  stage.addEventListener('dblclick', (event) => {
    send({ type: 'double_click', ...videoPoint(video, event.clientX, event.clientY), button: event.button, ...modifiers(event) });
  });
  stage.addEventListener('contextmenu', (event) => event.preventDefault()); // right-drag pans
  stage.addEventListener('wheel', (event) => {
    const unit = event.deltaMode === 1 ? WHEEL_LINE_PIXELS : event.deltaMode === 2 ? stage.clientHeight : 1;
    send({ type: 'wheel', dx: event.deltaX * unit, dy: event.deltaY * unit });
    event.preventDefault();
  }, { passive: false });

  const key = (type) => (event) => {
    if (event.repeat && type === 'key_down' && event.code !== 'ArrowRight') return;
    send({ type, code: event.code, ...modifiers(event) });
    // Keep Space from scrolling and Backspace from navigating; leave Tab and browser shortcuts alone.
    if (event.code !== 'Tab' && !event.ctrlKey && !event.metaKey) event.preventDefault();
  };
  stage.addEventListener('keydown', key('key_down'));
  stage.addEventListener('keyup', key('key_up'));

  captureTouch(stage, video, send, flushMove, queueMove);
}

/** One finger orbits (a left drag); two fingers pan (a right drag at their midpoint) and pinch to zoom (wheel). */
function captureTouch(stage, video, send, flushMove, queueMove) {
  let mode = null; // null | 'orbit' | 'pan'
  let lastSpread = 0;
  const midpoint = (touches) => {
    let x = 0;
    let y = 0;
    for (const t of touches) {
      x += t.clientX;
      y += t.clientY;
    }
    return videoPoint(video, x / touches.length, y / touches.length);
  };
  const spread = (touches) => Math.hypot(touches[0].clientX - touches[1].clientX, touches[0].clientY - touches[1].clientY);
  const end = (point) => {
    flushMove();
    if (mode) send({ type: 'mouse_up', ...point, button: mode === 'orbit' ? 0 : 2 });
    mode = null;
  };
  const begin = (touches) => {
    const point = midpoint(touches);
    if (touches.length === 1) {
      mode = 'orbit';
      send({ type: 'mouse_down', ...point, button: 0 });
    } else {
      mode = 'pan';
      lastSpread = spread(touches);
      send({ type: 'mouse_down', ...point, button: 2 });
    }
  };

  stage.addEventListener('touchstart', (event) => {
    event.preventDefault();
    end(midpoint(event.touches));
    if (event.touches.length > 0) begin(event.touches);
  }, { passive: false });
  stage.addEventListener('touchmove', (event) => {
    event.preventDefault();
    if (!mode) return;
    const point = midpoint(event.touches);
    queueMove({ type: 'mouse_move', ...point, buttons: mode === 'orbit' ? 1 : 2 });
    if (mode === 'pan' && event.touches.length >= 2) {
      const now = spread(event.touches);
      // Fingers moving apart bring the camera closer, as a wheel turned toward the person (positive deltaY) does.
      send({ type: 'wheel', dx: 0, dy: (now - lastSpread) * PINCH_TO_WHEEL });
      lastSpread = now;
    }
  }, { passive: false });
  const lift = (event) => {
    event.preventDefault();
    end(event.touches.length ? midpoint(event.touches) : midpoint(event.changedTouches));
    if (event.touches.length > 0) begin(event.touches);
  };
  stage.addEventListener('touchend', lift, { passive: false });
  stage.addEventListener('touchcancel', lift, { passive: false });
}
