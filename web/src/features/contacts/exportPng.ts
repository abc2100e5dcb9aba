import { toPng } from 'html-to-image';
import { NO_EXPORT } from './MapParts';

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PADDING = 40;
/** Browsers refuse canvases much beyond this many pixels. */
const MAX_PIXELS = 16_000_000;

/** A file name any system accepts. */
export function safeFileName(name: string): string {
  return `${
    [...name]
      .map((ch) => (ch < ' ' ? '_' : ch))
      .join('')
      .replace(/[\\/:*?"<>|]+/g, '_')
      .trim() || 'relationship-map'
  }.png`;
}

/**
 * Draws the whole chart (not just what is on screen) at full size on a plain background and
 * downloads it. The editing controls (handles, the remove-line button) are left out.
 */
export async function exportMapPng(viewport: HTMLElement, bounds: Bounds, opts: { fileName: string; background: string }): Promise<void> {
  const width = Math.ceil(bounds.width + PADDING * 2);
  const height = Math.ceil(bounds.height + PADDING * 2);
  const pixelRatio = width * height * 4 <= MAX_PIXELS ? 2 : 1;
  const url = await toPng(viewport, {
    backgroundColor: opts.background,
    width,
    height,
    pixelRatio,
    skipFonts: true,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${PADDING - bounds.x}px, ${PADDING - bounds.y}px) scale(1)`,
    },
    filter: (node) => !(node instanceof Element && node.classList.contains(NO_EXPORT)),
  });
  const link = document.createElement('a');
  link.download = safeFileName(opts.fileName);
  link.href = url;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
