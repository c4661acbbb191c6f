// Test-only: a tiny XML well-formedness check (tags nest and match, one root, attributes quoted,
// no stray < or &) so the feed and sitemap tests need no XML library. Not used by the product.

const TAG =
  /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);[^"<&]*)*")*)\s*(\/?)>/y;
const TEXT_OK = /^(?:[^<&]|&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)*$/;

/** The problems of `xml` (empty when well-formed), and the element names in document order. */
export function checkXml(xml: string): { errors: string[]; elements: string[] } {
  const errors: string[] = [];
  const elements: string[] = [];
  const stack: string[] = [];
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  let roots = 0;
  let at = 0;
  while (at < rest.length) {
    const lt = rest.indexOf("<", at);
    const text = rest.slice(at, lt < 0 ? rest.length : lt);
    if (!TEXT_OK.test(text)) errors.push(`bad text near “${text.slice(0, 40)}”`);
    if (stack.length === 0 && text.trim() !== "") errors.push("text outside the root element");
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(rest);
    if (!m) {
      errors.push(`malformed tag near “${rest.slice(lt, lt + 40)}”`);
      break;
    }
    const [whole, closing, name, , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) errors.push(`</${name}> closes <${open ?? "nothing"}>`);
    } else {
      elements.push(name!);
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    }
    at = lt + whole.length;
  }
  rest = "";
  if (stack.length > 0) errors.push(`unclosed: ${stack.join(", ")}`);
  if (roots !== 1) errors.push(`${roots} root elements`);
  return { errors, elements };
}
