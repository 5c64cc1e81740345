/**
 * Rich (HTML) copy from the page. The extension host can only put plain text on the clipboard, so
 * the page writes `text/html` itself with `navigator.clipboard.write`. The browser requires a user
 * gesture: `begin()` runs inside the click and hands the clipboard a promise that `complete()`
 * fulfils when the host's rendering arrives. When the browser refuses, the host is told and falls
 * back to copying the HTML source (and says so).
 */
import type { PageToHost } from '../shared/protocol';

interface Pending {
  resolveHtml(blob: Blob): void;
  resolveText(blob: Blob): void;
  reject(reason: Error): void;
  written: Promise<void>;
}

export class RichClipboard {
  private pending: Pending | undefined;

  constructor(private readonly post: (message: PageToHost) => void) {}

  /** Call synchronously in the click handler, before asking the host for the HTML. */
  begin(): void {
    this.pending?.reject(new Error('superseded'));
    this.pending = undefined;
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return;
    let resolveHtml!: (b: Blob) => void;
    let resolveText!: (b: Blob) => void;
    let rejectHtml!: (e: Error) => void;
    let rejectText!: (e: Error) => void;
    const html = new Promise<Blob>((res, rej) => ((resolveHtml = res), (rejectHtml = rej)));
    const text = new Promise<Blob>((res, rej) => ((resolveText = res), (rejectText = rej)));
    try {
      const item = new ClipboardItem({ 'text/html': html, 'text/plain': text });
      const written = navigator.clipboard.write([item]);
      written.catch(() => undefined);
      this.pending = {
        resolveHtml,
        resolveText,
        reject: (e) => {
          rejectHtml(e);
          rejectText(e);
        },
        written,
      };
    } catch {
      this.pending = undefined; // promise-valued items unsupported: try again when the HTML arrives
    }
  }

  /** The host's rendering arrived: finish the write and report the outcome. */
  async complete(html: string, text: string, requestId: number): Promise<boolean> {
    const pending = this.pending;
    this.pending = undefined;
    try {
      const htmlBlob = new Blob([html], { type: 'text/html' });
      const textBlob = new Blob([text], { type: 'text/plain' });
      if (pending) {
        pending.resolveHtml(htmlBlob);
        pending.resolveText(textBlob);
        await pending.written;
      } else {
        if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) throw new Error('this browser cannot write HTML to the clipboard');
        await navigator.clipboard.write([new ClipboardItem({ 'text/html': htmlBlob, 'text/plain': textBlob })]);
      }
      this.post({ type: 'richCopyResult', requestId, ok: true });
      return true;
    } catch (e) {
      this.post({ type: 'richCopyResult', requestId, ok: false, error: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }
}
