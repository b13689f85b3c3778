// A bare Fastify route, started like the real server, as the reference the bench divides by:
// what this machine serves with no work behind the route.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/ready", async () => ({ status: "ready" }));
app.get("/bare", async () => ({ results: [] }));
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 3999) });
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
