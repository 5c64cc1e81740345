/** Minimal ANSI styling; every function is the identity when colour is off. */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function paint(enabled: boolean): Paint {
  if (!enabled) {
    const same = (text: string) => text;
    return { red: same, yellow: same, cyan: same, dim: same, bold: same };
  }
  return { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
