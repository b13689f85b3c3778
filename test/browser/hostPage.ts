// A stand-in for a city intranet page: a tiny node:http server on 127.0.0.1 (another origin
// than the assistant) whose page embeds the widget with the one documented script tag. Its
// own CSS is deliberately hostile (serif font, red text, pink buttons) to show nothing leaks in.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface HostPage {
  origin: string;
  /** the assistant the page's script tag points at; set once the assistant has started */
  assistantUrl: string;
  close(): Promise<void>;
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export async function startHostPage(extraDataAttrs = ""): Promise<HostPage> {
  const state = { assistantUrl: "" };
  const server = http.createServer((req, res) => {
    if (req.url !== "/") {
      res.writeHead(404).end();
      return;
    }
    const url = escapeAttr(state.assistantUrl);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Intranet de la ville</title>
<style>
  * { font-family: Georgia, serif; color: #7a0000; }
  button { background: pink !important; letter-spacing: 0.3em; }
  mark { background: lime; }
</style>
</head>
<body>
<main>
  <h1>Intranet de la ville</h1>
  <p>Page d'accueil des agents. <a href="#actualites">Actualités</a></p>
</main>
<script src="${url}/widget.js" data-assistant-url="${url}" ${extraDataAttrs} defer></script>
</body>
</html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get assistantUrl() {
      return state.assistantUrl;
    },
    set assistantUrl(value: string) {
      state.assistantUrl = value.replace(/\/+$/, "");
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // chromium keeps connections alive
      }),
  };
}
