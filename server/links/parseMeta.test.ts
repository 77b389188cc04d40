import { describe, expect, it } from 'vitest';
import { META_LIMITS, parseMeta } from './parseMeta.ts';
import { decodeHtmlEntities } from './htmlEntities.ts';
import { decodeBody } from './decodeBody.ts';

describe('parseMeta', () => {
  it('prefers OpenGraph, falls back to <title> and the description meta tag', () => {
    const html = `<!doctype html><html><head>
      <title>Plain title</title>
      <meta property="og:title" content="OG title">
      <meta name="description" content="Plain description">
      <meta property="og:site_name" content='Example Site'>
    </head><body><h1>x</h1></body></html>`;
    expect(parseMeta(html)).toEqual({ title: 'OG title', description: 'Plain description', siteName: 'Example Site' });
    expect(parseMeta('<head><title>Only\n   a   title</title></head>')).toEqual({ title: 'Only a title', description: null, siteName: null });
  });

  it('is forgiving: attribute order, case, unquoted values, twitter fallbacks', () => {
    const html = `<HEAD><META CONTENT=Unquoted NAME=twitter:title><meta content="Desc" name="twitter:description"><meta name="application-name" content="App"></HEAD>`;
    expect(parseMeta(html)).toEqual({ title: 'Unquoted', description: 'Desc', siteName: 'App' });
  });

  it('decodes entities once (named, decimal, hex) and never double-decodes', () => {
    const html = `<title>Tom &amp; Jerry &mdash; caf&eacute; &#8211; &#x2014; &lt;b&gt;</title><meta property="og:description" content="A &amp;lt; B &quot;quoted&quot;">`;
    const meta = parseMeta(html);
    expect(meta.title).toBe('Tom & Jerry — café – — <b>');
    expect(meta.description).toBe('A &lt; B "quoted"');
  });

  it('returns nulls for a page without the tags, or with empty ones', () => {
    expect(parseMeta('')).toEqual({ title: null, description: null, siteName: null });
    expect(parseMeta('<html><body><p>No head</p></body></html>')).toEqual({ title: null, description: null, siteName: null });
    expect(parseMeta('<title>   </title><meta property="og:title" content="">')).toEqual({ title: null, description: null, siteName: null });
  });

  it('ignores titles and metas in the body, comments, scripts and SVGs', () => {
    const html = `<head><!-- <title>commented</title> --><script>var t = "<title>script</title>";</script>
      <meta name="description" content="Real"></head><body><svg><title>svg title</title></svg><meta property="og:title" content="late"></body>`;
    expect(parseMeta(html)).toEqual({ title: null, description: 'Real', siteName: null });
  });

  it('caps every field and removes control and bidi characters', () => {
    const long = 'x'.repeat(10_000);
    const meta = parseMeta(`<title>${long}</title><meta name="description" content="${long}"><meta property="og:site_name" content="${long}">`);
    expect(Array.from(meta.title!).length).toBe(META_LIMITS.title);
    expect(meta.title!.endsWith('…')).toBe(true);
    expect(Array.from(meta.description!).length).toBe(META_LIMITS.description);
    expect(Array.from(meta.siteName!).length).toBe(META_LIMITS.siteName);
    expect(parseMeta('<title>a\u0000b\u202Ec\u0007d</title>').title).toBe('a b c d');
    // A cap never splits a surrogate pair.
    const emoji = parseMeta(`<title>${'😀'.repeat(400)}</title>`).title!;
    expect(emoji).toBe('😀'.repeat(META_LIMITS.title - 1) + '…');
  });

  it('reads a huge page cut off mid-way (the fetch keeps only its start)', () => {
    const page = `<html><head><title>Big page</title><meta name="description" content="Start">` + '<meta name="x" content="y">'.repeat(50_000);
    const cut = page.slice(0, 512 * 1024);
    expect(parseMeta(cut)).toEqual({ title: 'Big page', description: 'Start', siteName: null });
    // Cut inside an unterminated title or comment: still no crash, nothing leaks past the cut.
    expect(parseMeta('<head><title>Half a tit').title).toBe('Half a tit');
    expect(parseMeta('<head><!-- never closed <title>x</title>').title).toBeNull();
  });

  it('is fast on pathological input', () => {
    const start = performance.now();
    parseMeta('<meta '.repeat(100_000));
    parseMeta('<title>' + '&amp'.repeat(100_000));
    parseMeta('<script>'.repeat(50_000));
    parseMeta('<head><meta ' + 'a="'.repeat(150_000));
    parseMeta('<title '.repeat(80_000));
    parseMeta('<!--'.repeat(100_000));
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes known references, keeps unknown ones, maps invalid code points to U+FFFD', () => {
    expect(decodeHtmlEntities('&amp;&lt;&gt;&quot;&apos;&nbsp;')).toBe('&<>"\'\u00a0');
    expect(decodeHtmlEntities('&#65;&#x42;&#X43;')).toBe('ABC');
    expect(decodeHtmlEntities('&unknown; &copyright &copy;')).toBe('&unknown; &copyright ©');
    expect(decodeHtmlEntities('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
  });
});

describe('decodeBody', () => {
  it('uses the header charset, then <meta charset>, then UTF-8', () => {
    const latin1 = Uint8Array.from([0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0x63, 0x61, 0x66, 0xe9]); // <title>café
    expect(decodeBody(latin1, 'text/html; charset=ISO-8859-1')).toBe('<title>café');
    const sniffed = Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><title>'), Buffer.from([0x63, 0x61, 0x66, 0xe9])]);
    expect(decodeBody(sniffed, 'text/html')).toContain('café');
    expect(decodeBody(Buffer.from('<title>café</title>'), 'text/html')).toBe('<title>café</title>');
    expect(decodeBody(Buffer.from('<title>ok</title>'), 'text/html; charset=no-such-charset')).toBe('<title>ok</title>');
  });
});
