/**
 * A Gateway whose GatewayClass is missing while the input declares others (auto world: the
 * declared classes are the cluster's whole set). When those classes are in other files, as when a
 * user's file joins the designer's example, the warning names them with their files and says how
 * to check the file as a slice; the verdict itself is auto's (see the report of fixes25).
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";

const EXAMPLE = "fixtures/examples/shared-gateway-two-teams.yaml";
const MINE = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: team-x}
spec:
  gatewayClassName: eg
  listeners: [{name: http, protocol: HTTP, port: 80}]
`;

const classWarning = (sources: { name: string; text: string }[], world?: "closed") =>
  analyze(sources, world === undefined ? {} : { world }).diagnostics.filter(
    (d) => d.path === "spec.gatewayClassName",
  );

describe("a missing GatewayClass next to another source's classes", () => {
  const example = { name: EXAMPLE, text: readFileSync(EXAMPLE, "utf8") };

  test("auto: one located warning naming the example's class, its file, and the slice's way out", () => {
    const found = classWarning([example, { name: "mine.yaml", text: MINE }]);
    expect(found.map((d) => [d.code, d.file, d.line])).toEqual([["ref.not-found", "mine.yaml", 5]]);
    expect(found[0]?.message).toBe(
      `GatewayClass eg is not in the input, so no controller reconciles this Gateway and it has no status (auto world: the input declares GatewayClass envoy (${EXAMPLE}), taken as the cluster's whole set of classes; if mine.yaml is a slice of another cluster, check it alone or in the open world, which assumes a class it does not see).`,
    );
  });

  test("alone, the same file's class is assumed", () => {
    const found = classWarning([{ name: "mine.yaml", text: MINE }]);
    expect(found.map((d) => d.code)).toEqual(["assume.gateway-class"]);
  });

  test("closed: the input is the whole cluster, no world words", () => {
    const found = classWarning([example, { name: "mine.yaml", text: MINE }], "closed");
    expect(found[0]?.message).toBe(
      "GatewayClass eg is not in the input, so no controller reconciles this Gateway and it has no status.",
    );
  });
});
