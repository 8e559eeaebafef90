/**
 * A picture that looks like a QR code (finder squares and a pattern drawn from
 * the payload). It is not scannable: in the playground nothing can pay by camera.
 */
const SIZE = 25;

function pattern(payload: string): boolean[][] {
  let seed = 2166136261;
  for (const ch of payload) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const corners = [
    [0, 0],
    [0, SIZE - 7],
    [SIZE - 7, 0],
  ] as const;
  /** Inside a finder square (with its white margin): on or off by the square's rings; elsewhere undefined. */
  const finder = (r: number, c: number): boolean | undefined => {
    for (const [fr, fc] of corners) {
      const y = r - fr;
      const x = c - fc;
      if (y < -1 || y > 7 || x < -1 || x > 7) continue;
      if (y < 0 || y > 6 || x < 0 || x > 6) return false;
      return y === 0 || y === 6 || x === 0 || x === 6 || (y >= 2 && y <= 4 && x >= 2 && x <= 4);
    }
    return undefined;
  };
  return Array.from({ length: SIZE }, (_, r) => Array.from({ length: SIZE }, (_, c) => finder(r, c) ?? next() > 0.5));
}

export function FakeQr({ payload, label }: { payload: string; label: string }) {
  const cells = pattern(payload);
  return (
    <svg viewBox={`-2 -2 ${SIZE + 4} ${SIZE + 4}`} width={200} height={200} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect x={-2} y={-2} width={SIZE + 4} height={SIZE + 4} fill="#fff" />
      {cells.flatMap((row, r) => row.map((on, c) => (on ? <rect key={`${r}-${c}`} x={c} y={r} width={1} height={1} fill="#111" /> : null)))}
    </svg>
  );
}
