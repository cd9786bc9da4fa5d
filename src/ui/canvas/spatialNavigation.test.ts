import { describe, expect, test } from "vitest";
import { firstNode, nextNodeInDirection, type NavBox } from "./spatialNavigation";

// Three columns, as the layered layout draws them: class | gateways | routes (two) | (none)
const box = (id: string, x: number, y: number): NavBox => ({ id, x, y, width: 200, height: 80 });
const BOXES = [
  box("class", 0, 100),
  box("gw-a", 300, 0),
  box("gw-b", 300, 200),
  box("route-1", 600, 0),
  box("route-2", 600, 120),
  box("route-3", 600, 250),
];

describe("nextNodeInDirection", () => {
  test("Right goes to the nearest node of the next column, Left back", () => {
    expect(nextNodeInDirection(BOXES, "class", "ArrowRight")).toBe("gw-a");
    expect(nextNodeInDirection(BOXES, "gw-b", "ArrowRight")).toBe("route-3");
    expect(nextNodeInDirection(BOXES, "route-1", "ArrowLeft")).toBe("gw-a");
    expect(nextNodeInDirection(BOXES, "route-2", "ArrowLeft")).toBe("gw-b");
    expect(nextNodeInDirection(BOXES, "gw-a", "ArrowLeft")).toBe("class");
  });

  test("Up and Down stay in the column", () => {
    expect(nextNodeInDirection(BOXES, "route-1", "ArrowDown")).toBe("route-2");
    expect(nextNodeInDirection(BOXES, "route-2", "ArrowDown")).toBe("route-3");
    expect(nextNodeInDirection(BOXES, "route-3", "ArrowUp")).toBe("route-2");
    expect(nextNodeInDirection(BOXES, "gw-a", "ArrowDown")).toBe("gw-b");
  });

  test("at an edge there is nowhere to go", () => {
    expect(nextNodeInDirection(BOXES, "route-1", "ArrowRight")).toBeUndefined();
    expect(nextNodeInDirection(BOXES, "class", "ArrowLeft")).toBeUndefined();
    expect(nextNodeInDirection(BOXES, "route-1", "ArrowUp")).toBeUndefined();
    expect(nextNodeInDirection(BOXES, "missing", "ArrowUp")).toBeUndefined();
  });

  test("Up/Down fall back to another column when the column ends", () => {
    const boxes = [box("a", 0, 0), box("b", 300, 200)];
    expect(nextNodeInDirection(boxes, "a", "ArrowDown")).toBe("b");
  });

  test("focus starts at the top of the leftmost column", () => {
    expect(firstNode(BOXES)).toBe("class");
    expect(firstNode([box("x", 300, 50), box("y", 310, 10)])).toBe("y");
    expect(firstNode([])).toBeUndefined();
  });
});
