// GET /api/places: the commune or intercommunality and département of every city of the
// corpus, for the maps of the catalogue and of list answers. Computed on the first call
// (the official lists are read then, and dropped), then served from memory.
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AssistantServices } from "../contracts.ts";
import { locatePlaces, type Place } from "../places/locatePlaces.ts";

export const PlacesResponseSchema = z.object({
  places: z.array(z.object({
    name: z.string().describe("the city as the sheets write it"),
    kind: z.enum(["commune", "epci"]),
    code: z.string().describe("INSEE code of the commune, or SIREN of the intercommunality"),
    departement: z.string(),
    departementName: z.string(),
  })),
});

export const placeRoutes: FastifyPluginAsyncZod<{ services: AssistantServices }> = async (app, { services }) => {
  let places: Place[] | undefined;
  app.get("/api/places", {
    schema: {
      summary: "Where the cities of the sheets lie (commune, département), from the official geography",
      response: { 200: PlacesResponseSchema },
    },
  }, async () => {
    places ??= locatePlaces(Object.keys(services.listFiches().facets.cities));
    return { places };
  });
};
