/** Openness 0–100 as a small line: too small for a charting library's axes and legend to help. */
export function Sparkline({
  values,
  label,
  width = 120,
  height = 28,
}: {
  values: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const points = values.map((value, i) => [
    2 + i * step,
    height - 2 - (Math.max(0, Math.min(100, value)) / 100) * (height - 4),
  ]);
  const last = points.at(-1);
  return (
    <svg
      class="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {last && <polyline class="spark-line" points={points.map((point) => point.join(',')).join(' ')} />}
      {last && <circle class="spark-dot" cx={last[0]} cy={last[1]} r={2.5} />}
    </svg>
  );
}
