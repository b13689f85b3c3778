// The npm registry mirror these machines use lacks rollup's native packages for other
// platforms (404), so `npm install` leaves them out of package-lock.json and `npm ci` then
// refuses the lock as out of sync. This adds the missing optional entries with their os/cpu,
// which npm ci skips on Linux x64. Run it after any `npm install` that rewrites the lock.
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;
let added = 0;
for (const [key, meta] of Object.entries(packages)) {
  if (!/(^|\/)node_modules\/rollup$/.test(key)) continue;
  for (const name of Object.keys(meta.optionalDependencies ?? {})) {
    const entry = `${key.replace(/rollup$/, "")}${name}`;
    if (!name.startsWith("@rollup/rollup-") || packages[entry]) continue;
    const [os, cpu] = name.slice("@rollup/rollup-".length).split("-");
    packages[entry] = {
      version: meta.version,
      cpu: [cpu],
      dev: true,
      ...(os === "linux" ? { libc: [name.includes("musl") ? "musl" : "glibc"] } : {}),
      license: "MIT",
      optional: true,
      os: [os],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} optional platform entries added`);
