/**
 * Shrinks a failing input to a small one that fails the same way (same signature): delta debugging
 * over lines, then over characters of the remaining lines. Bounded in tries, so a slow input
 * cannot stall a campaign.
 */
export function minimize(
  text: string,
  stillFails: (candidate: string) => boolean,
  maxTries = 2_000,
): string {
  let tries = 0;
  const fails = (candidate: string): boolean => {
    if (tries >= maxTries) return false;
    tries++;
    return stillFails(candidate);
  };
  const lines = ddmin(text.split("\n"), (parts) => fails(parts.join("\n")));
  let result = lines.join("\n");
  // Then characters, for the lines that are long (a 200 KB value shrinks to what still fails).
  const chars = ddmin([...result], (parts) => fails(parts.join("")), 64);
  result = chars.join("");
  return result;
}

/** Zeller's ddmin: removes ever smaller chunks while the input keeps failing. */
function ddmin<T>(items: T[], fails: (candidate: T[]) => boolean, maxRounds = 256): T[] {
  let current = items;
  let chunks = 2;
  let rounds = 0;
  while (current.length >= 2 && rounds++ < maxRounds) {
    const size = Math.ceil(current.length / chunks);
    let reduced = false;
    for (let start = 0; start < current.length; start += size) {
      const candidate = [...current.slice(0, start), ...current.slice(start + size)];
      if (candidate.length > 0 && fails(candidate)) {
        current = candidate;
        chunks = Math.max(chunks - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (chunks >= current.length) break;
      chunks = Math.min(current.length, chunks * 2);
    }
  }
  return current;
}
