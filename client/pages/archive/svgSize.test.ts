import { describe, expect, it } from 'vitest';
import { svgSize } from './svgSize.ts';

describe('svgSize', () => {
  it('reads the root element’s width and height', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480.5" viewBox="0 0 640 480"><rect width="10" height="10"/></svg>')).toEqual({ width: 640, height: 480.5 });
  });

  it('ignores sizes of inner elements and gives null without a usable size', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>')).toBeNull();
    expect(svgSize('<svg width="0" height="10"></svg>')).toBeNull();
    expect(svgSize('not svg')).toBeNull();
  });
});
