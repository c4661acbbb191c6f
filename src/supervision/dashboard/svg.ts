// Makes ECharts' server-rendered SVG fit the site's CSP (style-src 'self': no style attributes,
// no <style> element) and accessible: inline styles become presentation attributes, the hover
// stylesheet (useless without script) goes, and the root gets role="img", an aria-label and a
// <title>. Pure.

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `font-size:12px;font-family:sans-serif;` → ` font-size="12px" font-family="sans-serif"`. */
function styleToAttributes(style: string): string {
  return style
    .replace(/&quot;/g, "'")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(":");
      if (colon < 0) return "";
      const name = part.slice(0, colon).trim().toLowerCase();
      const value = part.slice(colon + 1).trim();
      if (!/^[a-z-]+$/.test(name)) return "";
      return ` ${name}="${escapeXml(value)}"`;
    })
    .join("");
}

/** The chart SVG made CSP-safe, labelled and titled, ready to inline into a page. */
export function accessibleSvg(svg: string, label: string, id: string): string {
  const titleId = `${id}-title`;
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/ style="([^"]*)"/g, (_m, style: string) => styleToAttributes(style))
    .replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
      const kept = attrs
        .replace(/\s(?:width|height|baseProfile|version|xmlns:xlink)="[^"]*"/g, "")
        .trimEnd();
      return `<svg${kept} id="${id}" class="chart" role="img" aria-labelledby="${titleId}" aria-label="${escapeXml(label)}"><title id="${titleId}">${escapeXml(label)}</title>`;
    });
}
