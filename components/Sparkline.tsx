interface Props {
  /** oldest first; undefined is a gap (nothing to measure that time) */
  values: readonly (number | undefined)[];
  max: number;
  min?: number;
  label: string;
  width?: number;
  height?: number;
  /** how a lone reading is written, since one point makes no line */
  format?: (value: number) => string;
}

/** A tiny inline trend line; the label carries the numbers for screen readers. */
export function Sparkline({ values, max, min = 0, label, width = 80, height = 18, format = String }: Props) {
  const measured = values.filter((v) => v !== undefined);
  if (measured.length === 0) return null;
  const [only] = measured;
  if (measured.length === 1 && only !== undefined)
    return (
      <span className="sparkline-single" title={label}>
        {format(only)}
      </span>
    );
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) =>
    height - 1 - ((Math.min(Math.max(v, min), max) - min) / (max - min || 1)) * (height - 2);
  const points = values
    .map((v, i) => (v === undefined ? undefined : `${(i * step).toFixed(1)},${y(v).toFixed(1)}`))
    .filter((p) => p !== undefined);
  const spoken = values.map((v) => (v === undefined ? "none" : String(Math.round(v * 100) / 100))).join(", ");
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={`${label}: ${spoken}`}>
      <polyline points={points.join(" ")} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
