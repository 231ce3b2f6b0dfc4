// Platform image versions are Major.Minor.Build in decimal numbers (REST spec, ImageReference.version);
// they sort numerically part by part, never as strings ("9.0.1" < "10.0.0").

export function compareImageVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const diff = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

/** A7: the newest of the versions Azure lists, or undefined when there are none. */
export function newestImageVersion(versions: readonly string[]): string | undefined {
  return [...versions].sort(compareImageVersions).at(-1);
}

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}
