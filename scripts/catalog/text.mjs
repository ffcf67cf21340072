// HTML help files and Javadoc to short plain text.

const PRE = '\u0000';
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rarr: '→', larr: '←', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', copy: '©', times: '×', laquo: '«', raquo: '»', middot: '·', bull: '•' };
const BLOCK = /<\/?(p|div|ul|ol|li|pre|dl|dt|dd|h[1-6]|table|tr|blockquote|section|hr|br\s*\/?>\s*<br)\b[^>]*>/gi;

/**
 * Plain text with paragraphs separated by blank lines; code samples (<pre>) are kept as their own
 * paragraphs, marked with a leading NUL so that firstParagraph can pass over them.
 */
export function htmlToText(html) {
  if (!html) return '';
  let s = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  s = s.replace(/<\?[\s\S]*?\?>/g, '');
  // code samples are kept as their own paragraphs, marked so firstParagraph can skip them
  s = s.replace(/<pre\b[^>]*>([\s\S]*?)<\/pre>/gi, (m, body) => `\n\n${PRE}${body.replace(/\n\s*\n/g, '\n')}\n\n`);
  s = s.replace(BLOCK, '\n\n').replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  return s
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** First paragraph (joined with the next when very short), cut at a sentence end near `max`. */
export function firstParagraph(text, max = 400) {
  if (!text) return null;
  const all = text.split(/\n\n/).map((p) => p.trim()).filter(Boolean);
  let paras = all.filter((p) => !p.startsWith(PRE) && !/^(Created by|@author|Copyright)\b/i.test(p));
  if (!paras.length) paras = all.filter((p) => !/^(\u0000)?(Created by|@author|Copyright)\b/i.test(p)).map((p) => p.replace(PRE, ''));
  if (!paras.length) return null;
  let s = paras[0];
  let k = 1;
  while (s.length < 60 && k < paras.length && s.length + paras[k].length < max) {
    s = `${s} ${paras[k++]}`;
  }
  // a lead-in to a code sample ("… for example:") says nothing without the sample
  if (/:$/.test(s)) {
    const end = Math.max(s.lastIndexOf('. '), s.lastIndexOf('! '), s.lastIndexOf('? '));
    if (end > 0) s = s.slice(0, end + 1);
  }
  s = s.replace(/\u0000/g, '').replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  if (end > max * 0.4) return cut.slice(0, end + 1);
  return cut.replace(/\s+\S*$/, '') + '…';
}
