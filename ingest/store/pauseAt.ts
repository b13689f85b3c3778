// Test hook for crash tests: with FICHES_INDEX_PAUSE_AT=<step>, the writer announces the step on
// stderr and pauses there, so a test can SIGKILL it between two precise steps of the swap, or
// let it go on with SIGUSR2. Unset (production), it is one comparison; set by mistake, it
// delays a build by at most 60 s.
const PAUSE_MS = 60_000;

export const PAUSE_STEPS = ["files-written", "build-renamed", "pointer-written", "current-switched"] as const;
export type PauseStep = (typeof PAUSE_STEPS)[number];

export async function pauseAt(step: PauseStep): Promise<void> {
  if (process.env.FICHES_INDEX_PAUSE_AT !== step) return;
  await new Promise<void>((resolve) => {
    const go = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      process.off("SIGUSR2", go);
      resolve();
    }, PAUSE_MS);
    process.once("SIGUSR2", go);
    process.stderr.write(`index: paused at ${step} (FICHES_INDEX_PAUSE_AT)\n`);
  });
}
