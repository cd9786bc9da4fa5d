import { describe, expect, it } from 'vitest';
import { buildShareUrl, decodeShareText, encodeShareText, MAX_SHARE_URL_LENGTH, readShareFragment, ShareLinkError } from './shareLink';

const WORKSPACE = `# file: gateway.yaml
# Team A's gateway — owned by platform ✓
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared # 共有
  namespace: infra
spec:
  gatewayClassName: gwsim
`;

describe('share link', () => {
  it('round-trips the text exactly, comments and unicode included', async () => {
    const data = await encodeShareText(WORKSPACE);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShareText(data)).toBe(WORKSPACE);
  });

  it('round-trips an empty workspace and text with CRLF line endings', async () => {
    expect(await decodeShareText(await encodeShareText(''))).toBe('');
    expect(await decodeShareText(await encodeShareText('a: 1\r\nb: 2\r\n'))).toBe('a: 1\r\nb: 2\r\n');
  });

  it('reads the payload from the fragment and puts it there', async () => {
    const result = await buildShareUrl('http://localhost:4173/?x=1#old', WORKSPACE);
    if (!result.ok) throw new Error('expected a link');
    expect(result.url.startsWith('http://localhost:4173/?x=1#w=')).toBe(true);
    const data = readShareFragment(new URL(result.url).hash);
    expect(data).toBeDefined();
    expect(await decodeShareText(data ?? '')).toBe(WORKSPACE);
    expect(readShareFragment('')).toBeUndefined();
    expect(readShareFragment('#section')).toBeUndefined();
  });

  it('gives a clear error for a damaged or cut-off link', async () => {
    const data = await encodeShareText(WORKSPACE);
    await expect(decodeShareText(data.slice(0, Math.floor(data.length / 2)))).rejects.toThrow(ShareLinkError);
    await expect(decodeShareText('not*base64')).rejects.toThrow(/not base64url/);
    await expect(decodeShareText('')).rejects.toThrow(/no workspace data/);
    await expect(decodeShareText('AAAA')).rejects.toThrow(ShareLinkError);
  });

  it('refuses to build a link longer than the limit', async () => {
    // Pseudo-random hex barely compresses, so the link grows with the text.
    let seed = 2463534242;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const noise = Array.from({ length: 120_000 }, () => (next() % 16).toString(16)).join('');
    const result = await buildShareUrl('http://localhost/', `data: ${noise}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.length).toBeGreaterThan(MAX_SHARE_URL_LENGTH);
  });
});
