// Code generated from templates/go/runtime/transport.go by generator/; DO NOT EDIT.

package dwcp

import (
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// newTransport builds the pooled HTTP transport of a client: at most MaxStreams connections to the
// server, idle ones kept for KeepAlivePeriod when KeepAlive is on.
func newTransport(cfg ClientConfig) *http.Transport {
	dialer := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: cfg.KeepAlivePeriod}
	if !cfg.KeepAlive {
		dialer.KeepAlive = -1
	}
	var tlsConfig *tls.Config
	if cfg.TLSConfig != nil {
		tlsConfig = cfg.TLSConfig.Clone()
	}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSClientConfig:       tlsConfig,
		TLSHandshakeTimeout:   cfg.ConnectTimeout,
		DisableKeepAlives:     !cfg.KeepAlive,
		DisableCompression:    true,
		MaxIdleConns:          cfg.MaxStreams,
		MaxIdleConnsPerHost:   cfg.MaxStreams,
		MaxConnsPerHost:       cfg.MaxStreams,
		IdleConnTimeout:       cfg.KeepAlivePeriod,
		ExpectContinueTimeout: time.Second,
		ReadBufferSize:        cfg.BufferSize,
		WriteBufferSize:       cfg.BufferSize,
	}
}

// baseURL is {http|https}://{address}:{port}/v3; a scheme in the address wins over TLSEnabled
// (ws and wss map to http and https) and a port in the address wins over Port.
func baseURL(cfg ClientConfig) (string, error) {
	scheme := "http"
	if cfg.TLSEnabled {
		scheme = "https"
	}
	host := strings.TrimSpace(cfg.Address)
	if i := strings.Index(host, "://"); i >= 0 {
		u, err := url.Parse(host)
		if err != nil || u.Host == "" {
			return "", invalidConfig("address", "is not a valid address")
		}
		switch strings.ToLower(u.Scheme) {
		case "http", "ws":
			scheme = "http"
		case "https", "wss":
			scheme = "https"
		default:
			return "", invalidConfig("address", "has an unsupported scheme "+strconv.Quote(u.Scheme))
		}
		host = u.Host
	}
	if host == "" {
		return "", invalidConfig("address", "is required")
	}
	if _, _, err := net.SplitHostPort(host); err != nil {
		host = net.JoinHostPort(strings.Trim(host, "[]"), strconv.Itoa(cfg.Port))
	}
	return scheme + "://" + host + basePath, nil
}

// invalidConfig is a validation error naming the offending field.
func invalidConfig(field, problem string) *Error {
	e := clientError("validation_failed", field+" "+problem)
	e.Field = field
	return e
}
