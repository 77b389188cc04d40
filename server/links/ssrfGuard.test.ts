import { describe, expect, it } from 'vitest';
import { BlockedUrlError, checkAddresses, checkUrl, classifyAddress, type UrlPolicy } from './ssrfGuard.ts';

const policy: UrlPolicy = { allowedPorts: new Set([80, 443]), privateHostsAllowed: new Set() };

describe('classifyAddress', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this-network'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
  ])('IPv4 %s is %s', (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });

  it.each(['1.1.1.1', '8.8.8.8', '93.184.215.14', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '169.253.255.255', '192.169.0.1', '223.255.255.255'])(
    'IPv4 %s is public',
    (ip) => expect(classifyAddress(ip)).toBeNull(),
  );

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['fd00:ec2::254', 'metadata'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['::127.0.0.1', 'reserved'],
  ])('IPv6 %s is %s', (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });

  it('IPv4-mapped and other IPv4-embedding IPv6 addresses are judged by their IPv4 address', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('loopback');
    expect(classifyAddress('::ffff:7f00:1')).toBe('loopback');
    expect(classifyAddress('0:0:0:0:0:ffff:a00:1')).toBe('private');
    expect(classifyAddress('::ffff:169.254.169.254')).toBe('metadata');
    expect(classifyAddress('::ffff:c0a8:101')).toBe('private');
    expect(classifyAddress('::ffff:8.8.8.8')).toBeNull();
    expect(classifyAddress('64:ff9b::10.0.0.1')).toBe('private');
    expect(classifyAddress('64:ff9b::8.8.8.8')).toBeNull();
    expect(classifyAddress('2002:7f00:1::')).toBe('loopback');
    expect(classifyAddress('2002:808:808::1')).toBeNull();
  });

  it('public IPv6 addresses pass; garbage is invalid', () => {
    expect(classifyAddress('2606:4700:4700::1111')).toBeNull();
    expect(classifyAddress('2a00:1450:4001:80b::200e')).toBeNull();
    expect(classifyAddress('not an ip')).toBe('invalid');
    expect(classifyAddress('1.2.3')).toBe('invalid');
    expect(classifyAddress('1::2::3')).toBe('invalid');
    expect(classifyAddress('')).toBe('invalid');
  });
});

describe('checkUrl', () => {
  const refused = (u: string) => {
    expect(() => checkUrl(u, policy), u).toThrow(BlockedUrlError);
  };

  it('accepts http and https on the allowed ports', () => {
    expect(checkUrl('https://example.org/a?b#c', policy).href).toBe('https://example.org/a?b#c');
    expect(checkUrl('http://example.org:80/', policy).host).toBe('example.org');
    expect(checkUrl('https://example.org:443/', policy).host).toBe('example.org');
    expect(checkUrl('https://8.8.8.8/', policy).hostname).toBe('8.8.8.8');
  });

  it('refuses other schemes, credentials and ports', () => {
    for (const u of ['ftp://example.org/', 'file:///etc/passwd', 'gopher://example.org/', 'javascript:alert(1)', 'data:text/html,x', 'not a url']) refused(u);
    refused('https://user:pass@example.org/');
    refused('https://user@example.org/');
    refused('http://example.org:8080/');
    refused('https://example.org:22/');
  });

  it('refuses IP literals in every spelling the WHATWG parser normalises', () => {
    // The parser turns decimal, octal, hex and short forms into the dotted quad before we look.
    expect(new URL('http://2130706433/').hostname).toBe('127.0.0.1');
    expect(new URL('http://0x7f.1/').hostname).toBe('127.0.0.1');
    expect(new URL('http://0177.0.0.1/').hostname).toBe('127.0.0.1');
    expect(new URL('http://127.1/').hostname).toBe('127.0.0.1');
    expect(new URL('http://[::ffff:127.0.0.1]/').hostname).toBe('[::ffff:7f00:1]');
    for (const u of [
      'http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://127.1/', 'http://0x7f000001/',
      'http://0/', 'http://0.0.0.0/', 'http://10.1.2.3/', 'http://167772161/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/', 'http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]/', 'http://[fd00::1]/', 'http://100.64.0.1/',
      'http://224.0.0.1/', 'http://255.255.255.255/', 'http://%31%32%37.0.0.1/',
    ]) refused(u);
  });

  it('exempts the hosts of LINK_PREVIEW_ALLOW_PRIVATE_HOSTS from the address and port checks', () => {
    const test: UrlPolicy = { ...policy, privateHostsAllowed: new Set(['127.0.0.1']) };
    expect(checkUrl('http://127.0.0.1:4567/x', test).port).toBe('4567');
    expect(() => checkUrl('http://127.0.0.2:4567/x', test)).toThrow(BlockedUrlError);
    expect(() => checkUrl('http://user:x@127.0.0.1:4567/x', test)).toThrow(BlockedUrlError);
  });
});

describe('checkAddresses', () => {
  it('refuses a name when ANY of its addresses is refused', () => {
    expect(() => checkAddresses('example.org', ['93.184.215.14'], policy)).not.toThrow();
    expect(() => checkAddresses('example.org', ['93.184.215.14', '10.0.0.1'], policy)).toThrow(BlockedUrlError);
    expect(() => checkAddresses('example.org', ['2606:4700::1', '::1'], policy)).toThrow(/loopback/);
    expect(() => checkAddresses('example.org', [], policy)).toThrow(BlockedUrlError);
  });
});
