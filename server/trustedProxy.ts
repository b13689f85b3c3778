// Whether the peer of a connection is one of the proxies TRUST_PROXY names. Fastify applies
// TRUST_PROXY to request.ip, but its request.protocol believes X-Forwarded-Proto from any peer
// once trustProxy is on (fastify 5.6, lib/request.js), so HSTS decides with this instead.
import { BlockList, isIP } from "node:net";
import type { FastifyRequest } from "fastify";
import type { Config } from "./config.ts";

export function trustedPeer(trustProxy: Config["trustProxy"]): (address: string | undefined) => boolean {
  if (trustProxy === false) return () => false;
  // a hop count trusts the nearest hops whatever their address, as Fastify does
  if (typeof trustProxy === "number") return () => trustProxy > 0;
  const list = new BlockList();
  for (const entry of trustProxy) {
    const [ip, bits] = entry.split("/") as [string, string | undefined];
    const type = isIP(ip) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return (address) => {
    if (!address) return false;
    const plain = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    return list.check(plain, isIP(plain) === 6 ? "ipv6" : "ipv4");
  };
}

/** HTTPS to the client: TLS here, or X-Forwarded-Proto: https from a trusted proxy. */
export function isHttps(request: FastifyRequest, trusted: (address: string | undefined) => boolean): boolean {
  if ((request.raw.socket as { encrypted?: boolean }).encrypted) return true;
  const proto = request.headers["x-forwarded-proto"];
  // most requests carry none: no split and pop for every answer
  if (proto === undefined) return false;
  const last = (Array.isArray(proto) ? proto.join(",") : (proto ?? "")).split(",").pop()?.trim().toLowerCase();
  return last === "https" && trusted(request.raw.socket.remoteAddress);
}
