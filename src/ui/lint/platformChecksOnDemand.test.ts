import { afterEach, describe, expect, test, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("./PlatformChecksBody");
});

describe("the Platform panel's checks, loaded on first open", () => {
  test("a failed load rejects and is not kept: the next open fetches again and gets the module", async () => {
    vi.resetModules();
    vi.doMock("./PlatformChecksBody", () => {
      throw new Error("net::ERR_FAILED");
    });
    const { loadPlatformChecksBody, loadedPlatformChecksBody } =
      await import("./platformChecksOnDemand");
    await expect(loadPlatformChecksBody()).rejects.toThrow();
    expect(loadedPlatformChecksBody()).toBeUndefined();
    vi.doUnmock("./PlatformChecksBody");
    const loaded = await loadPlatformChecksBody();
    expect(typeof loaded.PlatformChecksBody).toBe("function");
    // A panel mounted again later starts with the module, without a placeholder.
    expect(loadedPlatformChecksBody()).toBe(loaded);
  });
});
