import { describe, expect, it } from "vitest";
import { IdleFollower } from "./idleFollower";

/** A scheduler run by hand: `idle()` is the main thread going idle. */
function fakeIdle() {
  const pending = new Set<() => void>();
  return {
    whenIdle(show: () => void) {
      pending.add(show);
      return () => pending.delete(show);
    },
    waiting: () => pending.size,
    idle() {
      const due = [...pending];
      pending.clear();
      for (const show of due) show();
    },
  };
}

describe("IdleFollower", () => {
  it("shows nothing until the page is idle, then the latest value once per burst", () => {
    const idle = fakeIdle();
    const shown: string[] = [];
    const follower = new IdleFollower("a", idle.whenIdle, (v) => shown.push(v));
    follower.follow("ab");
    follower.follow("abc");
    follower.follow("abcd");
    expect(shown).toEqual([]);
    expect(idle.waiting()).toBe(1);
    idle.idle();
    expect(shown).toEqual(["abcd"]);
    follower.follow("abcde");
    idle.idle();
    expect(shown).toEqual(["abcd", "abcde"]);
  });

  it("drops the wait when the value comes back to the one shown", () => {
    const idle = fakeIdle();
    const shown: string[] = [];
    const follower = new IdleFollower("a", idle.whenIdle, (v) => shown.push(v));
    follower.follow("ab");
    follower.follow("a");
    expect(idle.waiting()).toBe(0);
    idle.idle();
    expect(shown).toEqual([]);
  });

  it("shows nothing after dispose", () => {
    const idle = fakeIdle();
    const shown: string[] = [];
    const follower = new IdleFollower("a", idle.whenIdle, (v) => shown.push(v));
    follower.follow("ab");
    follower.dispose();
    idle.idle();
    expect(shown).toEqual([]);
  });
});
