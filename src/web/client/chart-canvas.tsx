import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** The page's palette (style.css, light or dark), so the charts match the legends drawn in HTML. */
export function colour(variable: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
}

/** A Chart.js chart, drawn again when its configuration changes; `label` names it for screen readers. */
export function ChartCanvas<T extends ChartType>({
  config,
  label,
  description,
}: {
  config: ChartConfiguration<T>;
  label: string;
  description?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <canvas ref={canvas} role="img" aria-label={label}>
      {description && <p>{description}</p>}
    </canvas>
  );
}
