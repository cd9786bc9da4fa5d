import { describe, expect, test } from "vitest";
import type { GraphNode, ResourceKey, SemanticGraph } from "../../engine";
import { toFlowElements } from "../canvas/toFlowElements";
import { buildDiagramSvg } from "./buildDiagramSvg";
import { escapeXml, fitText, textWidth } from "./svgText";

const key = (kind: string, ns: string | undefined, name: string) =>
  `${kind}/${ns ?? ""}/${name}` as ResourceKey;
const GW = key("Gateway", "infra", "shared");
const ROUTE = key("HTTPRoute", "team-b", "shop");
const SVC = key("Service", "team-b", "shop-v1");
const ODD = key("Service", "team-b", "odd");

const gateway: GraphNode = {
  id: GW,
  kind: "Gateway",
  category: "gateway",
  name: "shared",
  namespace: "infra",
  status: "ok",
  ghost: false,
  details: {
    category: "gateway",
    className: "envoy",
    listeners: [
      {
        name: "http",
        protocol: "HTTP",
        port: 80,
        hostname: "*.example.com",
        attachedRoutes: 0,
        ready: true,
        conflicted: false,
      },
      {
        name: "https",
        protocol: "HTTPS",
        port: 443,
        attachedRoutes: 1,
        ready: false,
        conflicted: false,
        reason: "InvalidCertificateRef",
      },
    ],
  },
};
const route: GraphNode = {
  id: ROUTE,
  kind: "HTTPRoute",
  category: "route",
  name: "shop",
  namespace: "team-b",
  status: "error",
  reason: "NotAllowedByListeners",
  ghost: false,
  details: {
    category: "route",
    hostnames: ["shop.example.com"],
    ruleCount: 1,
    parents: [
      {
        parentRefIndex: 0,
        label: "infra/shared",
        accepted: false,
        reason: "NotAllowedByListeners",
      },
    ],
  },
};
const svc: GraphNode = {
  id: SVC,
  kind: "Service",
  category: "backend",
  name: "shop-v1",
  namespace: "team-b",
  status: "ok",
  ghost: false,
  details: { category: "backend", ports: [{ port: 8080 }] },
};
const odd: GraphNode = { ...svc, id: ODD, name: `a<b&"c'd\u0001`, status: "missing", ghost: true };

const graph: SemanticGraph = {
  nodes: [gateway, route, svc, odd],
  edges: [
    {
      id: `parent:${ROUTE}:0`,
      kind: "parent",
      source: ROUTE,
      target: GW,
      targetListener: "http",
      status: "error",
      reason: "NotAllowedByListeners",
      label: "NotAllowedByListeners",
      parentRefIndex: 0,
    },
    {
      id: `backend:${ROUTE}:0:0`,
      kind: "backend",
      source: ROUTE,
      target: SVC,
      status: "ok",
      ruleIndex: 0,
      backendRefIndex: 0,
      weight: 90,
      weightPercent: 90,
      label: "rule 0 · 90%",
    },
    {
      id: `backend:${ROUTE}:0:1`,
      kind: "backend",
      source: ROUTE,
      target: ODD,
      status: "missing",
      ruleIndex: 0,
      backendRefIndex: 1,
      label: "not in input",
    },
  ],
  namespaces: [
    { id: key("Namespace", undefined, "infra"), namespace: "infra", declared: true, members: [GW] },
    {
      id: key("Namespace", undefined, "team-b"),
      namespace: "team-b",
      declared: false,
      members: [ROUTE, SVC, ODD],
    },
  ],
};

const positions = {
  [GW]: { x: -400, y: -50 },
  [ROUTE]: { x: 0, y: 0 },
  [SVC]: { x: 320, y: -20 },
  [ODD]: { x: 320, y: 120 },
};

function build(title?: string, theme?: "light" | "dark") {
  const { nodes, edges } = toFlowElements({
    graph,
    positions,
    autoPositions: {},
    selected: undefined,
    stale: new Set(),
  });
  return {
    nodes,
    edges,
    ...buildDiagramSvg({
      nodes,
      edges,
      ...(title === undefined ? {} : { title }),
      ...(theme === undefined ? {} : { theme }),
    }),
  };
}

/** Text content of every <text> element, tags inside removed. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

describe("buildDiagramSvg", () => {
  test("is a standalone SVG document: namespace, sized, no external reference, system font", () => {
    const { svg, width, height } = build("Team shop");
    expect(
      svg.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"',
      ),
    ).toBe(true);
    expect(svg).toMatch(
      new RegExp(
        `width="${width}" height="${height}" viewBox="[-\\d.]+ [-\\d.]+ ${width} ${height}"`,
      ),
    );
    expect(svg).toContain('font-family="system-ui');
    expect(svg).not.toMatch(/href|https?:\/\/(?!www\.w3\.org\/2000\/svg)|@import|url\((?!#)/);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(texts(svg)).toContain("Team shop");
  });

  test("draws every object: names, kinds, status pills, namespace frames and listener rows", () => {
    const all = texts(build().svg);
    for (const name of ["shared", "shop", "shop-v1"]) expect(all).toContain(name);
    expect(all).toEqual(
      expect.arrayContaining(["GATEWAY", "HTTPROUTE", "SERVICE", "OK", "Rejected", "Not in input"]),
    );
    expect(all).toEqual(
      expect.arrayContaining(["namespace infra", "namespace team-b (no Namespace object)"]),
    );
    // Listener rows: name, protocol:port, hostname or the reason it is not ready, attachedRoutes.
    expect(all).toEqual(
      expect.arrayContaining(["http", "HTTP:80", "*.example.com", "https", "HTTPS:443", "0", "1"]),
    );
    // A reason longer than the row is cut like on the canvas; the row's <title> keeps the whole text.
    expect(build().svg).toContain("<title>InvalidCertificateRef: https: HTTPS 443</title>");
    expect(all.filter((t) => /^Inval\w*…$/.test(t))).toHaveLength(1);
    expect(all).not.toContain("InvalidCertificateRef");
    expect(all).toEqual(
      expect.arrayContaining([
        "shop.example.com",
        "1 rule · 0/1 accepted",
        "NotAllowedByListeners",
        "ports 8080",
      ]),
    );
  });

  test("escapes markup characters and drops characters XML cannot carry", () => {
    const { svg } = build();
    expect(svg).toContain("a&lt;b&amp;&quot;c&apos;d\ufffd");
    expect(svg).not.toContain("a<b");
    expect(svg).not.toContain("\u0001");
    expect(escapeXml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&apos;");
  });

  test("a bidi control in a name is drawn as a visible escape, so the name cannot read as another", () => {
    const spoof = { ...svc, id: key("Service", "team-b", "x"), name: "svc\u202Elmay.exe" };
    const { nodes, edges } = toFlowElements({
      graph: { ...graph, nodes: [...graph.nodes, spoof] },
      positions: { ...positions, [spoof.id]: { x: 320, y: 260 } },
      autoPositions: {},
      selected: undefined,
      stale: new Set(),
    });
    const { svg } = buildDiagramSvg({ nodes, edges });
    expect(svg).toContain("svc\\u202Elmay.exe");
    expect(svg).not.toContain("\u202E");
  });

  test("a rejected edge is red and dashed with its reason as a red label; an accepted one green and solid", () => {
    const { svg } = build();
    const edge = (id: string) =>
      svg.match(
        new RegExp(`<path [^>]*data-edge="${escapeXml(id).replace(/[/.]/g, "\\$&")}"[^>]*/>`),
      )?.[0];
    const rejected = edge(`parent:${ROUTE}:0`)!;
    expect(rejected).toContain('stroke="#c42b1c"');
    expect(rejected).toContain('stroke-dasharray="6 4"');
    expect(rejected).toContain('data-state="error"');
    const accepted = edge(`backend:${ROUTE}:0:0`)!;
    expect(accepted).toContain('stroke="#2f9e5a"');
    expect(accepted).not.toContain("stroke-dasharray");
    expect(edge(`backend:${ROUTE}:0:1`)).toContain('stroke-dasharray="3 4"');
    const label = svg.match(/<g data-label-state="error">(.*?)<\/g>/)?.[1] ?? "";
    expect(label).toContain('fill="#c42b1c"');
    expect(label).toContain(">NotAllowedByListeners</text>");
    expect(svg).toContain(">rule 0 · 90%</text>");
  });

  test("the dark theme paints the dark canvas' colours: background, cards, text, edges and labels", () => {
    const light = build("Team shop").svg;
    const { svg } = build("Team shop", "dark");
    const fills = (text: string, tag: string) =>
      [...text.matchAll(new RegExp(`<${tag} [^>]*fill="(#[0-9a-f]+)"`, "g"))].map((m) => m[1]);
    // The first rect is the background; the cards are the dark surface, never white.
    expect(fills(svg, "rect")[0]).toBe("#111418");
    expect(fills(light, "rect")[0]).toBe("#ffffff");
    expect(svg).toContain('fill="#1f242c" stroke="#4a5260"');
    expect(svg).not.toMatch(/fill="#fff(fff)?" stroke=/);
    expect(fills(svg, "text")).toContain("#e4e8ee");
    expect(fills(svg, "text")).not.toContain("#1d2430");
    // Edges: the dark canvas' green and red; the rejected edge's label a red fill with white text.
    expect(svg).toMatch(/<path [^>]*stroke="#4cbf7a"[^>]*data-state="ok"/);
    expect(svg).toMatch(/<path [^>]*stroke="#ff8a80"[^>]*data-state="error"/);
    const label = svg.match(/<g data-label-state="error">(.*?)<\/g>/)?.[1] ?? "";
    expect(label).toContain('fill="#b3261e"');
    expect(label).toContain('fill="#ffffff" text-anchor="middle">NotAllowedByListeners');
    // Same picture otherwise: the same size and the same words.
    expect(texts(svg)).toEqual(texts(light));
  });

  test('a RequestMirror edge is teal dash-dot with its "mirror" label, and the legend explains it only when one is drawn', () => {
    expect(build().svg).not.toContain("RequestMirror (gets a copy)");
    const mirrored: SemanticGraph = {
      ...graph,
      edges: [
        ...graph.edges,
        {
          id: `mirror:${ROUTE}:0:0`,
          kind: "mirror",
          source: ROUTE,
          target: SVC,
          status: "ok",
          ruleIndex: 0,
          filterIndex: 0,
          label: "mirror · rule 0",
        },
      ],
    };
    const { nodes, edges } = toFlowElements({
      graph: mirrored,
      positions,
      autoPositions: {},
      selected: undefined,
      stale: new Set(),
    });
    const { svg } = buildDiagramSvg({ nodes, edges });
    const path = svg.match(/<path [^>]*data-edge="mirror:[^"]*"[^>]*\/>/)?.[0] ?? "";
    expect(path).toContain('stroke="#0e7490"');
    expect(path).toContain('stroke-dasharray="10 3 2 3"');
    expect(texts(svg)).toEqual(
      expect.arrayContaining(["mirror · rule 0", "RequestMirror (gets a copy)"]),
    );
  });

  test("a route → listener edge starts at the listener row, as on the canvas", () => {
    const { svg } = build();
    // Gateway at (-400, -50), 264 wide; row "http" is the first: centre 45 + 13 px below the top.
    expect(svg).toMatch(new RegExp(`data-edge="parent:${ROUTE.replace(/\//g, "\\/")}:0"`));
    expect(svg).toContain('d="M-136,8 C');
  });

  test("the viewBox holds every card, frame and label with a margin", () => {
    const { svg, nodes } = build();
    const [left, top, w, h] = svg
      .match(/viewBox="([^"]+)"/)![1]!
      .split(" ")
      .map(Number) as [number, number, number, number];
    for (const n of nodes) {
      const width = n.width ?? 0;
      const height = n.height ?? 0;
      expect(n.position.x).toBeGreaterThanOrEqual(left + 24);
      expect(n.position.y).toBeGreaterThanOrEqual(top + 24);
      expect(n.position.x + width).toBeLessThanOrEqual(left + w - 24 + 1);
      expect(n.position.y + height).toBeLessThanOrEqual(top + h - 24 + 1);
    }
    // The namespace frame of the gateway reaches furthest left: the box starts exactly a margin before it.
    const infraFrame = nodes.find(
      (n) => n.type === "namespaceFrame" && n.data.namespace === "infra",
    )!;
    expect(left).toBe(infraFrame.position.x - 24);
  });

  test("an empty graph is still a valid small picture with the legend", () => {
    const { svg, width, height } = buildDiagramSvg({ nodes: [], edges: [] });
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(texts(svg)).toContain("accepted");
  });
});

describe("svgText", () => {
  test("fitText cuts long text with an ellipsis within the width and leaves short text alone", () => {
    expect(fitText("shop", 100, 12)).toBe("shop");
    const cut = fitText("a-very-long-service-name-that-does-not-fit-anywhere", 120, 15, true);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 15, true)).toBeLessThanOrEqual(120);
    expect(cut.length).toBeGreaterThan(5);
  });

  test("edges between the same two nodes get their own curve and a label that overlaps no other", () => {
    const rules = [0, 1, 2, 3].map((i) => ({
      id: `backend:${ROUTE}:${i}:0`,
      kind: "backend" as const,
      source: ROUTE,
      target: SVC,
      status: "ok" as const,
      ruleIndex: i,
      backendRefIndex: 0,
      weight: 1,
      weightPercent: 100,
      label: `rule ${i} · 100%`,
    }));
    const { nodes, edges } = toFlowElements({
      graph: { ...graph, edges: rules },
      positions,
      autoPositions: {},
      selected: undefined,
      stale: new Set(),
    });
    const { svg } = buildDiagramSvg({ nodes, edges });
    const paths = [...svg.matchAll(/<path d="([^"]+)"[^>]*data-edge="backend/g)].map((m) => m[1]);
    expect(new Set(paths).size).toBe(4);
    const boxes = [
      ...svg
        .slice(svg.indexOf('data-layer="labels"'))
        .matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="16" rx="8"/g),
    ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]) }));
    expect(boxes).toHaveLength(4);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + 16 <= b.y || b.y + 16 <= a.y;
        expect(apart, `labels at ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(true);
      }
    }
    // Rule order reads top to bottom.
    expect(boxes.map((b) => b.y)).toEqual([...boxes.map((b) => b.y)].sort((x, y) => x - y));
  });
});
