// Per-stage progress of a long job: "✓ embed   1 034 chunks  812 ms".
export type LogLine = (line: string) => void;

export function stageTimer(log: LogLine) {
  const started = performance.now();
  return {
    async run<T>(stage: string, work: () => Promise<T> | T, describe: (result: T) => string): Promise<T> {
      const t0 = performance.now();
      log(`… ${stage}`);
      const result = await work();
      log(`✓ ${stage.padEnd(8)} ${describe(result).padEnd(52)} ${Math.round(performance.now() - t0)} ms`);
      return result;
    },
    elapsedMs: () => Math.round(performance.now() - started),
  };
}
