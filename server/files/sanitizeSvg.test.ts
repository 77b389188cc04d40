import { describe, expect, it } from 'vitest';
import { SvgRejectedError, sanitizeSvg } from './sanitizeSvg.ts';

const NS = 'xmlns="http://www.w3.org/2000/svg"';

describe('sanitizeSvg', () => {
  it('keeps an ordinary drawing as it was', () => {
    const out = sanitizeSvg(`<?xml version="1.0"?><svg ${NS} viewBox="0 0 10 10"><g fill="url(#g)"><circle cx="5" cy="5" r="4" style="stroke: red"/></g><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><text x="1" y="9">A &amp; B</text></svg>`);
    expect(out).toContain('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">');
    expect(out).toContain('<g fill="url(#g)"><circle cx="5" cy="5" r="4" style="stroke: red"/></g>');
    expect(out).toContain('<text x="1" y="9">A &amp; B</text>');
  });

  it('removes scripts, whatever their case or namespace prefix, with their content', () => {
    for (const script of ['<script>alert(1)</script>', '<SCRIPT>alert(1)</SCRIPT>', '<svg:script>alert(1)</svg:script>', '<script><![CDATA[alert(1)]]></script>']) {
      const out = sanitizeSvg(`<svg ${NS}>${script}<rect width="1" height="1"/></svg>`);
      expect(out.toLowerCase()).not.toContain('script');
      expect(out).not.toContain('alert');
      expect(out).toContain('<rect width="1" height="1"/>');
    }
  });

  it('removes event handlers, javascript: links and foreign objects', () => {
    const out = sanitizeSvg(
      `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)"><a href="javascript:alert(2)"><rect ONCLICK="x()" width="5" height="5"/></a>` +
        `<use xlink:href="&#106;avascript:alert(3)"/><use href="#ok"/><use href="https://evil.example/x.svg#y"/>` +
        `<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/></body></foreignObject>` +
        `<animate attributeName="href" to="javascript:alert(4)"/><set attributeName="onclick" to="alert(5)"/></svg>`,
    );
    expect(out).not.toMatch(/onload|onclick|javascript|alert|foreignObject|iframe|evil|<a|animate|<set/i);
    expect(out).toContain('<rect width="5" height="5"/>');
    expect(out).toContain('<use href="#ok"/>');
  });

  it('allows only embedded raster images, and only local url() references in styles', () => {
    const out = sanitizeSvg(
      `<svg ${NS}><image href="data:image/png;base64,iVBORw0KGgo="/><image href="https://tracker.example/p.png"/><image href="data:image/svg+xml;base64,PHN2Zz4="/>` +
        `<style>@import url(https://evil.example/x.css); rect { fill: url(https://evil.example/p.png); stroke: url(#g) }</style>` +
        `<rect style="background:url(https://evil.example/b.png)" fill="url('#g')"/></svg>`,
    );
    expect(out).toContain('<image href="data:image/png;base64,iVBORw0KGgo="/>');
    expect(out).not.toContain('evil');
    expect(out).not.toContain('svg+xml;base64');
    expect(out).toContain('stroke: url(#g)');
    expect(out).toContain(`fill="url('#g')"`);
  });

  it('drops doctypes, so entity tricks cannot expand', () => {
    const out = sanitizeSvg(`<!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><svg ${NS}><text>&lol2;</text></svg>`);
    expect(out).not.toContain('ENTITY');
    expect(out).toContain('<text>&amp;lol2;</text>');
  });

  it('forces the SVG namespace on the root', () => {
    expect(sanitizeSvg('<svg xmlns="http://www.w3.org/1999/xhtml"><rect/></svg>')).toContain('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
  });

  it('refuses what is not well-formed SVG', () => {
    for (const bad of ['<html></html>', `<svg ${NS}><g></svg>`, `<svg ${NS}>`, `<svg ${NS}><rect a="1" a="2"/></svg>`, `<svg ${NS}/><script/>`, `<svg ${NS}><rect x="<"/></svg>`, 'just text', '']) {
      expect(() => sanitizeSvg(bad), bad).toThrow(SvgRejectedError);
    }
  });
});
