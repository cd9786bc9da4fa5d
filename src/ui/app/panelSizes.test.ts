import { describe, expect, test } from "vitest";
import {
  DEFAULT_PANEL_SIZES,
  MIN_PANEL_HEIGHT,
  clampPanelHeight,
  heightAfterKey,
  parsePanelSizes,
} from "./panelSizes";

describe("panel sizes", () => {
  test("stored sizes are read back; malformed or missing ones fall back to the defaults", () => {
    expect(parsePanelSizes('{"simulator":412,"platform":150}')).toEqual({
      simulator: 412,
      platform: 150,
    });
    expect(parsePanelSizes('{"simulator":"big","__proto__":{"platform":1}}')).toEqual(
      DEFAULT_PANEL_SIZES,
    );
    expect(parsePanelSizes("not json")).toEqual(DEFAULT_PANEL_SIZES);
    expect(parsePanelSizes(null)).toEqual(DEFAULT_PANEL_SIZES);
    expect(parsePanelSizes('{"simulator":5}').simulator).toBe(MIN_PANEL_HEIGHT);
  });

  test("heights stay between the minimum and the room left for the graph", () => {
    expect(clampPanelHeight(20, 400)).toBe(MIN_PANEL_HEIGHT);
    expect(clampPanelHeight(900, 400)).toBe(400);
    expect(clampPanelHeight(250.4, 400)).toBe(250);
    // No room at all: the panel keeps its minimum (the layout shrinks it further if it must).
    expect(clampPanelHeight(300, 10)).toBe(MIN_PANEL_HEIGHT);
  });

  test("keyboard: arrows and Page keys step, Home and End go to the ends, other keys do nothing", () => {
    expect(heightAfterKey("ArrowUp", 200, 400)).toBe(216);
    expect(heightAfterKey("ArrowDown", 200, 400)).toBe(184);
    expect(heightAfterKey("PageUp", 380, 400)).toBe(400);
    expect(heightAfterKey("PageDown", 120, 400)).toBe(MIN_PANEL_HEIGHT);
    expect(heightAfterKey("Home", 300, 400)).toBe(MIN_PANEL_HEIGHT);
    expect(heightAfterKey("End", 300, 400)).toBe(400);
    expect(heightAfterKey("a", 300, 400)).toBeUndefined();
  });
});
