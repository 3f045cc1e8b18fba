// Turns graphviz's SVG text into DOM nodes without ever parsing it into the page: the text is parsed in
// a detached XML document, and a fresh copy is built from allowed elements and attributes only, with
// text as text nodes. A node name such as `<script>` or `" onload="…` can only ever end up as text.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The elements graphviz writes for a graph (no `a`, `image`, `foreignObject`, `script`, `style`). */
const ELEMENTS = new Set(['svg', 'g', 'title', 'polygon', 'polyline', 'path', 'ellipse', 'text']);

/** Presentation and geometry only: no event handlers, no links, no style attribute. */
const ATTRIBUTES = new Set([
  'width',
  'height',
  'viewBox',
  'preserveAspectRatio',
  'transform',
  'id',
  'class',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'points',
  'd',
  'cx',
  'cy',
  'rx',
  'ry',
  'x',
  'y',
  'text-anchor',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
]);

/** The SVG of `text` rebuilt from allowed parts, or undefined when it does not parse as an SVG document. */
export function sanitizeSvg(text: string): SVGSVGElement | undefined {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return undefined;
  return copyElement(root) as SVGSVGElement;
}

function copyElement(source: Element): Element | undefined {
  if (source.namespaceURI !== SVG_NS || !ELEMENTS.has(source.localName)) return undefined;
  const copy = document.createElementNS(SVG_NS, source.localName);
  for (const attribute of Array.from(source.attributes))
    if (attribute.namespaceURI === null && ATTRIBUTES.has(attribute.localName)) copy.setAttribute(attribute.localName, attribute.value);
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) copy.appendChild(document.createTextNode(child.textContent ?? ''));
    else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = copyElement(child as Element);
      if (element) copy.appendChild(element);
    }
  }
  return copy;
}
