/**
 * Makes an uploaded SVG inert before it is stored: it is parsed with a small, strict XML tokenizer and
 * written out again keeping only known SVG elements and presentation attributes. Scripts, foreign
 * objects, event handler attributes, `javascript:` and other non-local references, doctypes (entity
 * tricks), processing instructions and CSS imports are removed; links are unwrapped. Anything that is
 * not well-formed XML is refused. The file route also serves SVG under a sandboxing CSP, as an
 * attachment: two independent defences.
 */

/** Thrown for an SVG that cannot be parsed safely (the upload is then refused). */
export class SvgRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SvgRejectedError';
  }
}

/** Elements kept (with their allowed attributes); everything else is dropped with all it contains. */
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'switch',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA',
  'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology',
  'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
  'image', 'style',
]);

/** Elements removed but whose content is kept (a link is harmless once it is no longer a link). */
const UNWRAP = new Set(['a']);

const NAME = /^[A-Za-z_][-A-Za-z0-9_.]*(:[A-Za-z_][-A-Za-z0-9_.]*)?$/;
const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const RASTER_DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i;

/** The value with whitespace and control characters removed, lower-cased (how browsers read URL schemes). */
const squash = (v: string) => v.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();

/** True when a CSS or attribute value refers to something other than a fragment of this document. */
function hasExternalReference(value: string): boolean {
  const v = squash(value);
  if (v.includes('javascript:') || v.includes('vbscript:') || v.includes('@import') || v.includes('expression(')) return true;
  for (const m of v.matchAll(/url\(([^)]*)\)/g)) {
    const target = m[1].replace(/^['"]/, '');
    if (!target.startsWith('#')) return true;
  }
  return false;
}

/** The attribute as written out, or null to drop it. */
function cleanAttribute(element: string, name: string, value: string): string | null {
  const lower = name.toLowerCase();
  if (!NAME.test(name) || lower.startsWith('on')) return null;
  if (lower === 'xmlns') return value === SVG_NS ? value : null;
  if (lower.startsWith('xmlns:')) return lower === 'xmlns:xlink' && value === XLINK_NS ? value : null;
  // Only the svg and xlink namespaces: no xml:base, no foreign-namespace attributes.
  if (name.includes(':') && !name.startsWith('xlink:')) return lower === 'xml:space' || lower === 'xml:lang' ? value : null;
  if (lower === 'href' || lower === 'xlink:href') {
    const v = value.trim();
    if (v.startsWith('#') && /^#[A-Za-z_][-A-Za-z0-9_.:]*$/.test(v)) return v;
    if (element === 'image' && RASTER_DATA_URL.test(v)) return v;
    return null;
  }
  if (hasExternalReference(value)) return null;
  return value;
}

/** CSS text with imports, external url()s and script-ish values removed. */
function cleanCss(css: string): string {
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\(\s*(['"]?)(?!#)[^)]*\)/gi, 'none')
    .replace(/expression\s*\(/gi, '(')
    .replace(/javascript:/gi, '')
    .replace(/<\//g, '<\\/');
}

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);/y;

/** Text as XML: the five predefined and numeric entities are kept, any other `&` is escaped. */
function escapeText(raw: string, attr: boolean): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(raw);
      if (m) {
        out += m[0];
        i += m[0].length - 1;
      } else out += '&amp;';
    } else if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    else if (attr && c === '"') out += '&quot;';
    else out += c;
  }
  return out;
}

/** Decodes the five predefined and numeric entities (to check attribute values as a browser sees them). */
function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e as 'amp'];
  });
}

interface Frame {
  name: string;
  /** Written out (false: dropped or unwrapped). */
  kept: boolean;
  /** Inside a dropped element: nothing below is written. */
  dropped: boolean;
}

/** The SVG document `input`, made inert. Throws SvgRejectedError if it is not well-formed or has no <svg> root. */
export function sanitizeSvg(input: string): string {
  const s = input.replace(/^\uFEFF/, '');
  let out = '';
  let i = 0;
  const stack: Frame[] = [];
  let rootSeen = false;
  let rootClosed = false;
  const fail = (why: string): never => {
    throw new SvgRejectedError(`Not a well-formed SVG: ${why}`);
  };
  const inDropped = () => stack.length > 0 && stack[stack.length - 1].dropped;
  const inStyle = () => stack.length > 0 && stack[stack.length - 1].name === 'style' && stack[stack.length - 1].kept;

  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const text = s.slice(i, lt < 0 ? s.length : lt);
    if (text) {
      if (stack.length === 0) {
        if (text.trim()) fail('text outside the root element');
      } else if (!inDropped()) out += inStyle() ? escapeText(cleanCss(decodeEntities(text)), false) : escapeText(text, false);
    }
    if (lt < 0) break;
    i = lt;
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end < 0) fail('unterminated CDATA section');
      const data = s.slice(i + 9, end);
      if (stack.length === 0) fail('CDATA outside the root element');
      if (!inDropped()) out += escapeText(inStyle() ? cleanCss(data) : data, false).replace(/&(?!amp;|lt;|gt;)/g, '&amp;');
      i = end + 3;
    } else if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end < 0) fail('unterminated processing instruction');
      i = end + 2; // the XML declaration and any stylesheet instructions are dropped
    } else if (s.startsWith('<!', i)) {
      if (rootSeen) fail('a declaration inside the document');
      // A doctype, with its internal subset (where entity definitions live): dropped whole.
      let j = i + 2;
      let depth = 0;
      for (; j < s.length; j++) {
        if (s[j] === '[') depth++;
        else if (s[j] === ']') depth--;
        else if (s[j] === '>' && depth <= 0) break;
      }
      if (j >= s.length) fail('unterminated declaration');
      i = j + 1;
    } else if (s.startsWith('</', i)) {
      const end = s.indexOf('>', i);
      if (end < 0) fail('unterminated end tag');
      const name = s.slice(i + 2, end).trim();
      const top = stack.pop();
      if (!top || top.name !== name) fail(`</${name}> does not close <${top?.name ?? 'nothing'}>`);
      if (top!.kept) out += `</${name}>`;
      if (stack.length === 0) rootClosed = true;
      i = end + 1;
    } else {
      // A start tag: name, attributes, optional self-closing slash.
      const m = /^<([^\s/>]+)/.exec(s.slice(i, i + 256));
      if (!m || !NAME.test(m[1])) fail('a malformed start tag');
      const name = m![1];
      if (rootClosed) fail('content after the root element');
      if (!rootSeen && name !== 'svg') fail('the root element is not <svg>');
      let j = i + m![0].length;
      const attrs: [string, string][] = [];
      let selfClosing = false;
      for (;;) {
        while (j < s.length && /\s/.test(s[j])) j++;
        if (s[j] === '>') {
          j++;
          break;
        }
        if (s.startsWith('/>', j)) {
          selfClosing = true;
          j += 2;
          break;
        }
        const a = /^([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/.exec(s.slice(j, j + 65536));
        if (!a) fail(`a malformed attribute in <${name}>`);
        if (a![3]?.includes('<') || a![4]?.includes('<')) fail('"<" in an attribute value');
        attrs.push([a![1], a![3] ?? a![4] ?? '']);
        j += a![0].length;
        if (j >= s.length) fail('unterminated start tag');
      }
      const parentDropped = inDropped();
      const known = ELEMENTS.has(name);
      const unwrap = UNWRAP.has(name);
      const kept = !parentDropped && known;
      if (kept) {
        const written = new Map<string, string>();
        for (const [an, av] of attrs) {
          if (written.has(an)) fail(`a repeated attribute ${an}`);
          const cleaned = cleanAttribute(name, an, decodeEntities(av));
          if (cleaned !== null) written.set(an, cleaned);
        }
        if (!rootSeen) {
          written.set('xmlns', SVG_NS);
          if ([...written.keys()].some((k) => k.startsWith('xlink:')) || attrs.some(([k]) => k === 'xmlns:xlink')) written.set('xmlns:xlink', XLINK_NS);
        }
        const serialized = [...written].map(([k, v]) => ` ${k}="${escapeText(k === 'style' ? cleanCss(v) : v, true)}"`).join('');
        out += `<${name}${serialized}${selfClosing ? '/>' : '>'}`;
      }
      rootSeen = true;
      if (!selfClosing) stack.push({ name, kept, dropped: parentDropped || (!known && !unwrap) });
      else if (stack.length === 0) rootClosed = true;
      i = j;
    }
  }
  if (!rootSeen) fail('no <svg> element');
  if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> is never closed`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}`;
}
