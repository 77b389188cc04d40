import { describe, expect, it } from 'vitest';
import { itemLabel, linkHost, summarize } from './itemLabel.ts';

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
