/**
 * Decodes HTML character references in text taken from a web page (titles, meta tags). Not the XML
 * decoder of server/files/sanitizeSvg.ts: HTML has named references beyond XML's five, and pages use them.
 */

/** The named references page titles and descriptions use in practice (the full table has 2,231). */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', bull: '\u2022', middot: '\u00b7',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e',
  laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2',
  times: '\u00d7', divide: '\u00f7', plusmn: '\u00b1', para: '\u00b6', sect: '\u00a7', shy: '\u00ad',
  iexcl: '\u00a1', iquest: '\u00bf', ordf: '\u00aa', ordm: '\u00ba', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be',
  aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å', aelig: 'æ', ccedil: 'ç',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï',
  ntilde: 'ñ', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', otilde: 'õ', oslash: 'ø', szlig: 'ß',
  uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ',
  Aacute: 'Á', Agrave: 'À', Acirc: 'Â', Auml: 'Ä', Atilde: 'Ã', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Euml: 'Ë', Iacute: 'Í', Igrave: 'Ì', Icirc: 'Î', Iuml: 'Ï',
  Ntilde: 'Ñ', Oacute: 'Ó', Ograve: 'Ò', Ocirc: 'Ô', Ouml: 'Ö', Otilde: 'Õ', Oslash: 'Ø',
  Uacute: 'Ú', Ugrave: 'Ù', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý',
};

/** Code points a numeric reference may not produce (HTML maps them to U+FFFD). */
const invalidCodePoint = (c: number) => c === 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff);

/** `text` with `&name;`, `&#123;` and `&#x7b;` references decoded; unknown names are left as they are. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
      return invalidCodePoint(code) ? '\ufffd' : String.fromCodePoint(code);
    }
    // Without its semicolon, a name is only a reference when the page clearly meant one (HTML allows
    // this for legacy names; `&copy` in "&copyright" must not become "©right").
    if (!whole.endsWith(';')) return whole;
    return NAMED[name!] ?? whole;
  });
}
