import { describe, expect, test } from "vitest";
import { describeExample } from "./describeExample";
import { loadAllExamples } from "./examples";

describe("describeExample", () => {
  test("takes the first sentence and the Try paragraph of the opening comment", () => {
    const text =
      "# One gateway. Two teams\n# share it.\n#\n# Try: rename the route\n# and watch.\napiVersion: v1\n# not part of it\n";
    expect(describeExample("two-teams", text)).toEqual({
      title: "Two teams",
      summary: "One gateway.",
      tryThis: "Try: rename the route and watch.",
    });
  });

  test("a summary that opens with the title drops it", () => {
    expect(
      describeExample("business-lines", "# Business lines: e-commerce and payments. More.\n")
        .summary,
    ).toBe("E-commerce and payments.");
    expect(
      describeExample("external-vs-internal-isolation", "# External vs internal: two domains.\n")
        .summary,
    ).toBe("Two domains.");
    expect(describeExample("grpc", "# Service mesh (GAMMA): a route.\n").summary).toBe(
      "Service mesh (GAMMA): a route.",
    );
  });

  test("a file without a comment still gets a title", () => {
    expect(describeExample("bare", "kind: Service\n")).toEqual({ title: "Bare", summary: "" });
  });

  test("the title is the file name spelt as people write it: kinds, protocols, tools", () => {
    const title = (name: string) => describeExample(name, "").title;
    expect(title("grpc-method-routing-with-header-canary")).toBe(
      "gRPC method routing with header canary",
    );
    expect(title("tls-passthrough")).toBe("TLS passthrough");
    expect(title("cross-namespace-backend-with-referencegrant")).toBe(
      "Cross namespace backend with ReferenceGrant",
    );
    expect(title("shared-gateway-two-teams")).toBe("Shared gateway two teams");
    expect(title("httproute-and-configmap")).toBe("HTTPRoute and ConfigMap");
    expect(title("gitops-slice")).toBe("GitOps slice");
    expect(title("quickstart")).toBe("Quickstart");
  });

  test("every bundled example explains itself and says what to try", async () => {
    const examples = await loadAllExamples();
    expect(examples.size).toBe(13);
    for (const [name, text] of examples) {
      const about = describeExample(name, text);
      expect([name, about.summary.length > 10, (about.tryThis ?? "").length > 10]).toEqual([
        name,
        true,
        true,
      ]);
    }
  });
});
