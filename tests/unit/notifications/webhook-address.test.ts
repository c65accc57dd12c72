import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isForbiddenAddress, parseIpv6 } from '../../../src-shared/notifications/webhook-address';

describe('webhook addresses', () => {
  it.each([
    'https://hooks.lab.example/labflow',
    'http://10.0.0.5:8080/hook',
    'http://192.168.1.20/hook',
    'http://127.0.0.1:9000/hook',
    'http://[::1]:9000/hook',
    'https://[2001:db8::1]/hook',
    'http://169.253.0.1/',
    'http://100.100.100.201/',
  ])('accepts %s', (url) => {
    expect(checkWebhookUrl(url)).toMatchObject({ ok: true });
  });

  it.each([
    ['ftp://files.lab.example/', 'http or https'],
    ['file:///etc/passwd', 'http or https'],
    ['javascript:alert(1)', 'http or https'],
    ['not a url', 'full address'],
    ['https://user:pass@hooks.lab.example/', 'credentials'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://169.254.0.1/', 'metadata'],
    ['http://2852039166/', 'metadata'], // 169.254.169.254 as one number
    ['http://0xa9.0xfe.0xa9.0xfe/', 'metadata'],
    ['http://0251.0376.0251.0376/', 'metadata'], // octal
    ['http://[fe80::1]/', 'metadata'],
    ['http://[FE80::a%25eth0]/', 'full address'], // zone ids are not valid in URLs at all
    ['http://[febf::1]/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://[::ffff:a9fe:a9fe]/', 'metadata'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://METADATA.GOOGLE.INTERNAL./', 'metadata'],
    ['http://metadata/', 'metadata'],
    ['http://instance-data.ec2.internal/', 'metadata'],
    ['http://100.100.100.200/latest/meta-data/', 'metadata'],
    ['http://0.0.0.0:8080/', 'metadata'],
    ['http://[::]:8080/', 'metadata'],
  ])('refuses %s', (url, reason) => {
    const result = checkWebhookUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'invalid_input', field: 'url' });
      expect(result.error.message).toContain(reason);
    }
  });

  it('checks resolved addresses the same way', () => {
    expect(isForbiddenAddress('169.254.169.254')).toBe(true);
    expect(isForbiddenAddress('fe80::1c2:3')).toBe(true);
    expect(isForbiddenAddress('::ffff:169.254.1.1')).toBe(true);
    expect(isForbiddenAddress('10.1.2.3')).toBe(false);
    expect(isForbiddenAddress('::1')).toBe(false);
    expect(isForbiddenAddress('2001:db8::1')).toBe(false);
    expect(isForbiddenAddress('hooks.lab.example')).toBe(false);
  });

  it('parses IPv6 forms', () => {
    expect(parseIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('fe80::1')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('1:2:3')).toBeNull();
    expect(parseIpv6('12345::')).toBeNull();
  });
});
