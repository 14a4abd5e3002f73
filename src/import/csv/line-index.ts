/**
 * Maps byte offsets of a UTF-8 buffer to 1-based line numbers, counting CRLF, LF and a lone CR each
 * as one line break, the way a text editor numbers lines.
 */
export class LineIndex {
  /** Offsets at which lines 2, 3, ... begin. */
  private readonly starts: number[] = [];

  constructor(bytes: Uint8Array) {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x0d) {
        if (bytes[i + 1] === 0x0a) i++;
        this.starts.push(i + 1);
      } else if (b === 0x0a) {
        this.starts.push(i + 1);
      }
    }
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}
