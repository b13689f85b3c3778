// `npm run model:fetch`: puts Xenova/multilingual-e5-small (quantized) into MODEL_DIR, where
// EMBEDDER=auto finds it. Exit codes: 0 done, 1 the download failed (nothing kept), 2 usage.
import { ConfigError, isHttpUrl, loadIndexConfig } from "../config.ts";
import { DEFAULT_HUB_URL, fetchModel, FetchModelError } from "./fetchModel.ts";

let modelDir: string | undefined;
try {
  modelDir = loadIndexConfig().modelDir;
} catch (err) {
  console.error(`model:fetch: ${err instanceof ConfigError ? err.message : err}`);
  process.exit(2);
}
if (!modelDir) {
  console.error("model:fetch: set MODEL_DIR to the folder the model goes in (the server reads the same variable), e.g. MODEL_DIR=models npm run model:fetch");
  process.exit(2);
}

// HF_ENDPOINT: the Hugging Face tools' own variable for a mirror of the hub; only this command reads it
const hub = process.env.HF_ENDPOINT?.trim();
if (hub && !isHttpUrl(hub)) {
  console.error(`model:fetch: ${new ConfigError("HF_ENDPOINT", "an http(s) URL of a Hugging Face hub mirror", hub).message}`);
  process.exit(2);
}

try {
  await fetchModel({ modelDir, hubUrl: hub ? `${hub.replace(/\/+$/, "")}/` : DEFAULT_HUB_URL });
} catch (err) {
  console.error(err instanceof FetchModelError ? err.message : err);
  process.exitCode = 1;
}
