import { describe, expect, it } from 'vitest';
import { connectorLabel, formatBytes, itemLabel, linkHost, summarize } from './itemLabel.ts';

describe('itemLabel', () => {
  it('names stickies and text by their content', () => {
    expect(itemLabel({ type: 'sticky', text: 'Agenda\n  ideas' })).toBe('Sticky note: Agenda ideas');
    expect(itemLabel({ type: 'text', text: '' })).toBe('Text: empty');
    expect(itemLabel({ type: 'sticky', text: '   ' })).toBe('Sticky note: empty');
  });
  it('names links by title and host', () => {
    expect(itemLabel({ type: 'link', text: 'Our wiki', url: 'https://wiki.example.org/x' })).toBe('Link: Our wiki (wiki.example.org)');
    expect(itemLabel({ type: 'link', text: '', url: 'https://wiki.example.org/x' })).toBe('Link: wiki.example.org');
    expect(itemLabel({ type: 'link', text: 'wiki.example.org', url: 'https://wiki.example.org/' })).toBe('Link: wiki.example.org');
  });
  it('does not present a non-http URL as a host', () => {
    expect(itemLabel({ type: 'link', text: '', url: 'javascript:alert(1)' })).toBe('Link: javascript:alert(1)');
    expect(itemLabel({ type: 'link', text: '', url: undefined })).toBe('Link: untitled');
  });
  it('cuts long text', () => {
    const label = itemLabel({ type: 'sticky', text: 'x'.repeat(500) });
    expect(label.length).toBe('Sticky note: '.length + 80);
    expect(label.endsWith('…')).toBe(true);
  });
});

describe('helpers', () => {
  it('summarizes and extracts hosts', () => {
    expect(summarize(' a \t b ', 10)).toBe('a b');
    expect(summarize('abcdef', 4)).toBe('abc…');
    expect(linkHost('https://example.org:8080/a')).toBe('example.org:8080');
    expect(linkHost('ftp://example.org')).toBeNull();
    expect(linkHost(undefined)).toBeNull();
  });
});

describe('labels of the drawing items', () => {
  it('names shapes by their outline, frames by title, drawings plainly', () => {
    expect(itemLabel({ type: 'shape', shape: 'diamond', text: 'Decide' })).toBe('Diamond: Decide');
    expect(itemLabel({ type: 'shape', text: '' })).toBe('Rectangle: empty');
    expect(itemLabel({ type: 'frame', text: 'Ideas' })).toBe('Frame: Ideas');
    expect(itemLabel({ type: 'stroke', text: '' })).toBe('Drawing');
  });
  it('names files with their kind and size, images by name', () => {
    expect(itemLabel({ type: 'file', text: 'Guide.pdf', mime: 'application/pdf', bytes: 2.5 * 1024 * 1024 })).toBe('File: Guide.pdf (PDF, 2.5 MB)');
    expect(itemLabel({ type: 'image', text: 'ward.png' })).toBe('Image: ward.png');
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(12_400)).toBe('12 KB');
  });
  it('names arrows by what they join', () => {
    expect(connectorLabel({ text: '' }, 'Rectangle: Plan', 'Ellipse: Do')).toBe('Arrow from Rectangle: Plan to Ellipse: Do');
    expect(connectorLabel({ text: 'then' }, 'A', null)).toBe('Arrow from A to a missing item: then');
  });
});
