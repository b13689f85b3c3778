// `npm run model:fetch`'s work: downloads the e5 model (quantized) through @xenova/transformers'
// own loader, so the files are laid out exactly as its loader later reads them, into a
// temporary folder beside MODEL_DIR/<model>; verifies them by loading the model and embedding
// one text; only then renames the folder into place. Offline it fails at once: the hub is
// probed with a short time-out before anything is written. A download that stalls is abandoned.
import { mkdir, readdir, rename, rm, stat, mkdtemp } from "node:fs/promises";
import { dirname, join } from "node:path";
import { progressBar, type ProgressBar, type ProgressOptions } from "./progressBar.ts";
import { DEFAULT_TRANSFORMERS_MODEL } from "./transformers/transformersEmbeddings.ts";

export const DEFAULT_HUB_URL = "https://huggingface.co/";

/** What the loader needs for the quantized feature-extraction pipeline (checked after download). */
export const MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", join("onnx", "model_quantized.onnx")];

export interface FetchModelOptions {
  modelDir: string;
  model?: string;
  /** the hub or a mirror (HF_ENDPOINT), ending in / */
  hubUrl?: string;
  /** the reachability probe's time-out */
  probeTimeoutMs?: number;
  /** a download with no progress for this long is abandoned */
  stallTimeoutMs?: number;
  progress?: ProgressOptions | false;
  log?: (line: string) => void;
}

export class FetchModelError extends Error {
  constructor(message: string) {
    super(`model:fetch: ${message}`);
    this.name = "FetchModelError";
  }
}

/** Resolves with the model's folder (MODEL_DIR/<model>) once downloaded and verified. */
export async function fetchModel(opts: FetchModelOptions): Promise<string> {
  const model = opts.model ?? DEFAULT_TRANSFORMERS_MODEL;
  const hubUrl = opts.hubUrl ?? DEFAULT_HUB_URL;
  const log = opts.log ?? ((line: string) => console.error(line));
  await probeHub(hubUrl, model, opts.probeTimeoutMs ?? 5_000);

  const target = join(opts.modelDir, model);
  await mkdir(opts.modelDir, { recursive: true });
  // beside the target, so the final rename stays on one file system
  const temp = await mkdtemp(join(opts.modelDir, ".model-fetch-"));
  try {
    log(`downloading ${model} (quantized) from ${hubUrl} into ${temp}`);
    const t = await import("@xenova/transformers");
    t.env.allowLocalModels = false;
    t.env.allowRemoteModels = true;
    t.env.remoteHost = hubUrl;
    t.env.useFSCache = true;
    const bars = new Map<string, { bar: ProgressBar; percent: number }>();
    const watchdog = stallWatchdog(opts.stallTimeoutMs ?? 60_000);
    const onProgress = (e: { status: string; file?: string; progress?: number }) => {
      watchdog.alive();
      if (!e.file || opts.progress === false) return;
      if (e.status === "progress" && typeof e.progress === "number") {
        let b = bars.get(e.file);
        if (!b) bars.set(e.file, (b = { bar: progressBar(e.file, 100, { unit: "%", ...opts.progress }), percent: 0 }));
        const p = Math.floor(e.progress);
        if (p > b.percent) b.bar.tick(p - b.percent), (b.percent = p);
      } else if (e.status === "done") bars.get(e.file)?.bar.done();
    };
    const extractor = await Promise.race([
      t.pipeline("feature-extraction", model, { quantized: true, cache_dir: temp, progress_callback: onProgress }),
      watchdog.stalled,
    ]).finally(() => watchdog.stop());
    const folder = join(temp, model);
    await verify(folder, extractor as unknown as Extract);
    await replace(target, folder);
    log(`model ready in ${target}; EMBEDDER=auto now runs transformers with MODEL_DIR=${opts.modelDir}`);
    return target;
  } catch (err) {
    if (err instanceof FetchModelError) throw err;
    throw new FetchModelError(`downloading ${model} failed: ${err instanceof Error ? err.message.split("\n")[0] : err}; nothing was written to ${opts.modelDir}`);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function probeHub(hubUrl: string, model: string, timeoutMs: number): Promise<void> {
  const url = new URL(`${model}/resolve/main/config.json`, hubUrl);
  let status: number;
  try {
    status = (await fetch(url, { method: "HEAD", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) })).status;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
    throw new FetchModelError(
      `cannot reach ${hubUrl} (${why}): this machine has no access to the model hub. Run \`npm run model:fetch\` on a machine that has (HF_ENDPOINT sets a mirror), then copy MODEL_DIR/${model} here.`,
    );
  }
  // the hub answers HEAD on a resolve URL with a redirect to its CDN
  if (status >= 400) throw new FetchModelError(`${url} answered ${status}: is ${model} the right model name, and the hub URL right?`);
}

type Extract = (texts: string[], opts: { pooling: "mean"; normalize: boolean }) => Promise<{ tolist(): number[][] }>;

/** Every file there and non-empty, and the model embeds a text into a unit vector. */
async function verify(folder: string, extract: Extract): Promise<void> {
  for (const file of MODEL_FILES) {
    const size = await stat(join(folder, file)).then((s) => s.size, () => 0);
    if (size === 0) throw new FetchModelError(`${file} is missing or empty after the download; nothing was kept`);
  }
  const [v] = (await extract(["query: santé mentale"], { pooling: "mean", normalize: true })).tolist();
  const norm = Math.hypot(...v);
  if (!(v.length > 0 && Math.abs(norm - 1) < 1e-3)) throw new FetchModelError(`the downloaded model does not embed a test text (${v.length} dimensions, norm ${norm}); nothing was kept`);
}

/** The verified folder takes the target's place; an older copy is removed only once it has. */
async function replace(target: string, folder: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  await mkdir(dirname(target), { recursive: true });
  const hadOld = await readdir(target).then(() => true, () => false);
  if (hadOld) await rename(target, old);
  await rename(folder, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

function stallWatchdog(ms: number) {
  let timer: NodeJS.Timeout | undefined;
  let fail: (err: Error) => void = () => {};
  const stalled = new Promise<never>((_, reject) => (fail = reject));
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => fail(new FetchModelError(`no progress for ${ms / 1000} s; the download was abandoned and nothing was kept`)), ms);
  };
  arm();
  return { stalled, alive: arm, stop: () => clearTimeout(timer) };
}
