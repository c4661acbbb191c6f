// Dashboard charts rendered on the server as SVG by ECharts (no client script, prints well).
// ECharts takes about 3 s to load, so it is imported lazily, once per process, and warmed in the
// background the first time any supervision page is asked for (`warmCharts`).
import { accessibleSvg } from "./svg";

type ECharts = typeof import("echarts");

let loading: Promise<ECharts> | null = null;

function loadECharts(): Promise<ECharts> {
  loading ??= import("echarts").then((m) => {
    // A first render compiles ECharts' own code paths; doing it here keeps it off a request.
    renderWith(m, {
      width: 100,
      height: 60,
      option: { xAxis: { show: false }, yAxis: { show: false } },
    });
    return m;
  });
  return loading;
}

/** Starts loading ECharts without waiting for it. */
export function warmCharts(): void {
  loadECharts().catch(() => {
    loading = null;
  });
}

interface ChartSpec {
  width: number;
  height: number;
  option: Record<string, unknown>;
}

function renderWith(echarts: ECharts, spec: ChartSpec): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: spec.width,
    height: spec.height,
  });
  try {
    chart.setOption({ animation: false, ...spec.option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface BarSeries {
  name: string;
  values: number[];
  color: string;
}

/** A stacked horizontal bar chart (one bar per category), as accessible inline SVG. */
export async function stackedBarChart(input: {
  id: string;
  label: string;
  categories: string[];
  series: BarSeries[];
}): Promise<string> {
  const echarts = await loadECharts();
  const height = Math.max(160, 60 + input.categories.length * 28);
  const svg = renderWith(echarts, {
    width: 720,
    height,
    option: {
      textStyle: { fontFamily: "sans-serif" },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: input.categories, inverse: true },
      series: input.series.map((s) => ({
        name: s.name,
        type: "bar",
        stack: "total",
        data: s.values,
        itemStyle: { color: s.color },
        label: { show: false },
      })),
    },
  });
  return accessibleSvg(svg, input.label, input.id);
}
