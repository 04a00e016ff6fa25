/**
 * Test-only TLS material for the simulated Kubernetes API on 127.0.0.1 (tests and the local demo
 * cluster). `ca` signs `cert` (SAN IP:127.0.0.1, DNS:localhost, valid 2020–2120); `key` is the
 * server's private key. It protects nothing: kubectl sends tokens and exec-plugin credentials
 * only over TLS, so the fake API needs HTTPS to test them. The CA's own key was discarded.
 * Inline (not files) so the suites bundled for the editor tests can use it too.
 */
export const fakeTls = {
  ca: `-----BEGIN CERTIFICATE-----
MIIBpDCCAUqgAwIBAgICEAAwCgYIKoZIzj0EAwIwODE2MDQGA1UEAwwtUnVuYm9v
ayBMZW5zIHNpbXVsYXRlZCBjbHVzdGVyIENBICh0ZXN0IG9ubHkpMCAXDTIwMDEw
MTAwMDAwMFoYDzIxMjAwMTAxMDAwMDAwWjA4MTYwNAYDVQQDDC1SdW5ib29rIExl
bnMgc2ltdWxhdGVkIGNsdXN0ZXIgQ0EgKHRlc3Qgb25seSkwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAARl3PthLpvcgQVbqVK6c5XRDh8syQBRkz6sohedAXJkvMzF
Ze+j7ldKfoXm3xVXw03LnceqDvGMjZjp3CGBMvRLo0IwQDAPBgNVHRMBAf8EBTAD
AQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQU2yvw4OwfmNONYuygn43BqSyh
FqQwCgYIKoZIzj0EAwIDSAAwRQIhAOutzTJNGaRfAq+bsztEz1UO0LUqRTsA9GK2
gdiiFKTsAiBQYihny3BrLoG/ONjw8vgJAx2mBKzKsjYcyAGefA26Wg==
-----END CERTIFICATE-----
`,
  cert: `-----BEGIN CERTIFICATE-----
MIIBzjCCAXSgAwIBAgICEAEwCgYIKoZIzj0EAwIwODE2MDQGA1UEAwwtUnVuYm9v
ayBMZW5zIHNpbXVsYXRlZCBjbHVzdGVyIENBICh0ZXN0IG9ubHkpMCAXDTIwMDEw
MTAwMDAwMFoYDzIxMjAwMTAxMDAwMDAwWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEw
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQcqUrmZWQZOzTzZgFd8WTyzKx77t44
8tKiTzLM2hJx2Qq4n7JdJsN9leHInCwGr0ckLGYaiXcu2aWrCKXq3tkJo4GPMIGM
MAkGA1UdEwQCMAAwDgYDVR0PAQH/BAQDAgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMB
MBoGA1UdEQQTMBGHBH8AAAGCCWxvY2FsaG9zdDAfBgNVHSMEGDAWgBTbK/Dg7B+Y
041i7KCfjcGpLKEWpDAdBgNVHQ4EFgQUr4DYHhn+GSLSexlJ5WO6KJiBP5UwCgYI
KoZIzj0EAwIDSAAwRQIhAK4frmGCRmBO1as1E4ayH56wkDsZ7U/6DcJS3tSeNJks
AiBLnzHK8OPvEAfE51AsqW8AsMbaQZOY8cNoW9uMucMPwQ==
-----END CERTIFICATE-----
`,
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg437BuS+qmk9pzskT
va29Qsjuj4PkfqCAeeIppLz1Kn+hRANCAAQcqUrmZWQZOzTzZgFd8WTyzKx77t44
8tKiTzLM2hJx2Qq4n7JdJsN9leHInCwGr0ckLGYaiXcu2aWrCKXq3tkJ
-----END PRIVATE KEY-----
`,
};
