// The chat page, the widget script and their assets, served from web/ as the web engineer
// writes it. Only index.html, widget.js and assets/ are assumed; the page must therefore use
// absolute /assets/… URLs, since it is also served at /fiches/:id (deep links).
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AssistantServices } from "../contracts.ts";
import { FicheParamsSchema } from "../schemas.ts";
import { requireFiche } from "./fiches.ts";

export const webRoutes: FastifyPluginAsyncZod<{ services: AssistantServices; webDir: string }> = async (app, { services, webDir }) => {
  await app.register(fastifyStatic, { root: path.join(webDir, "assets"), prefix: "/assets/" });

  const hidden = { hide: true } as const;
  app.get("/", { schema: hidden }, (_request, reply) => reply.sendFile("index.html", webDir));
  app.get("/widget.js", { schema: hidden }, (_request, reply) => reply.sendFile("widget.js", webDir));
  // A deep link to a sheet that does not exist answers 404 rather than a page that cannot load it.
  app.get("/fiches/:id", { schema: { ...hidden, params: FicheParamsSchema } }, (request, reply) => {
    requireFiche(services, request.params.id);
    return reply.sendFile("index.html", webDir);
  });
};
