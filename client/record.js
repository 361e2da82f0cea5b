// The operator's Record button: records the view this page shows (its own camera, the shared view, an RL copy) to
// an MP4 on the host (POST /api/recordings), stops it (DELETE) and downloads the file. Only the operator sees it.

import { authorized } from './access.js';

export class RecordButton {
  #button;
  #source;
  #recording = null;

  /**
   * @param container where the button goes (the page's toolbar)
   * @param source returns what to record: {viewer: id} for the view this page watches on the host, or {view: 'shared'}
   */
  constructor(container, source) {
    this.#source = source;
    this.#button = document.createElement('button');
    this.#button.type = 'button';
    this.#button.id = 'record';
    this.#button.textContent = '● Rec';
    this.#button.title = 'Record what you see to an MP4 on the host';
    this.#button.hidden = true;
    this.#button.addEventListener('click', () => this.#toggle().catch((error) => this.#say(error.message)));
    container.append(this.#button);
  }

  show(operator) {
    this.#button.hidden = !operator;
  }

  get recording() {
    return this.#recording;
  }

  async #toggle() {
    if (this.#recording) {
      const response = await fetch(`/api/recordings/${encodeURIComponent(this.#recording.id)}`,
        { method: 'DELETE', headers: authorized() });
      const status = await response.json();
      this.#recording = null;
      this.#button.textContent = '● Rec';
      if (!response.ok) throw new Error(status.error);
      if (status.state === 'FINISHED') await this.#download(status.file);
      else this.#say(`The recording failed: ${status.problem}`);
      return;
    }
    const response = await fetch('/api/recordings', {
      method: 'POST',
      body: JSON.stringify(this.#source()),
      headers: authorized({ 'Content-Type': 'application/json' }),
    });
    const status = await response.json();
    if (!response.ok) throw new Error(status.error);
    this.#recording = status;
    this.#button.textContent = '■ Stop';
  }

  async #download(name) {
    const response = await fetch(`/api/recordings/${encodeURIComponent(name)}`, { headers: authorized() });
    if (!response.ok) throw new Error(`could not download ${name}`);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  #say(text) {
    this.#button.title = text;
  }
}
