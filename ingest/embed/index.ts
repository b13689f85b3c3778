// Public surface of the embedders: which one runs (and why), and the embeddings for an index.
export { chooseEmbedder, type EmbedderChoice, type EmbedderSetting } from "./chooseEmbedder.ts";
export { embeddingsForIndex, embeddingsForIngest, type ReadyEmbeddings } from "./createEmbeddings.ts";
