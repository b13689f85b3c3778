// The chat page, the catalogue, the widget script and their assets, served from web/. Pages
// use absolute /assets/… URLs, since they are also served at /fiches/:id (deep links).
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AssistantServices } from "../contracts.ts";
import { FicheParamsSchema } from "../schemas.ts";
import { originRoutes } from "./origin.ts";
import { requireFiche } from "./fiches.ts";
import { sendNotFoundPage, wantsPage } from "./pages.ts";
import { placeRoutes } from "./places.ts";

export const webRoutes: FastifyPluginAsyncZod<{ services: AssistantServices; webDir: string }> = async (app, { services, webDir }) => {
  // decorateReply stays on (the default): the app's not-found handler sends 404.html with it
  await app.register(fastifyStatic, { root: path.join(webDir, "assets"), prefix: "/assets/" });
  await app.register(originRoutes);
  await app.register(placeRoutes, { services });

  const hidden = { hide: true } as const;
  app.get("/", { schema: hidden }, (_request, reply) => reply.sendFile("index.html", webDir));
  app.get("/widget.js", { schema: hidden }, (_request, reply) => reply.sendFile("widget.js", webDir));
  app.get("/fiches", { schema: hidden }, (_request, reply) => reply.sendFile("catalogue.html", webDir));
  // A deep link to a sheet that does not exist gets the 404 page (JSON for a non-browser client)
  // rather than a page that cannot load it.
  app.get("/fiches/:id", { schema: { ...hidden, params: FicheParamsSchema } }, (request, reply) => {
    if (!services.getFiche(request.params.id) && wantsPage(request)) return sendNotFoundPage(reply, webDir);
    requireFiche(services, request.params.id);
    return reply.sendFile("index.html", webDir);
  });
};
