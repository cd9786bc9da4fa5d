/**
 * Short human renderings shared by the what-if sentences and the simulator UI.
 */
import type { SimRequest } from "../simulate/types";

/** "GET shop.example.com/api", "mesh web → GET shop/cart:80/api", "gRPC grpc.example.com/pkg.Svc/Get", "tcp :5432". */
export function describeRequest(req: SimRequest): string {
  if (req.mesh !== undefined)
    return `mesh ${req.mesh.clientNamespace} → ${describeGatewayRequest({ ...req, host: req.mesh.service })}`;
  return describeGatewayRequest(req);
}

function describeGatewayRequest(req: SimRequest): string {
  if (req.scheme === "tcp" || req.scheme === "udp") return `${req.scheme} :${req.port ?? "?"}`;
  if (req.scheme === "tls") return `tls ${req.sni ?? req.host ?? ""}:${req.port ?? 443}`;
  const host = req.host ?? "";
  const port =
    req.port !== undefined && req.port !== (req.scheme === "https" ? 443 : 80)
      ? `:${req.port}`
      : "";
  const scheme = req.scheme === "https" ? "https://" : "";
  if (req.grpc !== undefined)
    return `gRPC ${scheme}${host}${port}/${req.grpc.service}/${req.grpc.method}`;
  const headers = Object.entries(req.headers ?? {})
    .map(([k, v]) => ` ${k}: ${v}`)
    .join(",");
  return `${req.method ?? "GET"} ${scheme}${host}${port}${req.path ?? "/"}${headers ? ` [${headers.trim()}]` : ""}`;
}
