// SSRF address policy (issue 11 item 8): only global unicast addresses may be fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAddress, isLocalHostname, isPublicAddress, parseIPv6 } from '../../src/domain/net/addresses.ts';

test('IPv4: loopback, private, CGNAT, link-local (metadata), multicast, unspecified, reserved are refused', () => {
  const cases: [string, string][] = [
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['169.254.169.254', 'link_local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.7', 'documentation'],
    ['198.18.0.1', 'reserved'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['1.1.1.1', 'public'],
  ];
  for (const [address, expected] of cases) assert.equal(classifyAddress(address), expected, address);
});

test('IPv6: ::1, ::, fc00::/7, fe80::/10, multicast, and IPv4 inside IPv6 are judged; global unicast passes', () => {
  const cases: [string, string][] = [
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456::1', 'unique_local'],
    ['fe80::1%eth0', 'link_local'],
    ['febf::1', 'link_local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:169.254.169.254]', 'link_local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['2002:7f00:1::', 'loopback'],
    ['2001::1', 'reserved'],
    ['::ffff:8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['2404:6800:4003:c00::64', 'public'],
  ];
  for (const [address, expected] of cases) assert.equal(classifyAddress(address), expected, address);
  assert.deepEqual(parseIPv6('::ffff:127.0.0.1'), [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
});

test('not an address: invalid (never treated as public); local host names', () => {
  for (const text of ['', 'localhost', '127.1', '0x7f000001', '2130706433', '1.2.3.4.5', '::1::2', '12345::', 'gggg::1']) {
    assert.equal(classifyAddress(text), 'invalid', text);
    assert.equal(isPublicAddress(text), false);
  }
  assert.ok(
    isLocalHostname('localhost') &&
      isLocalHostname('api.localhost') &&
      isLocalHostname('printer.local') &&
      isLocalHostname('db.internal') &&
      isLocalHostname('LOCALHOST.'),
  );
  assert.ok(!isLocalHostname('berita.example'));
});
