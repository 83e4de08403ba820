import { redact } from '../redact';

/**
 * Passes streamed text on line by line, with secrets masked. Whole lines are needed because a
 * secret may arrive split across two chunks; the last partial line is passed on by flush().
 */
export class LineRedactor {
  private pending = '';

  constructor(
    private readonly secrets: readonly string[],
    private readonly emit: (text: string) => void,
  ) {}

  push(chunk: string): void {
    const text = this.pending + chunk;
    const end = text.lastIndexOf('\n') + 1;
    this.pending = text.slice(end);
    if (end > 0) this.emit(this.mask(text.slice(0, end)));
  }

  flush(): void {
    if (this.pending) this.emit(this.mask(this.pending));
    this.pending = '';
  }

  mask(text: string): string {
    return redact(text, this.secrets);
  }
}
