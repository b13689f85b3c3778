// Vitest global setup: every temporary directory the tests make (mkdtemp under os.tmpdir())
// goes under one fresh root, removed when the run ends, so test runs leave nothing in /tmp.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "fiches-vitest-"));
  // forks inherit the environment, and os.tmpdir() reads TMPDIR at each call
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
