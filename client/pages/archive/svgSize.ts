/** The size of an SVG document, for rasterising it (client/board/exportBoard.ts svgToPng). */

/** Width and height of an SVG document's root element (the server always writes both). */
export function svgSize(svg: string): { width: number; height: number } | null {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(root)?.[1]);
  const height = Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width, height } : null;
}
