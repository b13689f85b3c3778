// Progress of a long job on stderr (stdout stays for the stage log): on a terminal one line
// redrawn in place; otherwise (CI logs, pipes) one line each `stepPercent`, so a log file
// gets ten lines, not a thousand carriage returns.
export interface ProgressBar {
  tick(n?: number): void;
  done(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown };
  /** percent between two lines when not a terminal */
  stepPercent?: number;
  width?: number;
  /** how the counted things are called: "texts", "MB" */
  unit?: string;
}

export function progressBar(label: string, total: number, opts: ProgressOptions = {}): ProgressBar {
  const stream = opts.stream ?? process.stderr;
  const step = opts.stepPercent ?? 10;
  const width = opts.width ?? 30;
  const unit = opts.unit ? ` ${opts.unit}` : "";
  let count = 0;
  let lastStep = -1;
  let finished = false;
  const percent = () => (total > 0 ? Math.min(100, Math.floor((count / total) * 100)) : 100);
  const draw = () => {
    const p = percent();
    if (stream.isTTY) {
      const full = Math.round((p / 100) * width);
      stream.write(`\r${label} [${"#".repeat(full)}${" ".repeat(width - full)}] ${String(p).padStart(3)}% ${count}/${total}${unit}`);
    } else if (Math.floor(p / step) > lastStep) {
      lastStep = Math.floor(p / step);
      stream.write(`${label} ${p}% (${count}/${total}${unit})\n`);
    }
  };
  return {
    tick(n = 1) {
      count = Math.min(total, count + n);
      draw();
    },
    done() {
      if (finished) return;
      finished = true;
      if (stream.isTTY) stream.write("\n");
      // a job that stopped part-way says so through its error, not with a last progress line
      else if (count === total && lastStep < Math.floor(100 / step)) stream.write(`${label} 100% (${count}/${total}${unit})\n`);
    },
  };
}
