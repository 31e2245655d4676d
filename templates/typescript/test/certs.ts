// A throwaway self-signed certificate for `localhost` (EC P-256, 2020-2120) and the same key's
// certificate that expired in 2021: test fixtures only, generated with openssl for these tests.
export const TEST_KEY = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgm1XcgbDspxjR2m0A',
  'S+fcq/5rqacyt8abD+82doLD41ahRANCAAQdf576gJmupkN4mEiWfSoLAGNcXoVG',
  'OmqV2yzPJhkRELUEkdJ/myWUPx+JZYgd55GlqUEXK1glV+8IB3rRJZ0t',
  '-----END PRIVATE KEY-----',
].join('\n');
export const TEST_CERT = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBYDCCAQegAwIBAgIBATAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlsb2NhbGhv',
  'c3QwIBcNMjAwMTAxMDAwMDAwWhgPMjEyMDAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM',
  'CWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABB1/nvqAma6mQ3iY',
  'SJZ9KgsAY1xehUY6apXbLM8mGREQtQSR0n+bJZQ/H4lliB3nkaWpQRcrWCVX7wgH',
  'etElnS2jSDBGMBQGA1UdEQQNMAuCCWxvY2FsaG9zdDAPBgNVHRMBAf8EBTADAQH/',
  'MB0GA1UdDgQWBBTpwL9oo3EMBieYB6l2bLl8bsOmsjAKBggqhkjOPQQDAgNHADBE',
  'AiBeKlumTSwrDDk7fsoUjLxJlC4zm8GgDkHLxDgv0wBSOgIgC6RcISubH8vn8GXl',
  '1cE9YW0GivmU/dUKM2Riv8bo2NM=',
  '-----END CERTIFICATE-----',
].join('\n');
export const EXPIRED_CERT = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBXzCCAQWgAwIBAgIBAjAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlsb2NhbGhv',
  'c3QwHhcNMjAwMTAxMDAwMDAwWhcNMjEwMTAxMDAwMDAwWjAUMRIwEAYDVQQDDAls',
  'b2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQdf576gJmupkN4mEiW',
  'fSoLAGNcXoVGOmqV2yzPJhkRELUEkdJ/myWUPx+JZYgd55GlqUEXK1glV+8IB3rR',
  'JZ0to0gwRjAUBgNVHREEDTALgglsb2NhbGhvc3QwDwYDVR0TAQH/BAUwAwEB/zAd',
  'BgNVHQ4EFgQU6cC/aKNxDAYnmAepdmy5fG7DprIwCgYIKoZIzj0EAwIDSAAwRQIh',
  'AN14K0bvZf3U3RgF9SwHwWP3BDypEODAUCiV1O9OJRGXAiA7fJlpvsgg5e5LSp0R',
  'Uh06FnVddreU50hhLFYy0vx+3A==',
  '-----END CERTIFICATE-----',
].join('\n');
