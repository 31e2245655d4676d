//! Request ids and idempotency keys.

/// A fresh random UUIDv4 string (used for X-Request-ID and Idempotency-Key).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Percent-encodes one path segment (ids are normally safe; this keeps odd ones from escaping).
pub fn encode_segment(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_uuids() {
        let (a, b) = (new_id(), new_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
    }

    #[test]
    fn segments_are_escaped() {
        assert_eq!(encode_segment("vm-1"), "vm-1");
        assert_eq!(encode_segment("a/b c"), "a%2Fb%20c");
    }
}
