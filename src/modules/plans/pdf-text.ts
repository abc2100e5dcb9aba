import zlib from 'node:zlib';

/**
 * The text of a PDF that pdfkit (pdfmake) wrote, for tests on machines without poppler's pdftotext:
 * inflates the streams, maps each embedded font's glyph codes back to Unicode through its ToUnicode
 * CMap, and joins the text runs of the content streams in order. Not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  const header = /(\d+) 0 obj\b/g;
  for (let m = header.exec(src); m; m = header.exec(src)) {
    const start = m.index + m[0].length;
    const streamAt = src.indexOf('stream', start);
    const endAt = src.indexOf('endobj', start);
    if (streamAt === -1 || streamAt > endAt) {
      objects.set(m[1]!, { dict: src.slice(start, endAt), stream: null });
      continue;
    }
    const dict = src.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const dataAt = streamAt + 'stream'.length + (src[streamAt + 6] === '\r' ? 2 : 1);
    let data = pdf.subarray(dataAt, dataAt + length);
    if (dict.includes('/FlateDecode')) data = zlib.inflateSync(data);
    objects.set(m[1]!, { dict, stream: data.toString('latin1') });
    header.lastIndex = dataAt + length;
  }

  const cmaps = new Map<string, Map<number, string>>();
  const toUnicode = (objectId: string) => {
    const cached = cmaps.get(objectId);
    if (cached) return cached;
    const map = new Map<number, string>();
    const text = objects.get(objectId)?.stream ?? '';
    const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((c) => Number.parseInt(c, 16)));
    for (const [, from, , list] of text.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      let code = Number.parseInt(from!, 16);
      for (const [, u] of (list ?? '').matchAll(/<([0-9a-f]+)>/gi)) map.set(code++, hex(u!));
    }
    for (const [, code, u] of text.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]+)>(?!\s*[[<])/gi)) map.set(Number.parseInt(code!, 16), hex(u!));
    cmaps.set(objectId, map);
    return map;
  };

  // font resource names (/F1) → the font object → its ToUnicode CMap
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const [, block] of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, ref] of (block ?? '').matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(objects.get(ref!)?.dict ?? '')?.[1];
        if (cmapRef) fonts.set(name!, toUnicode(cmapRef));
      }
    }
  }

  let out = '';
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/Type|\/Subtype|\/Length1/.test(dict) || !stream.includes('BT')) continue;
    let font: Map<number, string> | undefined;
    for (const [, fontName, array, single] of stream.matchAll(
      /\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[\s\d.-])*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi,
    )) {
      if (fontName) {
        font = fonts.get(fontName);
        continue;
      }
      const hexes = array ? [...array.matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!) : [single ?? ''];
      for (const h of hexes) for (const code of h.match(/.{4}/g) ?? []) out += font?.get(Number.parseInt(code, 16)) ?? '';
    }
    out += '\n';
  }
  return out;
}
