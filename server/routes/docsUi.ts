// Options of @fastify/swagger-ui for /docs, chosen for accessibility (axe-core finds no serious
// or critical violation with them; test/browser/catalogue.test.ts checks it):
// - BaseLayout: no top bar, whose logo image has no text alternative and whose URL box has
//   no label (both critical for axe), and which only reloads this same document anyway;
// - deepLinking off: it puts a link inside each operation's toggle button (nested interactive);
// - web/assets/docs.css raises Swagger UI's light colours to 4.5:1 contrast.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifySwaggerUiOptions } from "@fastify/swagger-ui";
import { REPO_ROOT } from "../config.ts";

export const swaggerUiOptions: FastifySwaggerUiOptions = {
  routePrefix: "/docs",
  uiConfig: { layout: "BaseLayout", deepLinking: false },
  theme: {
    title: "API — Assistant fiches-action",
    css: [{ filename: "a11y.css", content: readFileSync(path.join(REPO_ROOT, "web/assets/docs.css"), "utf8") }],
  },
};
