// Glass-to-glass latency in bench mode: the host draws the capture time (epoch ms mod 2^32) as 32 black/white
// 16x16 blocks, two rows of sixteen, most significant bit first, in the top-left corner of every frame
// (LatencyStamp.java). For each frame the browser presents, read the blocks back and subtract them from the
// time the frame is displayed. Host and browser share one clock only when they run on the same machine.

const BLOCK = 16;
const COLUMNS = 16;
const ROWS = 2;
const WRAP = 2 ** 32;
const KEEP = 3000;

export class LatencyProbe {
  #video;
  #context;
  #samples = [];
  #running = false;

  constructor(video) {
    this.#video = video;
    const canvas = document.createElement('canvas');
    canvas.width = COLUMNS * BLOCK;
    canvas.height = ROWS * BLOCK;
    this.#context = canvas.getContext('2d', { willReadFrequently: true });
  }

  start() {
    if (this.#running || !('requestVideoFrameCallback' in HTMLVideoElement.prototype)) return;
    this.#running = true;
    const onFrame = (_now, metadata) => {
      if (!this.#running) return;
      this.#measure(performance.timeOrigin + metadata.expectedDisplayTime);
      this.#video.requestVideoFrameCallback(onFrame);
    };
    this.#video.requestVideoFrameCallback(onFrame);
  }

  stop() {
    this.#running = false;
  }

  #measure(displayedAt) {
    const width = COLUMNS * BLOCK;
    const height = ROWS * BLOCK;
    this.#context.drawImage(this.#video, 0, 0, width, height, 0, 0, width, height);
    const pixels = this.#context.getImageData(0, 0, width, height).data;
    let stamp = 0;
    for (let bit = 0; bit < COLUMNS * ROWS; bit++) {
      const x = (bit % COLUMNS) * BLOCK + BLOCK / 2;
      const y = Math.floor(bit / COLUMNS) * BLOCK + BLOCK / 2;
      const i = (y * width + x) * 4;
      const luma = 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2];
      stamp = stamp * 2 + (luma > 128 ? 1 : 0);
    }
    const latency = (((displayedAt % WRAP) - stamp) % WRAP + WRAP) % WRAP;
    if (latency < 10_000) { // anything else is not a stamp (bench mode off, or a broken frame)
      this.#samples.push(latency);
      if (this.#samples.length > KEEP) this.#samples.shift();
    }
  }

  /** Percentiles of the samples so far, in milliseconds; null without samples. */
  summary() {
    if (this.#samples.length === 0) return null;
    const sorted = [...this.#samples].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { count: sorted.length, p50: at(0.5), p95: at(0.95), last: this.#samples[this.#samples.length - 1] };
  }

  reset() {
    this.#samples = [];
  }
}
